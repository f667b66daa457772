namespace Minutes.Provenance;

/// <summary>
/// How a statement was made: by a rule of the offline drafter (<see cref="Rule"/>, <see cref="Cue"/>)
/// or by an LLM call (<see cref="Call"/> trace file, its model, endpoint host, part, the item's
/// <see cref="Pointer"/> in the answer and the answer's <see cref="Fragment"/> there); a merged
/// item lists the part answers' items it was merged from in <see cref="Parts"/>.
/// </summary>
public sealed record MakingStep(
    string Method,
    string? Rule = null,
    string? Cue = null,
    string? Call = null,
    string? Model = null,
    string? EndpointHost = null,
    string? Part = null,
    string? Pointer = null,
    string? Fragment = null,
    IReadOnlyList<MakingStep>? Parts = null);
