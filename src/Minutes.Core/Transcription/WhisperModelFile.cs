using Minutes.Models;
using Minutes.Runs;
using Minutes.Text;

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
            throw new MinutesException(Messages.Get("WhisperModelFileNotFound", path));
        }

        if (FileLength.Of(path) < 1024)
        {
            throw new MinutesException(Messages.Get("WhisperModelTooSmall", path));
        }

        // One rule decides what a ggml file is (also used by the model store and the downloader).
        var header = GgmlModelHeader.Inspect(path);
        if (header is not { Kind: GgmlModelKind.Whisper, Hyperparameters: { } hp })
        {
            throw new MinutesException(Messages.Get("NotAWhisperModel", path, header.Description));
        }

        var model = new WhisperModelFile(path, hp[0], hp[2], hp[4], hp[6], hp[8], hp[9], hp[10]);
        // whisper.cpp stores the quantisation version in the thousands of ftype; F32 (0) aborts
        // in the convolution kernels of this runtime.
        if (model.FileType % 1000 == 0)
        {
            throw new MinutesException(Messages.Get("WhisperModelF32", path));
        }

        return model;
    }
}
