namespace Minutes.Vad;

/// <summary>A stretch of the recording that holds speech; ids r0001… in time order.</summary>
public sealed record SpeechRegion(string Id, double Start, double End)
{
    public double Duration => End - Start;
}

/// <summary>
/// <c>trace/02-vad.json</c>: which detector ran (silero or energy), with what settings and model,
/// why a fallback was taken, and the speech regions it found.
/// </summary>
public sealed record VadTrace(
    string Detector,
    string? Model,
    string? ModelSha256,
    IReadOnlyDictionary<string, string> Settings,
    double Duration,
    double SpeechSeconds,
    IReadOnlyList<SpeechRegion> Regions,
    string? FallbackReason = null)
{
    /// <summary>The artifact's schema version (<c>docs/schemas/</c>); absent in older runs, which read as 1.</summary>
    /// <remarks>The source generator sets a member the JSON lacks to 0: that reads as 1 too.</remarks>
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public int SchemaVersion { get => field == 0 ? Runs.SchemaVersions.Unversioned : field; init; } = Runs.SchemaVersions.Current;
}
