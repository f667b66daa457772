using Minutes.Runs;

namespace Minutes.Review.Workbench;

/// <summary>
/// A reviewer's mark that a statement was checked against the recording: the statement's id and
/// the sha256 of its text when checked (a redraft that changes the text leaves it unchecked
/// again), chained like corrections.
/// </summary>
public sealed record ReviewCheck(
    int Sequence,
    string StatementId,
    string TextSha256,
    string Reviewer,
    DateTimeOffset Time,
    string Previous,
    string Sha256) : IChainedEntry;
