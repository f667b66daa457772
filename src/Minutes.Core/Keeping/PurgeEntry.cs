using Minutes.Runs;

namespace Minutes.Keeping;

/// <summary>
/// One purge: who removed what from an approved run and when: <see cref="What"/> is
/// <c>recording</c> and/or <c>personal-information</c>; <see cref="Files"/> each file removed or
/// rewritten with its digest before (and after); <see cref="NotRemoved"/> what the purge leaves
/// to the clerk (the original recording outside the run). Chained like the other logs.
/// </summary>
public sealed record PurgeEntry(
    int Sequence,
    string Reviewer,
    DateTimeOffset Time,
    string? Reason,
    IReadOnlyList<string> What,
    IReadOnlyList<PurgedFile> Files,
    IReadOnlyList<string> NotRemoved,
    string Previous,
    string Sha256) : IChainedEntry;
