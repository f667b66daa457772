namespace Minutes.Transcription;

/// <summary>
/// One recognised utterance, on the recording's timeline (seconds). Ids s0001… are stable:
/// the minutes cite them. <see cref="Speaker"/> is filled by the speakers stage or an import.
/// </summary>
public sealed record TranscriptSegment(
    string Id,
    double Start,
    double End,
    string Text,
    string? Speaker = null,
    string? RegionId = null,
    double? Confidence = null,
    double? NoSpeechProbability = null,
    IReadOnlyList<string>? Flags = null,
    int? Chunk = null);

/// <summary>Whisper output that was not kept, with the reason (e.g. a phrase invented in silence).</summary>
public sealed record DroppedSegment(double Start, double End, string Text, string Reason, string? RegionId = null);

/// <summary>Where the text came from: a Whisper model (name, file digest) or an imported file.</summary>
public sealed record TranscriptSource(string Kind, string Name, string? Sha256 = null);

/// <summary><c>trace/03-transcript.json</c>.</summary>
public sealed record Transcript(
    string Language,
    TranscriptSource Source,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<TranscriptSegment> Segments,
    IReadOnlyList<DroppedSegment> Dropped,
    IReadOnlyList<TranscriptionChunk>? Chunks = null)
{
    /// <summary>The artifact's schema version (<c>docs/schemas/</c>); absent in older runs, which read as 1.</summary>
    /// <remarks>The source generator sets a member the JSON lacks to 0: that reads as 1 too.</remarks>
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public int SchemaVersion { get => field == 0 ? Runs.SchemaVersions.Unversioned : field; init; } = Runs.SchemaVersions.Current;
}

/// <summary>The flags a transcript segment may carry.</summary>
public static class SegmentFlags
{
    public const string Repetition = "repetition";
    public const string SilenceHallucination = "silence-hallucination";
    public const string LowConfidence = "low-confidence";

    /// <summary>The window failed the compression-ratio or log-probability test at temperature 0 and was decoded again hotter.</summary>
    public const string TemperatureFallback = "temperature-fallback";
}
