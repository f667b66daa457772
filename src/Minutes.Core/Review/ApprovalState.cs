using System.Globalization;
using System.Text;
using Minutes.Policy;
using Minutes.Runs;

namespace Minutes.Review;

/// <summary>
/// The run as the approval rules see it: which files differ from what the tool recorded, which
/// files an approval would bind now, the approval log and its chain, the version the current
/// files form, and whether that version counts as approved.
/// </summary>
public sealed class ApprovalState
{
    private ApprovalState(Manifest manifest, IReadOnlyList<FileCheck> checks, ApprovalLog log, Confidentiality confidentiality)
    {
        Manifest = manifest;
        Checks = checks;
        Log = log;
        Confidentiality = confidentiality;
        Bound = RunIntegrity.Bound(manifest, checks).Select(f => new ApprovedFile(f.Path, f.Sha256)).ToList();
        Version = log.Approvals.FirstOrDefault(a => SameFiles(a.Files, Bound))?.Version
            ?? (log.Approvals.Count == 0 ? 1 : log.Approvals.Max(a => a.Version) + 1);
    }

    public Manifest Manifest { get; }

    public IReadOnlyList<FileCheck> Checks { get; }

    public ApprovalLog Log { get; }

    public Confidentiality Confidentiality { get; }

    /// <summary>The files (with the digests the manifest records) an approval made now would bind.</summary>
    public IReadOnlyList<ApprovedFile> Bound { get; }

    /// <summary>
    /// The version the current files form: the version of an earlier approval of exactly these
    /// files, else one more than the newest approved version (1 for a run never approved).
    /// </summary>
    public int Version { get; }

    public IEnumerable<FileCheck> Changed => Checks.Where(c => !c.Matches);

    /// <summary>The approvals of exactly the current files.</summary>
    public IReadOnlyList<Approval> CurrentApprovals => Log.Approvals.Where(a => SameFiles(a.Files, Bound)).ToList();

    /// <summary>How many different reviewers the run's confidentiality level asks for.</summary>
    public int RequiredReviewers => Confidentiality.RequiredReviewers;

    public IReadOnlyList<string> CurrentReviewers =>
        CurrentApprovals.Select(a => a.Reviewer).DistinctBy(NormalizeReviewer, StringComparer.Ordinal).ToList();

    public bool IsApproved => !Changed.Any() && Log.BrokenLinks().Count == 0 && CurrentReviewers.Count >= RequiredReviewers;

    public static ApprovalState Of(RunFolder run, Confidentiality confidentiality)
    {
        ArgumentNullException.ThrowIfNull(run);
        var manifest = run.LoadManifest();
        // The run's own level counts too: one raised after the draft still needs its reviewers.
        var level = manifest.Confidentiality is { } kept ? Confidentiality.Stricter(kept, confidentiality) : confidentiality;
        return new ApprovalState(manifest, RunIntegrity.Check(run), ApprovalLog.Load(run), level);
    }

    /// <summary>Reviewer names compare after NFKC, trimmed and case-folded: ＴＡＮＡＫＡ and tanaka are one person.</summary>
    public static string NormalizeReviewer(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Concat(name.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
    }

    public static bool SameFiles(IReadOnlyList<ApprovedFile> a, IReadOnlyList<ApprovedFile> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Count == b.Count && a.OrderBy(f => f.Path, StringComparer.Ordinal).SequenceEqual(b.OrderBy(f => f.Path, StringComparer.Ordinal));
    }

    /// <summary>"approval 2 by 佐藤 (2026-11-28 10:15 UTC)".</summary>
    public static string Describe(Approval approval)
    {
        ArgumentNullException.ThrowIfNull(approval);
        return string.Create(CultureInfo.InvariantCulture, $"approval {approval.Sequence} by {approval.Reviewer} ({approval.Approved.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC)");
    }
}
