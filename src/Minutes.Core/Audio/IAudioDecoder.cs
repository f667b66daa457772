namespace Minutes.Audio;

/// <summary>
/// Decodes a recording in any supported format to 16 kHz mono 16-bit PCM WAV at
/// <paramref name="pcmPath"/>, streaming (never the whole recording in memory), and describes
/// what it read (all but <see cref="AudioInfo.SourceSha256"/>, which the audio stage fills from
/// the digest it already has, so a long recording is not read once more). Bad input fails with a one-line <see cref="Runs.MinutesException"/>.
/// </summary>
public interface IAudioDecoder
{
    Task<AudioInfo> DecodeAsync(string source, string pcmPath, IProgress<double>? progress, CancellationToken cancellationToken);
}
