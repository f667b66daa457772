using Minutes.Json;
using Minutes.Rendering;
using Minutes.Runs;

namespace Minutes.Review;

/// <summary>The approval just recorded, and how many different reviewers the version now has of those it needs.</summary>
public sealed record ApprovalResult(Approval Approval, int Reviewers, int RequiredReviewers)
{
    public bool Approved => Reviewers >= RequiredReviewers;
}

/// <summary>
/// Records approvals in <c>approvals.json</c>. An approval binds the sha256 of the draft, the
/// structured minutes and every trace the manifest records; it is refused while the files differ
/// from the manifest, while statements are unsupported (unless the reviewer accepts the flags
/// with a reason, which is recorded), and when the same reviewer already approved this version.
/// </summary>
public static class Approver
{
    public static ApprovalResult Approve(RunFolder run, string reviewer, string? comment, string? acceptFlagsReason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (string.IsNullOrWhiteSpace(reviewer))
        {
            throw new MinutesException("Not approved: --reviewer needs a name.");
        }

        if (acceptFlagsReason is not null && string.IsNullOrWhiteSpace(acceptFlagsReason))
        {
            throw new MinutesException("Not approved: --accept-flags needs a reason (what you checked).");
        }

        var artifacts = RunArtifacts.Load(run);
        var flags = ReviewFlags.Of(artifacts);
        var state = ApprovalState.Of(run, artifacts.Minutes.Confidentiality);
        var broken = state.Log.BrokenLinks();
        if (broken.Count > 0)
        {
            throw new MinutesException($"Not approved: {RunFolder.ApprovalsFile} was altered (approval {string.Join(", ", broken)} does not match its digest); run minutes verify.", ExitCodes.VerificationFailed);
        }

        if (state.Manifest.Stages.FirstOrDefault(s => s.Status == StageStatus.Running) is { } running)
        {
            throw new MinutesException($"Not approved: the {running.Name} stage is running (or was interrupted); approve when it has finished.");
        }

        var changed = state.Changed.Select(c => c.Recorded.Path).ToList();
        if (changed.Count > 0)
        {
            throw new MinutesException($"Not approved: {string.Join(", ", changed)} differ(s) from what the tool recorded; run minutes verify, and re-run the stage (minutes review renders again) if the edit is intended.", ExitCodes.VerificationFailed);
        }

        foreach (var required in new[] { RunFolder.MinutesMarkdown, RunFolder.MinutesTrace })
        {
            if (state.Bound.All(f => f.Path != required))
            {
                throw new MinutesException($"Not approved: {required} is not recorded in the manifest; run minutes review <run> first.");
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
            throw new MinutesException($"Not approved: {RunFolder.MinutesMarkdown} was rendered from an older {string.Join(", ", stale)}; run minutes review <run> first.");
        }

        var flagged = flags.Unsupported.Select(i => i.Id).Concat(flags.UnresolvedCitations).ToList();
        if (flagged.Count > 0 && acceptFlagsReason is null)
        {
            throw new MinutesException($"Not approved: {flags.Unsupported.Count} unsupported statement(s) and {flags.UnresolvedCitations.Count} unresolved citation(s) ({string.Join(", ", flagged)}); check them on the review page, then approve with --accept-flags \"<reason>\".");
        }

        var name = reviewer.Trim();
        if (state.CurrentApprovals.Any(a => ApprovalState.NormalizeReviewer(a.Reviewer) == ApprovalState.NormalizeReviewer(name)))
        {
            throw new MinutesException($"Not approved: {name} already approved version {state.Version}; {(state.RequiredReviewers > 1 ? "confidentiality level 3 needs a second, different reviewer" : "nothing to do")}.");
        }

        var previous = state.Log.Approvals.Count == 0 ? ApprovalLog.Genesis : state.Log.Approvals[^1].Sha256;
        var approval = new Approval(
            state.Log.Approvals.Count + 1,
            state.Version,
            name,
            now,
            string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            flagged.Count > 0 && acceptFlagsReason is not null ? new AcceptedFlags(acceptFlagsReason.Trim(), flagged) : null,
            artifacts.Minutes.Confidentiality,
            state.Manifest.RunId,
            state.Bound,
            previous,
            string.Empty);
        approval = approval with { Sha256 = ApprovalLog.DigestOf(approval) };
        run.Write(RunFolder.ApprovalsFile, state.Log with { Approvals = [.. state.Log.Approvals, approval] }, MinutesJson.Context.ApprovalLog);
        return new ApprovalResult(approval, state.CurrentReviewers.Count + 1, state.RequiredReviewers);
    }
}
