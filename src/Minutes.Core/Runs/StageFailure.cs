namespace Minutes.Runs;

/// <summary>A failed attempt at a stage that had completed before: when, how long, with what parameters, why.</summary>
public sealed record StageFailure(
    DateTimeOffset Started,
    double ElapsedSeconds,
    IReadOnlyDictionary<string, string> Parameters,
    string Error);
