using System.Buffers.Binary;
using Minutes.Runs;

namespace Minutes.Transcription;

/// <summary>
/// The header of a whisper.cpp ggml model, read before the file is handed to native code: a
/// file that is not a Whisper model (a Silero VAD model, a truncated download, an F32 model the
/// CPU kernels reject) would abort the process with no message instead of failing.
/// </summary>
public sealed record WhisperModelFile(
    string Path,
    int Vocabulary,
    int AudioState,
    int AudioLayers,
    int TextState,
    int TextLayers,
    int Mels,
    int FileType)
{
    private const uint GgmlMagic = 0x67676d6c;

    /// <summary>The size class whisper.cpp names from the encoder's layer count.</summary>
    public string SizeClass => AudioLayers switch
    {
        4 => "tiny",
        6 => "base",
        12 => "small",
        24 => "medium",
        32 => "large",
        _ => $"custom ({AudioLayers} encoder layers)",
    };

    public bool Multilingual => Vocabulary >= 51865;

    public static WhisperModelFile Inspect(string path)
    {
        if (!File.Exists(path))
        {
            throw new MinutesException($"Whisper model file not found: {path}");
        }

        var header = new byte[48];
        using (var stream = File.OpenRead(path))
        {
            if (stream.Length < 1024 || stream.Read(header) != header.Length)
            {
                throw new MinutesException($"'{path}' is too small to be a Whisper model.");
            }
        }

        var magic = BinaryPrimitives.ReadUInt32LittleEndian(header);
        if (magic != GgmlMagic)
        {
            throw new MinutesException($"'{path}' is not a whisper.cpp ggml model (wrong magic number).");
        }

        int Field(int index) => BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(4 + (index * 4)));
        var model = new WhisperModelFile(path, Field(0), Field(2), Field(4), Field(6), Field(8), Field(9), Field(10));

        // A Silero VAD model shares the magic but stores its name ("silero-16k") where a Whisper
        // model stores the vocabulary size.
        if (model.Vocabulary is < 51864 or > 52000 || Field(1) != 1500 || Field(5) != 448)
        {
            throw new MinutesException($"'{path}' is a ggml file but not a Whisper model (is it a VAD model?).");
        }

        if (model.Mels is not (80 or 128) || model.AudioState <= 0 || model.AudioLayers <= 0 || model.TextLayers <= 0)
        {
            throw new MinutesException($"'{path}' has an invalid Whisper header.");
        }

        // whisper.cpp stores the quantisation version in the thousands of ftype; F32 (0) aborts
        // in the convolution kernels of this runtime.
        if (model.FileType % 1000 == 0)
        {
            throw new MinutesException($"'{path}' is an F32 Whisper model, which this runtime cannot run; use an F16 or quantised model.");
        }

        return model;
    }
}
