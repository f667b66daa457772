namespace Minutes.Review.Workbench;

/// <summary>One statement that differs between two versions of the draft: its id and text before and after.</summary>
public sealed record DraftChange(DraftChangeKind Kind, string? BeforeId, string? AfterId, string? BeforeText, string? AfterText);
