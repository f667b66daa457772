namespace Minutes.Drafting;

/// <summary>
/// How a minutes item was made. The offline drafter (<see cref="Method"/> <c>rule</c>) names the
/// <see cref="Rule"/> that selected the statement (<c>decision</c>, <c>question</c>, <c>answer</c>,
/// <c>summary</c>, <c>statement</c>, <c>action</c>, <c>procedure:KIND</c>) and the <see cref="Cue"/>,
/// the words of the transcript a cue table matched. The LLM drafter (<c>llm</c>) names the trace
/// file of the call whose answer holds the item (<see cref="Call"/>, run-relative) and the item's
/// place in that answer (<see cref="Pointer"/>, a JSON pointer such as <c>/items/2</c>); for an item
/// a merge call returned, <see cref="Parts"/> are the part answers' items it was merged from (those
/// citing a segment it cites).
/// </summary>
public sealed record ItemProvenance(
    string Method,
    string? Rule = null,
    string? Cue = null,
    string? Call = null,
    string? Pointer = null,
    IReadOnlyList<CallPointer>? Parts = null)
{
    public const string ByRule = "rule";
    public const string ByLlm = "llm";
}
