namespace Minutes.Sessions;

/// <summary>Why a session starts where it does, and the evidence (segment and matched text).</summary>
/// <remarks><see cref="PauseSeconds"/>: the silence before the boundary's first segment (absent at the start and in older runs).</remarks>
public sealed record SessionBoundary(string Reason, string? SegmentId = null, string? Evidence = null, string? Pattern = null, double? PauseSeconds = null)
{
    /// <summary>
    /// Every signal seen at the boundary, as short lines (a facilitator's hand-over, the presenter
    /// who speaks next, the agenda line naming that presenter, the silence before it); null when
    /// there is nothing beside <see cref="Evidence"/>.
    /// </summary>
    public IReadOnlyList<string>? Signals { get; init; }
}

/// <summary>An agenda part of the meeting (開会, 議題1, 休憩, 閉会 …); ids p01….</summary>
public sealed record Session(
    string Id,
    string Title,
    string Kind,
    double Start,
    double End,
    IReadOnlyList<string> SegmentIds,
    SessionBoundary Boundary);

/// <summary><c>trace/05-sessions.json</c>.</summary>
public sealed record SessionPlan(
    string Method,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<Session> Sessions,
    IReadOnlyList<string> Notes)
{
    /// <summary>The artifact's schema version (<c>docs/schemas/</c>); absent in older runs, which read as 1.</summary>
    /// <remarks>The source generator sets a member the JSON lacks to 0: that reads as 1 too.</remarks>
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public int SchemaVersion { get => field == 0 ? Runs.SchemaVersions.Unversioned : field; init; } = Runs.SchemaVersions.Current;

    /// <summary>
    /// The warnings among <see cref="Notes"/> as messages, for the console in the user's language;
    /// known only to the run that made the plan (the trace keeps them, in English, in the notes).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<Text.Message> Warnings { get; init; } = [];
}
