namespace Minutes.Corrections;

/// <summary>A correction as recorded, and the statements of the draft that cite a segment it changed.</summary>
public sealed record CorrectionResult(Correction Correction, IReadOnlyList<string> CitingStatements);
