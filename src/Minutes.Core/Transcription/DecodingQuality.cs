using System.IO.Compression;
using System.Text;

namespace Minutes.Transcription;

/// <summary>
/// The two tests after which Whisper decodes a window again at a higher temperature (OpenAI's
/// <c>transcribe()</c>): text that compresses too well is a loop; tokens the model itself found
/// unlikely are a guess.
/// </summary>
public static class DecodingQuality
{
    /// <summary>UTF-8 bytes over zlib-compressed bytes, as OpenAI's <c>compression_ratio</c>.</summary>
    public static double CompressionRatio(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length == 0)
        {
            return 0;
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(bytes);
        }

        return bytes.Length / (double)compressed.Length;
    }
}
