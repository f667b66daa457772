namespace Minutes.Review.Workbench;

/// <summary>
/// What an action changed: a one-line message, the segments it touched (as they are now), every
/// statement's verification, the number of corrections, and whether the page must load again
/// (a redraft or an approval changes the whole draft or its header).
/// </summary>
public sealed record WorkbenchUpdate(string Message, int Corrections, IReadOnlyList<WorkbenchSegment> Segments, IReadOnlyList<WorkbenchStatement> Statements, bool Reload);
