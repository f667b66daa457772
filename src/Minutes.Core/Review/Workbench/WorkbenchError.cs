namespace Minutes.Review.Workbench;

/// <summary>The body of a refused request: one line saying why.</summary>
public sealed record WorkbenchError(string Error);
