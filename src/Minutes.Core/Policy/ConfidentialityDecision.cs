namespace Minutes.Policy;

/// <summary>
/// The level a command works at, decided before it does any work, and what must be recorded in
/// the manifest for it (the level of a run that has none yet, and a change).
/// </summary>
public sealed record ConfidentialityDecision(Confidentiality Level, bool RunHasLevel, ConfidentialityChange? Change);
