namespace Minutes.Audio;

/// <summary>
/// Which decoder takes a container the tool does not read itself. ffmpeg wherever it is on PATH (it
/// reads everything, and it is the path the tests exercise); on Windows without ffmpeg, Media
/// Foundation for the containers every Windows PC decodes out of the box (AAC in MP4/M4A, WMA in
/// ASF), since the clerks' PCs on closed networks seldom have ffmpeg and cannot download it.
/// </summary>
public static class ExternalDecoderChoice
{
    /// <summary>Containers (as <see cref="AudioDecoder.Sniff"/> names them) that Media Foundation decodes on Windows.</summary>
    public static IReadOnlySet<string> MediaFoundationContainers { get; } = new HashSet<string>(StringComparer.Ordinal) { "mp4", "m4a", "aac", "wma", "mov", "3gp" };

    public static ExternalDecoder For(string container, bool windows, bool ffmpegFound)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (ffmpegFound)
        {
            return ExternalDecoder.Ffmpeg;
        }

        return windows && MediaFoundationContainers.Contains(container) ? ExternalDecoder.MediaFoundation : ExternalDecoder.None;
    }
}
