using Minutes.Runs;

namespace Minutes.Privacy;

/// <summary>
/// One reviewer's decision about one personal-information finding (by its id in
/// <c>07-minutes.json</c>), with the finding's text and segment as they were, chained like the
/// other logs people append to. A later decision about the same finding replaces an earlier one.
/// </summary>
public sealed record PrivacyDecision(
    int Sequence,
    string FindingId,
    string Kind,
    string Text,
    string SegmentId,
    PrivacyDecisionKind Decision,
    string Reviewer,
    DateTimeOffset Time,
    string? Reason,
    string Previous,
    string Sha256) : IChainedEntry;
