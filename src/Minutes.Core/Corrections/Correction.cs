using Minutes.Runs;

namespace Minutes.Corrections;

/// <summary>
/// One recorded correction of the transcript: who changed what, when and why, with the text as it
/// was and as it became. <see cref="Target"/> is the segment id (text, speaker), the speaker label
/// (rename, merge: the one that stays) or the wrong term (replace); <see cref="Segments"/> lists
/// every segment the correction changed. Entries are chained like approvals: <see cref="Previous"/>
/// is the digest of the entry before and <see cref="Sha256"/> the digest of this one (with
/// <c>sha256</c> empty), so an edited or removed correction is noticed.
/// </summary>
public sealed record Correction(
    int Sequence,
    CorrectionOperation Operation,
    string Reviewer,
    DateTimeOffset Time,
    string? Reason,
    string Target,
    string Before,
    string After,
    IReadOnlyList<string> Segments,
    string Previous,
    string Sha256) : IChainedEntry;
