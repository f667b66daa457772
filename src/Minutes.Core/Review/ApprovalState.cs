using System.Globalization;
using System.Text;
using Minutes.Policy;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Review;

/// <summary>
/// The run as the approval rules see it: which files differ from what the tool recorded, which
/// manifest paths the tool never writes, which files an approval would bind now, the approval
/// log, its chain and its seal in the manifest, the version the current files form, and
/// whether that version counts as approved.
/// </summary>
public sealed class ApprovalState
{
    private ApprovalState(Manifest manifest, IReadOnlyList<FileCheck> checks, ApprovalLog log, Keeping.PurgeLog purges, IReadOnlyList<int> purgeBrokenLinks, Confidentiality confidentiality)
    {
        Manifest = manifest;
        Checks = checks;
        Log = log;
        Purges = purges;
        PurgeBrokenLinks = purgeBrokenLinks;
        Confidentiality = confidentiality;
        InvalidPaths = RunIntegrity.InvalidPaths(manifest);
        Bound = RunIntegrity.Bound(manifest, checks).Select(f => new ApprovedFile(f.Path, f.Sha256)).ToList();
        Version = log.Approvals.FirstOrDefault(a => SameFiles(a.Files, Bound))?.Version
            ?? (log.Approvals.Count == 0 ? 1 : log.Approvals.Max(a => a.Version) + 1);
        Changed = checks.Where(c => !c.Matches).ToList();
        CurrentApprovals = log.Approvals.Where(a => SameFiles(a.Files, Bound)).ToList();
        CurrentReviewers = Reviewers(CurrentApprovals);
        BrokenLinks = log.BrokenLinks();
        SealProblem = SealOf(manifest, log);
        IsApproved = Changed.Count == 0 && InvalidPaths.Count == 0 && SealProblem is null && BrokenLinks.Count == 0 && CurrentReviewers.Count >= RequiredReviewers;
    }

    public Manifest Manifest { get; }

    public IReadOnlyList<FileCheck> Checks { get; }

    public ApprovalLog Log { get; }

    public Confidentiality Confidentiality { get; }

    /// <summary>Manifest paths that are not canonical paths inside the run (see <see cref="RunIntegrity.InvalidPaths"/>).</summary>
    public IReadOnlyList<string> InvalidPaths { get; }

    /// <summary>The files (with the digests the manifest records) an approval made now would bind.</summary>
    public IReadOnlyList<ApprovedFile> Bound { get; }

    /// <summary>
    /// The version the current files form: the version of an earlier approval of exactly these
    /// files, else one more than the newest approved version (1 for a run never approved).
    /// </summary>
    public int Version { get; }

    /// <summary><c>purge-log.json</c> as read with the checks (empty when the run has none): what explains a purged file.</summary>
    public Keeping.PurgeLog Purges { get; }

    /// <summary>The sequence numbers of purges whose digest or link does not hold; such a log explains no file.</summary>
    public IReadOnlyList<int> PurgeBrokenLinks { get; }

    /// <summary>The recorded files that differ from the disk, no purge explaining it.</summary>
    public IReadOnlyList<FileCheck> Changed { get; }

    /// <summary>The approvals of exactly the current files.</summary>
    public IReadOnlyList<Approval> CurrentApprovals { get; }

    /// <summary>The sequence numbers of approvals whose digest or link does not hold (<see cref="ApprovalLog.BrokenLinks"/>).</summary>
    public IReadOnlyList<int> BrokenLinks { get; }

    /// <summary>How many different reviewers the run's confidentiality level asks for.</summary>
    public int RequiredReviewers => Confidentiality.RequiredReviewers;

    public IReadOnlyList<string> CurrentReviewers { get; }

    /// <summary>
    /// Why the log does not match the manifest's seal (its count and the digest of its last
    /// approval), or null: a deleted log or a removed last entry keeps the rest of the chain
    /// intact, the seal does not.
    /// </summary>
    public Message? SealProblem { get; }

    /// <summary>Whether the current version counts as approved; the state is read once, so this is computed once.</summary>
    public bool IsApproved { get; }

    public static ApprovalState Of(RunFolder run, Confidentiality confidentiality)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Of(run, confidentiality, ApprovalLog.Load(run));
    }

    public static ApprovalState Of(RunFolder run, Confidentiality confidentiality, ApprovalLog log)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(log);
        var manifest = run.LoadManifest();
        // The run's own level counts too: one raised after the draft still needs its reviewers.
        var level = manifest.Confidentiality is { } kept ? Confidentiality.Stricter(kept, confidentiality) : confidentiality;
        // Read and its chain checked once: a broken purge log explains no file (they read as changed or missing).
        var purges = Keeping.PurgeLog.Load(run);
        var purgeBroken = purges.BrokenLinks();
        var explaining = purges.Purges.Count > 0 && purgeBroken.Count == 0 ? purges : null;
        return new ApprovalState(manifest, RunIntegrity.Check(run, manifest, explaining), log, purges, purgeBroken, level);
    }

    private static Message? SealOf(Manifest manifest, ApprovalLog log)
    {
        var sealedCount = manifest.Approvals?.Count ?? 0;
        var last = log.Approvals.Count == 0 ? null : log.Approvals[^1].Sha256;
        if (sealedCount != log.Approvals.Count)
        {
            return Messages.Of("SealCount", sealedCount, RunFolder.ApprovalsFile, log.Approvals.Count);
        }

        return sealedCount > 0 && manifest.Approvals!.Last != last
            ? Messages.Of("SealLast", RunFolder.ApprovalsFile)
            : null;
    }

    /// <summary>The different reviewers among approvals, compared by folded name; the reserved <c>dictionary</c> never counts.</summary>
    public static IReadOnlyList<string> Reviewers(IEnumerable<Approval> approvals)
    {
        ArgumentNullException.ThrowIfNull(approvals);
        return approvals
            .Select(a => a.Reviewer)
            .Where(r => !ReviewerName.IsReserved(r) && ReviewerName.Fold(r).Length > 0)
            .DistinctBy(ReviewerName.Fold, StringComparer.Ordinal)
            .ToList();
    }

    public static bool SameFiles(IReadOnlyList<ApprovedFile> a, IReadOnlyList<ApprovedFile> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Count == b.Count && a.OrderBy(f => f.Path, StringComparer.Ordinal).SequenceEqual(b.OrderBy(f => f.Path, StringComparer.Ordinal));
    }

    /// <summary>"approval 2 by 佐藤 (2026-11-28 10:15:00 UTC)"; a name read from the file cannot break the line.</summary>
    public static Message Describe(Approval approval)
    {
        ArgumentNullException.ThrowIfNull(approval);
        return Messages.Of("ApprovalDescribed", approval.Sequence, ReviewerName.Printable(approval.Reviewer), approval.Approved.ToUniversalTime());
    }
}
