namespace Minutes.Provenance;

/// <summary>The session a segment falls in and why its boundary is where it is (agenda match, cue phrase, pause).</summary>
public sealed record SessionStep(string Id, string Title, double Start, double End, string Reason, string? SegmentId, string? Evidence, string? Pattern, double? PauseSeconds);
