using Minutes.Drafting;
using Minutes.Editing;
using Minutes.Json;
using Minutes.Policy;
using Minutes.Privacy;
using Minutes.Rendering;
using Minutes.Runs;
using Minutes.Speakers;
using Minutes.Text;
using Minutes.Transcription;

namespace Minutes.Review;

/// <summary>
/// What a reviewer must look at: statements verification could not support (verified again
/// against the transcript as it is now, see <see cref="StatementCheck"/>), personal
/// information found, transcript segments recognised with low confidence or dropped, speakers
/// whose name was inferred, citations that point at no segment, and a speaker count the
/// diarizer estimated close to its threshold.
/// </summary>
public sealed record ReviewFlags(
    IReadOnlyList<MinutesItem> Unsupported,
    IReadOnlyList<PersonalInfoFinding> PersonalInformation,
    IReadOnlyList<TranscriptSegment> LowConfidence,
    IReadOnlyList<DroppedSegment> Dropped,
    IReadOnlyList<Speaker> InferredSpeakers,
    IReadOnlyList<string> UnresolvedCitations,
    int Statements,
    Confidentiality Confidentiality)
{
    /// <summary>A BIC score this close to the speaker penalty makes the estimated speaker count doubtful.</summary>
    public const double CountMargin = Speakers.TurnDoubts.CountCloseCall;

    /// <summary>How the speaker count was reached: null without a diarization (an imported transcript).</summary>
    public SpeakerCountCheck? SpeakerCount { get; init; }

    /// <summary>Segments whose speaker the diarizer doubts (<see cref="SpeakerDoubt"/>): listen to these first.</summary>
    public IReadOnlyList<SpeakerDoubt> SpeakerDoubts { get; init; } = [];

    /// <summary>Findings about private persons no reviewer has kept or redacted yet (<c>minutes pii</c>).</summary>
    public IReadOnlyList<PrivacyEntry> UndecidedPrivate { get; init; } = [];

    /// <summary>The flags of a run folder: <see cref="Of(RunArtifacts)"/> and the reviewers' privacy decisions.</summary>
    public static ReviewFlags Of(RunFolder run, RunArtifacts artifacts)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(artifacts);
        return Of(artifacts) with
        {
            UndecidedPrivate = PrivacyReview.Of(artifacts.Minutes, PrivacyDecisionLog.Load(run)).UndecidedPrivate,
            EditConflicts = run.Exists(MinutesEditLog.File) && run.Exists(RunFolder.MinutesTrace)
                ? EditedMinutes.Replay(run.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument), MinutesEditLog.Load(run)).Conflicts
                : [],
        };
    }

    /// <summary>Edits a redraft left without their statement: listed for the reviewer, and they block approval until resolved.</summary>
    public IReadOnlyList<EditConflict> EditConflicts { get; init; } = [];

    /// <summary>What the draft left out: substantive segments no statement cites, per part (listed; never a blocker).</summary>
    public IReadOnlyList<UncitedPart> Uncited { get; init; } = [];

    /// <summary>Statements 07 records as supported that verification, run again now, does not support.</summary>
    public IReadOnlyList<MinutesItem> ChangedVerdicts { get; init; } = [];

    public static ReviewFlags Of(RunArtifacts artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var stored = artifacts.Minutes;
        artifacts = StatementCheck.Reverify(artifacts);
        var items = artifacts.Minutes.Sections.SelectMany(s => s.Items).ToList();
        return new ReviewFlags(
            items.Where(i => i.Verification?.Status == ItemVerification.Unsupported).ToList(),
            artifacts.Minutes.PersonalInformation,
            artifacts.Transcript.Segments.Where(IsLowConfidence).ToList(),
            artifacts.Transcript.Dropped,
            (artifacts.Speakers?.Speakers ?? []).Where(s => s.Source == NameSources.Inferred).ToList(),
            items.SelectMany(i => i.Citations).Where(c => !artifacts.Segments.ContainsKey(c)).Distinct(StringComparer.Ordinal).ToList(),
            items.Count,
            artifacts.Minutes.Confidentiality)
        {
            SpeakerCount = SpeakerCountCheck.Of(artifacts.Speakers),
            SpeakerDoubts = SpeakerDoubt.Of(artifacts.Transcript.Segments, artifacts.Speakers),
            ChangedVerdicts = StatementCheck.ChangedVerdicts(stored, artifacts.Minutes),
            Uncited = UncitedSegments.Find(artifacts),
        };
    }

    /// <summary>Flagged by the transcription guard, or (a transcript imported with confidences but no flags) under the guard's threshold.</summary>
    public static bool IsLowConfidence(TranscriptSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return segment.Flags?.Contains(SegmentFlags.LowConfidence) == true
            || segment.Confidence is < HallucinationGuard.LowConfidence;
    }

    /// <summary>At level 2 and above an undecided finding about a private person blocks approval (no reason overrides it).</summary>
    public bool PrivacyBlocks => Confidentiality.RequiresPrivacyDecisions && UndecidedPrivate.Count > 0;

    /// <summary>The lines that say what stands between the draft and an approval (English in <c>review --json</c>, Japanese on the page).</summary>
    public IReadOnlyList<Message> Blockers()
    {
        var blockers = new List<Message>();
        if (Unsupported.Count > 0)
        {
            blockers.Add(Messages.Of("BlockerUnsupported", Unsupported.Count, string.Join(", ", Unsupported.Select(i => i.Id))));
        }

        foreach (var item in ChangedVerdicts)
        {
            blockers.Add(Messages.Of("BlockerChangedVerdict", item.Id, string.Join("; ", item.Verification!.Reasons)));
        }

        if (UnresolvedCitations.Count > 0)
        {
            blockers.Add(Messages.Of("BlockerUnresolvedCitations", UnresolvedCitations.Count, string.Join(", ", UnresolvedCitations)));
        }

        if (PrivacyBlocks)
        {
            blockers.Add(Messages.Of("BlockerUndecidedPrivate", UndecidedPrivate.Count, string.Join(", ", UndecidedPrivate.Select(e => e.Id))));
        }

        foreach (var conflict in EditConflicts)
        {
            blockers.Add(Messages.Of("EditConflictBlocker", conflict.Edit, conflict.Item, conflict.Reason));
        }

        if (Confidentiality.RequiredReviewers > 1)
        {
            blockers.Add(Messages.Of("BlockerTwoReviewers"));
        }

        return blockers;
    }

    /// <summary>The short summary <c>minutes review</c> prints.</summary>
    public IReadOnlyList<string> Summary() =>
    [
        Messages.Get("SummaryStatements", Statements, Unsupported.Count, UnresolvedCitations.Count),
        Messages.Get("SummaryPersonalInformation", PersonalInformation.Count, UndecidedPrivate.Count),
        Messages.Get("SummaryTranscript", LowConfidence.Count, Dropped.Count),
        Messages.Get("SummaryInferredSpeakers", InferredSpeakers.Count),
        .. SpeakerCount is { } count ? [count.Describe()] : Array.Empty<string>(),
        Messages.Get("SummaryConfidentiality", Confidentiality),
        .. SpeakerDoubts.Count > 0 ? [Messages.Get("SpeakerDoubtSummary", SpeakerDoubts.Count, string.Join(", ", SpeakerDoubts.GroupBy(d => d.Reason).Select(g => $"{g.Key} {g.Count()}")))] : Array.Empty<string>(),
        .. Uncited.Count > 0 ? [Messages.Get("UncitedSummary", Uncited.Sum(p => p.Segments.Count), string.Join(", ", Uncited.Select(p => $"{p.SessionId}: {string.Join(" ", p.Segments.Select(s => s.Id))}")))] : Array.Empty<string>(),
    ];
}
