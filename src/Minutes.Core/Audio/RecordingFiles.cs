using Minutes.Runs;

namespace Minutes.Audio;

/// <summary>The recordings in a folder, for <c>transcribe --batch</c>.</summary>
public static class RecordingFiles
{
    /// <summary>Names of containers ffmpeg or the in-process decoders read; a file with another name counts when its first bytes say it is audio.</summary>
    public static IReadOnlySet<string> Extensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".wav", ".mp3", ".ogg", ".oga", ".opus", ".m4a", ".mp4", ".aac", ".flac", ".wma", ".webm", ".mkv", ".mov", ".3gp", ".amr",
    };

    /// <summary>
    /// The files directly in <paramref name="folder"/> that are recordings by their name or their
    /// first bytes, sorted by name (ordinal, so the order does not depend on the machine's
    /// culture). Hidden files are left out. A file named like a recording is listed even when it
    /// is not one: decoding it then fails with its reason instead of it being skipped unseen.
    /// </summary>
    public static IReadOnlyList<string> In(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return Directory.EnumerateFiles(folder)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Where(f => Extensions.Contains(Path.GetExtension(f)) || (FileLength.Of(f) > 0 && AudioDecoder.Sniff(f) != "unknown"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
