namespace Minutes.Editing;

/// <summary>One agenda part's substantive segments that no statement of the minutes cites.</summary>
public sealed record UncitedPart(string SessionId, string Title, IReadOnlyList<UncitedSegment> Segments);
