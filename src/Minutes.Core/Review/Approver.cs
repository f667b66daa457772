using Minutes.Json;
using Minutes.Rendering;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Review;

/// <summary>The approval just recorded, and how many different reviewers the version now has of those it needs.</summary>
public sealed record ApprovalResult(Approval Approval, int Reviewers, int RequiredReviewers)
{
    public bool Approved => Reviewers >= RequiredReviewers;
}

/// <summary>
/// Records approvals in <c>approvals.json</c>. An approval binds the sha256 of the draft, the
/// structured minutes and every trace the manifest records; it is refused while the files differ
/// from the manifest, while statements are unsupported as verified now (unless the reviewer
/// accepts the flags with a reason, which is recorded), and when the same reviewer (by folded
/// name) already approved this version. Reading the log, appending and writing it and the
/// manifest's seal happen under <see cref="ApprovalLock"/>, so concurrent approvals are all kept.
/// </summary>
public static class Approver
{
    public static ApprovalResult Approve(RunFolder run, ApprovalRequest request, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(request);
        var name = ReviewerName.Normalize(request.Reviewer);
        var acceptFlagsReason = request.AcceptFlagsReason;
        if (acceptFlagsReason is not null && string.IsNullOrWhiteSpace(acceptFlagsReason))
        {
            throw new MinutesException(Messages.Get("AcceptFlagsNeedsReason"));
        }

        using var key = request.KeyPem is not null ? ApprovalSigner.PrivateKeyFromPem(request.KeyPem, "key") : request.KeyFile is null ? null : ApprovalSigner.LoadPrivateKey(request.KeyFile);
        using var held = ApprovalLock.Acquire(run, "approve", request.LockTimeout, cancellationToken: cancellationToken);
        var artifacts = RunArtifacts.Load(run);
        var flags = ReviewFlags.Of(run, artifacts);
        var state = ApprovalState.Of(run, artifacts.Minutes.Confidentiality);
        var broken = state.BrokenLinks;
        if (broken.Count > 0)
        {
            throw new MinutesException(Messages.Get("ApprovalsAltered", RunFolder.ApprovalsFile, string.Join(", ", broken)), ExitCodes.VerificationFailed);
        }

        if (state.SealProblem is { } seal)
        {
            throw new MinutesException(Messages.Get("ApprovalSealBroken", seal), ExitCodes.VerificationFailed);
        }

        if (state.InvalidPaths.Count > 0)
        {
            throw new MinutesException(Messages.Get("ManifestInvalidPaths", string.Join(", ", state.InvalidPaths)), ExitCodes.VerificationFailed);
        }

        if (state.Manifest.Stages.FirstOrDefault(s => s.Status == StageStatus.Running) is { } running)
        {
            throw new MinutesException(Messages.Get("StageStillRunning", running.Name));
        }

        var changed = state.Changed.Select(c => c.Recorded.Path).ToList();
        if (changed.Count > 0)
        {
            throw new MinutesException(Messages.Get("ArtifactsChanged", string.Join(", ", changed)), ExitCodes.VerificationFailed);
        }

        foreach (var required in new[] { RunFolder.MinutesMarkdown, RunFolder.MinutesTrace })
        {
            if (state.Bound.All(f => f.Path != required))
            {
                throw new MinutesException(Messages.Get("NotRecordedRunReview", required));
            }
        }

        // The draft must be rendered from the traces as they are now, not from an earlier draft stage.
        var current = state.Bound.ToDictionary(f => f.Path, f => f.Sha256, StringComparer.Ordinal);
        var stale = (state.Manifest.Stage(StageNames.Render)?.Inputs ?? [])
            .Where(i => current.TryGetValue(i.Path, out var digest) && digest != i.Sha256)
            .Select(i => i.Path)
            .ToList();
        if (stale.Count > 0)
        {
            throw new MinutesException(Messages.Get("MinutesStale", RunFolder.MinutesMarkdown, string.Join(", ", stale)));
        }

        // What reviewers typed (edits, corrections) is scanned for personal information by the edits stage; a run it has not scanned as it scans now could hide a finding.
        Editing.EditsStage.RequireScanned(run, state.Manifest);

        var flagged = flags.Unsupported.Select(i => i.Id).Concat(flags.UnresolvedCitations).ToList();
        if (flagged.Count > 0 && acceptFlagsReason is null)
        {
            throw new MinutesException(Messages.Get("FlagsBlockApproval", flags.Unsupported.Count, flags.UnresolvedCitations.Count, string.Join(", ", flagged)));
        }

        if (flags.EditConflicts.Count > 0)
        {
            throw new MinutesException(Messages.Get("ApprovalEditConflicts", flags.EditConflicts.Count, string.Join(", ", flags.EditConflicts.Select(c => c.Item))));
        }

        if (flags.PrivacyBlocks)
        {
            throw new MinutesException(Messages.Get("PrivateUndecided", flags.UndecidedPrivate.Count, artifacts.Minutes.Confidentiality, string.Join(", ", flags.UndecidedPrivate.Select(e => e.Id))));
        }

        if (state.CurrentApprovals.Any(a => ReviewerName.SameReviewer(a.Reviewer, name)))
        {
            throw new MinutesException(Messages.Get(state.RequiredReviewers > 1 ? "AlreadyApprovedNeedsSecond" : "AlreadyApproved", name, state.Version));
        }

        var previous = HashChain.Tail(state.Log.Approvals);
        var approval = new Approval(
            state.Log.Approvals.Count + 1,
            state.Version,
            name,
            now,
            string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(),
            flagged.Count > 0 && acceptFlagsReason is not null ? new AcceptedFlags(acceptFlagsReason.Trim(), flagged) : null,
            artifacts.Minutes.Confidentiality,
            state.Manifest.RunId,
            state.Bound,
            previous,
            string.Empty);
        if (key is not null)
        {
            approval = ApprovalSigner.Sign(approval, key);
        }

        approval = approval with { Sha256 = ApprovalLog.DigestOf(approval) };
        run.Write(RunFolder.ApprovalsFile, state.Log with { Approvals = [.. state.Log.Approvals, approval] }, MinutesJson.Context.ApprovalLog);
        // Read again just before writing: a stage may have recorded itself since the state was read.
        run.SaveManifest(run.LoadManifest() with { Approvals = new ApprovalSeal(approval.Sequence, approval.Sha256) });
        return new ApprovalResult(approval, ApprovalState.Reviewers([.. state.CurrentApprovals, approval]).Count, state.RequiredReviewers);
    }
}
