namespace Minutes.Runs;

/// <summary>Progress of a long stage: fraction done in [0, 1] and an optional detail.</summary>
public readonly record struct StageProgress(string Stage, double Fraction, string? Detail = null);
