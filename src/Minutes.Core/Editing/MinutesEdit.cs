using Minutes.Runs;

namespace Minutes.Editing;

/// <summary>
/// One recorded edit of the minutes: who changed which statement, when and why, with the text as
/// it was and as it became. <see cref="DraftedSha256"/> is the sha256 of the drafted statement's
/// text the edit was made on (null for an insert and for an edit of an inserted statement): a
/// redraft that changes that statement turns the edit into a conflict instead of applying it to
/// other words. For an insert, <see cref="Item"/> is the statement (or part) it follows and
/// <see cref="NewItem"/> the id it gets (e0003: e and the edit's sequence). Chained like
/// corrections (<see cref="HashChain"/>).
/// </summary>
public sealed record MinutesEdit(
    int Sequence,
    MinutesEditOperation Operation,
    string Item,
    string Reviewer,
    DateTimeOffset Time,
    string? Reason,
    string Before,
    string After,
    IReadOnlyList<string> Citations,
    string? DraftedSha256,
    string? NewItem,
    string Previous,
    string Sha256) : IChainedEntry;
