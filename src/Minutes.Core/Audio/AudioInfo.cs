namespace Minutes.Audio;

/// <summary>
/// <c>trace/01-audio.json</c>: what the recording was and what it was decoded to. The decoded
/// audio (16 kHz mono, 16-bit PCM WAV) is kept in the run as <c>work/audio-16k.wav</c> so that
/// later stages read only the spans they need instead of holding the whole recording in memory.
/// Levels are in dBFS of the decoded audio (-120 for digital silence); warnings say what was
/// repaired (a header that lies about its length, a truncated last frame). A meeting recorded
/// in several files is decoded into one audio, in the order given, its times continuing from one
/// file to the next: <see cref="Sources"/> lists the files with their start and duration, and the
/// single-source fields describe the whole (see <see cref="AudioJoin"/>).
/// </summary>
public sealed record AudioInfo(
    string Source,
    string SourceSha256,
    long SourceBytes,
    string Container,
    string Codec,
    int SampleRate,
    int Channels,
    int? BitsPerSample,
    double Duration,
    string Decoder,
    int DecodedSampleRate,
    long DecodedSamples,
    string DecodedFile,
    double PeakLevel,
    double RmsLevel,
    IReadOnlyList<string>? Warnings = null,
    IReadOnlyList<AudioSourcePart>? Sources = null)
{
    /// <summary>The artifact's schema version (<c>docs/schemas/</c>); absent in older runs, which read as 1.</summary>
    /// <remarks>The source generator sets a member the JSON lacks to 0: that reads as 1 too.</remarks>
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public int SchemaVersion { get => field == 0 ? Runs.SchemaVersions.Unversioned : field; init; } = Runs.SchemaVersions.Current;

    /// <summary>
    /// The per-channel loudness kept for a recording of two or more channels (<see cref="Audio.ChannelLevels"/>,
    /// <c>work/audio-16k.channels.bin</c>); absent for mono and for joined files whose channel counts differ.
    /// </summary>
    public string? ChannelLevelsFile { get; init; }
}
