using Minutes.Runs;

namespace Minutes.Review;

/// <summary>
/// What <c>minutes review --json</c> prints: the review's flags as ids and counts, the lines that
/// stand between the draft and an approval, and whether the current version is approved.
/// <see cref="Blocked"/> is what <c>review --check</c> exits 3 on: something blocks approval and
/// the current version is not approved yet. At level 3 the two-reviewer line is a blocker until
/// two different reviewers approved this version, so a level-3 run is blocked before its first
/// approval even when nothing else is flagged.
/// </summary>
public sealed record ReviewReport(
    string Run,
    string ReviewPage,
    int Version,
    bool Approved,
    bool Blocked,
    IReadOnlyList<string> Blockers,
    int Statements,
    IReadOnlyList<string> Unsupported,
    IReadOnlyList<string> ChangedVerdicts,
    IReadOnlyList<string> UnresolvedCitations,
    int PersonalInformation,
    IReadOnlyList<string> UndecidedPrivate,
    IReadOnlyList<string> LowConfidence,
    int Dropped,
    IReadOnlyList<string> InferredSpeakers,
    SpeakerCountCheck? SpeakerCount,
    int Confidentiality)
{
    /// <summary>Raised when a field changes meaning or goes; new fields do not raise it.</summary>
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>What the draft left out: substantive segments no statement cites, per part.</summary>
    public IReadOnlyList<Editing.UncitedPart> Uncited { get; init; } = [];

    /// <summary>Edits a redraft left without their statement (they block approval).</summary>
    public IReadOnlyList<Editing.EditConflict> EditConflicts { get; init; } = [];
    /// <summary>Segments whose speaker the diarizer doubts, with the reason (<see cref="SpeakerDoubt"/>).</summary>
    public IReadOnlyList<SpeakerDoubt> SpeakerDoubts { get; init; } = [];

    public static ReviewReport Of(RunFolder run, ReviewFlags flags)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(flags);
        var state = ApprovalState.Of(run, flags.Confidentiality);
        var blockers = flags.Blockers();
        return new ReviewReport(
            run.Root,
            run.PathOf(RunFolder.ReviewPage),
            state.Version,
            state.IsApproved,
            blockers.Count > 0 && !state.IsApproved,
            // English under any locale: scripts read the same words; people read review's text form or the page.
            blockers.Select(b => b.English).ToList(),
            flags.Statements,
            flags.Unsupported.Select(i => i.Id).ToList(),
            flags.ChangedVerdicts.Select(i => i.Id).ToList(),
            flags.UnresolvedCitations,
            flags.PersonalInformation.Count,
            flags.UndecidedPrivate.Select(e => e.Id).ToList(),
            flags.LowConfidence.Select(s => s.Id).ToList(),
            flags.Dropped.Count,
            flags.InferredSpeakers.Select(s => s.Id).ToList(),
            flags.SpeakerCount,
            flags.Confidentiality.Level)
        {
            Uncited = flags.Uncited,
            EditConflicts = flags.EditConflicts,
            SpeakerDoubts = flags.SpeakerDoubts,
        };
    }
}
