namespace Minutes.Audio;

/// <summary>
/// Decodes a recording in any supported format to 16 kHz mono 16-bit PCM WAV at
/// <paramref name="pcmPath"/>, streaming (never the whole recording in memory), and describes
/// what it read. Bad input fails with a one-line <see cref="Runs.MinutesException"/>.
/// </summary>
public interface IAudioDecoder
{
    Task<AudioInfo> DecodeAsync(string source, string pcmPath, IProgress<double>? progress, CancellationToken cancellationToken);
}
