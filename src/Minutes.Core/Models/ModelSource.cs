using Minutes.Text;

namespace Minutes.Models;

/// <summary>
/// A model that <c>minutes models pull</c> can fetch: where it comes from, the file name it gets in
/// the models folder, its approximate size and the digests known for it. <see cref="Sha1"/> is the
/// SHA-1 whisper.cpp publishes for its ggml files; <see cref="Sha256"/> is set where the exact file
/// is known (otherwise the server's LFS sha256 is checked and recorded at pull time).
/// </summary>
public sealed record ModelSource(
    string Name,
    ModelKind Kind,
    Uri Url,
    string FileName,
    string Size,
    string? Sha1 = null,
    string? Sha256 = null,
    long? Bytes = null,
    string? Note = null)
{
    /// <summary>A model given by URL: the file keeps the URL's last path segment as its name.</summary>
    public static ModelSource FromUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var file = Uri.UnescapeDataString(url.Segments.LastOrDefault()?.Trim('/') ?? string.Empty);
        if (string.IsNullOrEmpty(file) || file.Contains("..", StringComparison.Ordinal))
        {
            throw new Runs.MinutesException(Messages.Get("UrlNoFileName", url));
        }

        var kind = file.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) ? ModelKind.Speaker
            : file.Contains("silero", StringComparison.OrdinalIgnoreCase) ? ModelKind.Vad
            : ModelKind.Whisper;
        return new ModelSource(file, kind, url, file, "?");
    }
}
