namespace Minutes.Review.Workbench;

/// <summary>A personal-information finding with the decision in force (keep, redact, or null when undecided).</summary>
public sealed record WorkbenchFinding(string Id, string Kind, string Text, string SegmentId, bool Private, string? Decision);
