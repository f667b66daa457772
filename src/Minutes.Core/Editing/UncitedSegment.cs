namespace Minutes.Editing;

/// <summary>A segment the minutes leave out: its id, time, speaker as named, and text.</summary>
public sealed record UncitedSegment(string Id, double Start, double End, string? Speaker, string Text);
