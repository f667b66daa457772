namespace Minutes.Review.Workbench;

/// <summary>How many segments, and how many places in them, a replacement would change (shown before it is applied).</summary>
public sealed record WorkbenchCount(string Term, int Segments, int Occurrences);
