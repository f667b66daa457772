using System.Globalization;
using Minutes.Corrections;
using Minutes.Drafting;
using Minutes.Json;
using Minutes.Pipeline;
using Minutes.Text;
using Minutes.Editing;
using Minutes.Policy;
using Minutes.Privacy;
using Minutes.Rendering;
using Minutes.Runs;

namespace Minutes.Review.Workbench;

/// <summary>
/// What the served review page can do to a run, through the same core as the command line:
/// corrections (<see cref="MinutesPipeline.CorrectAsync"/>), personal-information decisions
/// (<see cref="PrivacyDecisions.Record"/>), redrafting (<see cref="MinutesPipeline.DraftAsync"/>),
/// approvals (<see cref="Approver.Approve"/>), and marks that a statement was checked
/// (<c>trace/review-checks.json</c>). One action at a time: the run's logs are appended to by
/// read-modify-write, so two tabs must not interleave. A text or speaker edit carries the digest
/// of the segment as the page showed it, a rename, merge or replace the number of corrections;
/// a stale one is refused (<see cref="WorkbenchConflictException"/>) and nothing is recorded.
/// </summary>
public sealed class ReviewWorkbench : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly MinutesPipeline _pipeline;
    private readonly WorkbenchOptions _options;
    private readonly DocumentLabels _labels = DocumentLabels.Japanese;

    // Corrections leave review.html to WriteReviewPageAsync: rebuilding the whole static page on
    // every edit was the largest part of an edit's latency on a 2-hour meeting (bench/RESULTS.md).
    private bool _pageBehind;

    public ReviewWorkbench(RunFolder run, WorkbenchOptions? options = null, MinutesPipeline? pipeline = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!run.Exists(RunFolder.MinutesTrace))
        {
            throw new MinutesException(Messages.Get("RunHasNoDraft", RunFolder.MinutesTrace));
        }

        Run = run;
        _options = options ?? WorkbenchOptions.Defaults;
        _pipeline = pipeline ?? new MinutesPipeline();
    }

    public RunFolder Run { get; }

    /// <summary>
    /// The artifacts with every statement verified again against the transcript as it stands now
    /// (a correction can take away what a statement rests on): the same verdicts as <c>review</c>
    /// and <c>approve</c> (<see cref="StatementCheck.Reverify"/>).
    /// </summary>
    public static RunArtifacts Reverified(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return StatementCheck.Reverify(RunArtifacts.Load(run));
    }

    /// <summary>The review page as served: the static page with the edit controls switched on.</summary>
    public async Task<string> PageAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return new ReviewPageBuilder().Build(Run, Reverified(Run), served: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<WorkbenchState> StateAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var artifacts = Reverified(Run);
            var approval = ApprovalState.Of(Run, artifacts.Minutes.Confidentiality);
            var privacy = PrivacyReview.Of(artifacts.Minutes, PrivacyDecisionLog.Load(Run));
            return new WorkbenchState(
                approval.Manifest.RunId,
                CorrectionLog.Load(Run).Corrections.Count,
                artifacts.Transcript.Segments.Select(s => Segment(artifacts, s.Id)).ToList(),
                Statements(artifacts),
                (artifacts.Speakers?.Speakers ?? []).Select(s => new WorkbenchSpeaker(s.Id, s.Name, s.Source)).ToList(),
                privacy.Entries.Select(e => new WorkbenchFinding(e.Id, e.Finding.Kind, e.Finding.Text, e.Finding.SegmentId, e.IsPrivate, e.Decision?.Decision.ToString().ToLowerInvariant())).ToList(),
                approval.CurrentReviewers.Count,
                approval.RequiredReviewers,
                approval.IsApproved);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A correction (text, speaker, rename, merge, replace), after the version check.</summary>
    public Task<WorkbenchUpdate> CorrectAsync(WorkbenchRequest request, CancellationToken cancellationToken) =>
        ExclusiveAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(request);
            var operation = Operation(request.Operation);
            var target = (request.Target ?? string.Empty).Trim();
            var corrections = CorrectionLog.Load(Run).Corrections.Count;
            var artifacts = RunArtifacts.Load(Run);
            if (operation is CorrectionOperation.Text or CorrectionOperation.Speaker)
            {
                if (artifacts.Segments.ContainsKey(target) && Segment(artifacts, target) is var now && now.Digest != request.Expected)
                {
                    throw new WorkbenchConflictException(
                        $"{target} was changed elsewhere (another tab or reviewer) after this page showed it; it now reads 「{now.Text}」 ({now.SpeakerName ?? now.Speaker}). " +
                        "Your edit was not applied and is still in the box: compare, then apply it again.");
                }
            }
            else if (request.Expected != corrections.ToString(CultureInfo.InvariantCulture))
            {
                throw new WorkbenchConflictException(
                    $"The transcript was corrected elsewhere (another tab or reviewer) after this page loaded it ({corrections} corrections now, {request.Expected ?? "?"} then). " +
                    "Nothing was applied: reload the page, then apply it again.");
            }

            var found = FindingIds(artifacts);
            var result = await _pipeline.CorrectAsync(Run, new CorrectionRequest(operation, target, request.Value ?? string.Empty), request.Reviewer ?? string.Empty, request.Reason, cancellationToken, reviewPage: false).ConfigureAwait(false);
            _pageBehind = true;
            var current = Reverified(Run);
            var correction = result.Correction;
            return new WorkbenchUpdate(
                string.Create(CultureInfo.InvariantCulture, $"Correction {correction.Sequence} recorded: {correction.Segments.Count} segment(s) changed; {result.CitingStatements.Count} statement(s) cite them."),
                correction.Sequence,
                correction.Segments.Where(current.Segments.ContainsKey).Select(id => Segment(current, id)).ToList(),
                Statements(current),
                // Personal information the correction typed (or took away) changes the findings and their decisions: the page is built again.
                Reload: !found.SequenceEqual(FindingIds(current), StringComparer.Ordinal));
        }, cancellationToken);

    private static List<string> FindingIds(RunArtifacts artifacts) =>
        artifacts.Minutes.PersonalInformation.Select(f => f.Id ?? PersonalInfoDetector.IdOf(f.Kind, f.Text, f.SegmentId)).ToList();

    /// <summary>How many segments (and places) a replacement of <paramref name="term"/> would change.</summary>
    public async Task<WorkbenchCount> CountAsync(string? term, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(term))
        {
            throw new MinutesException(Messages.Get("CorrectionEmptyTerm"));
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var texts = RunArtifacts.Load(Run).Transcript.Segments.Select(s => s.Text).Where(t => t.Contains(term, StringComparison.Ordinal)).ToList();
            return new WorkbenchCount(term, texts.Count, texts.Sum(t => Occurrences(t, term)));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Marks a statement as checked by the reviewer (with the digest of its text as it is now).</summary>
    public Task<WorkbenchUpdate> CheckAsync(WorkbenchRequest request, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExclusiveAsync(() =>
        {
            ArgumentNullException.ThrowIfNull(request);
            var reviewer = Reviewer(request.Reviewer);
            var artifacts = Reverified(Run);
            var item = artifacts.Minutes.Sections.SelectMany(s => s.Items).FirstOrDefault(i => i.Id == (request.Statement ?? string.Empty).Trim())
                ?? throw new MinutesException(Messages.Get("NoStatement", request.Statement));
            Run.Write(RunFolder.ReviewChecksTrace, ReviewCheckLog.Load(Run).Append(item.Id, item.Text, reviewer, now), MinutesJson.Context.ReviewCheckLog);
            return Task.FromResult(new WorkbenchUpdate($"{item.Id} marked as checked by {reviewer}.", CorrectionLog.Load(Run).Corrections.Count, [], Statements(artifacts), Reload: false));
        }, cancellationToken);

    /// <summary>A keep or redact decision on a personal-information finding.</summary>
    public Task<WorkbenchUpdate> DecideAsync(WorkbenchRequest request, CancellationToken cancellationToken) =>
        ExclusiveAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(request);
            var kind = (request.Decision ?? string.Empty).Trim().ToLowerInvariant() switch
            {
                "keep" => PrivacyDecisionKind.Keep,
                "redact" => PrivacyDecisionKind.Redact,
                _ => throw new MinutesException(Messages.Get("UnknownDecision", request.Decision)),
            };
            // Through the same plan as 'minutes pii' (the run's lock file included), the page left for later.
            var decision = await _pipeline.DecideAsync(Run, request.Finding ?? string.Empty, kind, Reviewer(request.Reviewer), request.Reason, cancellationToken, reviewPage: false).ConfigureAwait(false);
            // The review stage reads the decisions, so the page is written again before an approval binds them.
            _pageBehind = true;
            return new WorkbenchUpdate(
                $"{decision.FindingId}: {decision.Decision.ToString().ToLowerInvariant()} ({decision.Reviewer}).",
                CorrectionLog.Load(Run).Corrections.Count,
                [],
                Statements(Reverified(Run)),
                Reload: false);
        }, cancellationToken);

    /// <summary>
    /// The draft again from the corrected transcript, with the draft's own style and level and the
    /// LLM as configured; the previous version is kept for the comparison on the page.
    /// </summary>
    public Task<WorkbenchUpdate> RedraftAsync(WorkbenchRequest request, CancellationToken cancellationToken) =>
        ExclusiveAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(request);
            var reviewer = Reviewer(request.Reviewer);
            var current = Run.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument);
            var options = new DraftOptions { Meeting = _options.Meeting, Roster = _options.Roster, Style = current.Style, Confidentiality = current.Confidentiality };
            var minutes = await _pipeline.DraftAsync(Run, options, _options.Llm, _options.Config, new ConfidentialityRequest { Reviewer = reviewer }, cancellationToken).ConfigureAwait(false);
            await _pipeline.ReviewAsync(Run, cancellationToken).ConfigureAwait(false);
            _pageBehind = false;
            var artifacts = Reverified(Run);
            var statements = Statements(artifacts);
            return new WorkbenchUpdate(
                string.Create(CultureInfo.InvariantCulture, $"Redrafted for {reviewer} ({minutes.Drafter.Kind.Name()}): {statements.Count} statements, {statements.Count(s => s.Status == ItemVerification.Unsupported)} unsupported."),
                CorrectionLog.Load(Run).Corrections.Count,
                [],
                statements,
                Reload: true);
        }, cancellationToken);

    /// <summary>
    /// An approval, as <c>minutes approve</c> records it: the same checks (statements verified
    /// again, the level-3 rule of two different reviewers, privacy decisions) and the same refusals.
    /// </summary>
    public Task<WorkbenchUpdate> ApproveAsync(WorkbenchRequest request, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExclusiveAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(request);
            var accept = string.IsNullOrWhiteSpace(request.AcceptFlags) ? null : request.AcceptFlags;
            // The approval binds review.html too: it must be the page of what is approved.
            if (_pageBehind)
            {
                await _pipeline.ReviewAsync(Run, cancellationToken).ConfigureAwait(false);
                _pageBehind = false;
            }

            // A key sent with the approval signs it (as approve --key does); it is used once and never stored or logged.
            var result = Approver.Approve(Run, new ApprovalRequest(request.Reviewer ?? string.Empty, request.Comment, accept) { KeyPem = string.IsNullOrWhiteSpace(request.Key) ? null : request.Key }, now, cancellationToken);
            return new WorkbenchUpdate(
                string.Create(CultureInfo.InvariantCulture, $"Approved by {result.Approval.Reviewer}: {result.Reviewers} of {result.RequiredReviewers} reviewer(s){(result.Approved ? "; the version is approved." : ".")}"),
                CorrectionLog.Load(Run).Corrections.Count,
                [],
                [],
                Reload: true);
        }, cancellationToken);

    /// <summary>
    /// Writes <c>review.html</c> through the review plan when corrections made since it was last
    /// written are not on it yet (the server calls this when it stops; a redraft and an approval
    /// write it anyway). A run left without it shows the stale page as changed to <c>minutes
    /// review</c>, which writes it again.
    /// </summary>
    public async Task WriteReviewPageAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_pageBehind)
            {
                await _pipeline.ReviewAsync(Run, cancellationToken).ConfigureAwait(false);
                _pageBehind = false;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// An edit of the minutes (<c>minutes edit</c>): text, delete or restore of a statement, or an
    /// insert after a statement or first in a part citing <c>Cites</c>. <c>Expected</c> is the
    /// statement's text as the page showed it: a statement changed since is a conflict (409).
    /// </summary>
    public Task<WorkbenchUpdate> EditAsync(WorkbenchRequest request, CancellationToken cancellationToken) =>
        ExclusiveAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(request);
            var operation = (request.Operation ?? string.Empty).Trim().ToLowerInvariant() switch
            {
                "text" => MinutesEditOperation.Text,
                "delete" => MinutesEditOperation.Delete,
                "insert" => MinutesEditOperation.Insert,
                "restore" => MinutesEditOperation.Restore,
                _ => throw new MinutesException(Messages.Get("WorkbenchUnknownEdit", request.Operation)),
            };
            var target = (request.Target ?? string.Empty).Trim();
            var cites = (request.Cites ?? string.Empty).Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var expected = operation is MinutesEditOperation.Text or MinutesEditOperation.Delete ? request.Expected : null;
            EditResult result;
            try
            {
                result = await _pipeline.EditAsync(Run, new MinutesEditRequest(operation, target, request.Value, cites, expected), Reviewer(request.Reviewer), request.Reason, cancellationToken, reviewPage: false).ConfigureAwait(false);
            }
            catch (StaleEditException ex)
            {
                throw new WorkbenchConflictException(ex.Message, ex);
            }

            _pageBehind = true;
            var edit = result.Edit;
            return new WorkbenchUpdate(
                Messages.Get("Edited", edit.Sequence, edit.Reviewer, edit.Operation.ToString().ToLowerInvariant(), edit.NewItem ?? edit.Item, edit.Before, edit.After),
                CorrectionLog.Load(Run).Corrections.Count,
                [],
                Statements(Reverified(Run)),
                Reload: false);
        }, cancellationToken);

    private static CorrectionOperation Operation(string? name) => (name ?? string.Empty).Trim().ToLowerInvariant() switch
    {
        "text" => CorrectionOperation.Text,
        "speaker" => CorrectionOperation.Speaker,
        "rename" => CorrectionOperation.RenameSpeaker,
        "merge" => CorrectionOperation.MergeSpeakers,
        "replace" => CorrectionOperation.Replace,
        _ => throw new MinutesException(Messages.Get("UnknownCorrection", name)),
    };

    private static string Reviewer(string? name) =>
        string.IsNullOrWhiteSpace(name) ? throw new MinutesException(Messages.Get("TypeReviewerName")) : ReviewerName.Normalize(name);

    private static int Occurrences(string text, string term)
    {
        var count = 0;
        for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + term.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private WorkbenchSegment Segment(RunArtifacts artifacts, string id)
    {
        var segment = artifacts.Segments[id];
        var speaker = artifacts.SpeakerIdOfSegment(id);
        return new WorkbenchSegment(id, segment.Text, speaker, artifacts.SpeakerName(speaker, _labels), Hashing.Sha256OfText(segment.Text + "\n" + speaker)[..16]);
    }

    private List<WorkbenchStatement> Statements(RunArtifacts artifacts)
    {
        var checks = ReviewCheckLog.Load(Run);
        return artifacts.Minutes.Sections.SelectMany(s => s.Items).Select(i => new WorkbenchStatement(
            i.Id,
            i.Kind,
            i.Text,
            i.Citations,
            i.Verification?.Status ?? ItemVerification.Supported,
            i.Verification?.Reasons ?? [],
            checks.For(i.Id, i.Text)?.Reviewer)).ToList();
    }

    private async Task<WorkbenchUpdate> ExclusiveAsync(Func<Task<WorkbenchUpdate>> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await action().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
