namespace Minutes.Review.Workbench;

/// <summary>
/// A statement of the draft with its verification against the transcript as it stands now, and
/// who marked it as checked (null when nobody did, or the text changed since).
/// </summary>
public sealed record WorkbenchStatement(string Id, string Kind, string Text, IReadOnlyList<string> Citations, string Status, IReadOnlyList<string> Reasons, string? CheckedBy);
