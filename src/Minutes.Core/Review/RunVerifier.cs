using System.Globalization;
using System.Text.Json.Serialization;
using Minutes.Json;
using Minutes.Policy;
using Minutes.Review.Workbench;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Review;

/// <summary>
/// The outcome of <c>minutes verify</c>: the lines to print, whether the files are what the tool
/// recorded and the approvals hold (<see cref="Intact"/>), and whether the current version is approved.
/// </summary>
public sealed record VerifyReport([property: JsonIgnore] IReadOnlyList<Message> Said, bool Intact, bool Approved, int Version)
{
    /// <summary>The lines in English, as <c>verify --json</c> gives them under any locale; the text form prints <see cref="Said"/> in the user's language.</summary>
    [JsonPropertyOrder(-1)]
    public IReadOnlyList<string> Lines => [.. Said.Select(m => m.English)];

    /// <summary>Raised when a field of <c>verify --json</c> changes meaning or goes; new fields do not raise it.</summary>
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>Every JSON artifact of the run matches its schema (<c>docs/schemas/</c>).</summary>
    public bool WellFormed { get; init; } = true;

    /// <summary>
    /// 3 when a file changed behind the tool's back, the approvals were altered or an artifact of an
    /// approved run fails its schema; 2 when an artifact of a run never approved fails its schema;
    /// otherwise 0, also for a version not yet approved, unless <paramref name="requireApproval"/>.
    /// </summary>
    public int ExitCode(bool requireApproval) =>
        !Intact || (requireApproval && !Approved) ? ExitCodes.VerificationFailed
        : !WellFormed ? ExitCodes.Failure
        : ExitCodes.Ok;
}

/// <summary>
/// Recomputes every digest of the run and reads them against the manifest and the approvals.
/// A file that differs from what the tool last recorded changed behind its back: the report
/// names it and says after (or before) which approval the change came. A legitimate re-draft
/// updates the manifest through the stages, so the files form a new version: approvals of the
/// older version are reported as not covering it, which is not tampering. Integrity is broken
/// (exit 3) by a changed or missing file, a manifest path that is not canonical and inside the
/// run, an approval log that is altered, unparsable, shorter or longer than the manifest's seal,
/// or a signature that does not verify. With a trust folder only approvals signed by one of its
/// keys count, and each names its signer. Nothing outside the run folder is read.
/// </summary>
public static class RunVerifier
{
    public static VerifyReport Verify(RunFolder run, string? trustFolder = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var trusted = trustFolder is null ? null : ApprovalSigner.LoadTrust(trustFolder);
        // Under the lock an approval is never seen half written (log written, seal not yet); a read-only run needs none.
        using var held = ApprovalLock.Acquire(run, "verify", ApprovalLock.DefaultTimeout, optional: true, cancellationToken);
        return VerifyHeld(run, trusted, cancellationToken).Report;
    }

    /// <summary>
    /// <see cref="Verify"/> for a caller that holds <see cref="ApprovalLock"/> (or runs where none can
    /// be taken): the report and the approval state it was made from, read once, so that what the
    /// caller does next (an archive) rests on exactly what was verified.
    /// </summary>
    internal static (VerifyReport Report, ApprovalState State) VerifyHeld(RunFolder run, IReadOnlyDictionary<string, string>? trusted, CancellationToken cancellationToken)
    {
        var confidentiality = run.Exists(RunFolder.MinutesTrace)
            ? ReadConfidentiality(run)
            : Confidentiality.Default;
        var lines = new List<Message>();
        var intact = true;
        ApprovalLog log;
        var logValid = true;
        try
        {
            log = ApprovalLog.Load(run);
        }
        catch (MinutesException ex) when (ex.ExitCode == ExitCodes.VerificationFailed)
        {
            intact = false;
            logValid = false;
            lines.Add(Messages.Of("VerifyAlteredLog", ex.Said ?? Messages.Verbatim(ex.Message)));
            log = ApprovalLog.Empty;
        }

        var state = ApprovalState.Of(run, confidentiality, log);
        var matching = state.Checks.Count(c => c.Matches);
        lines.Add(Messages.Of("VerifyManifest", state.Checks.Count, matching));
        foreach (var invalid in state.InvalidPaths)
        {
            intact = false;
            lines.Add(Messages.Of("VerifyInvalidPath", invalid));
        }

        foreach (var check in state.Checks.Where(c => c.Purged is not null))
        {
            lines.Add(Messages.Of("VerifyPurged", check.Recorded.Path, Messages.Of(check.Actual is null ? "PurgedRemoved" : "PurgedRedacted"), check.Purged!.Sequence, ReviewerName.Printable(check.Purged.Reviewer), check.Purged.Time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)));
        }

        if (state.PurgeBrokenLinks is { Count: > 0 } purgeBroken)
        {
            intact = false;
            lines.Add(Messages.Of("VerifyPurgeLogAltered", Keeping.PurgeLog.File, string.Join(", ", purgeBroken)));
        }

        // The reviewers' checks are chained but no stage records them: the chain is what shows an edited, reordered or inserted entry, or one taken from the middle.
        if (ReviewChecksBroken(run) is { Count: > 0 } checksBroken)
        {
            intact = false;
            lines.Add(Messages.Of("VerifyChecksAltered", RunFolder.ReviewChecksTrace, string.Join(", ", checksBroken)));
        }

        foreach (var check in state.Changed)
        {
            intact = false;
            lines.Add(DescribeChange(check, state.Log.Approvals));
        }

        var broken = state.BrokenLinks;
        if (broken.Count > 0)
        {
            intact = false;
            lines.Add(Messages.Of("VerifyLinksBroken", RunFolder.ApprovalsFile, string.Join(", ", broken)));
        }
        else if (logValid && state.SealProblem is { } seal)
        {
            intact = false;
            lines.Add(Messages.Of("VerifySealMissing", seal));
        }
        else if (state.Log.Approvals.Count > 0)
        {
            lines.Add(Messages.Of("VerifyApprovalsIntact", state.Log.Approvals.Count));
        }

        // Each artifact against its schema: a run never approved is malformed (2), an approved one broken (3).
        var malformed = Schemas.ArtifactSchemas.Check(run, cancellationToken);
        foreach (var (path, problem) in malformed)
        {
            lines.Add(Messages.Of("VerifySchemaInvalid", path, Schemas.ArtifactSchemas.For(path)!.FileName, problem));
        }

        if (malformed.Count > 0 && run.Exists(RunFolder.ApprovalsFile))
        {
            intact = false;
        }

        var counted = new List<Approval>();
        foreach (var approval in state.Log.Approvals)
        {
            var inconsistent = ManifestRewrittenBefore(approval, state);
            if (inconsistent.Count > 0)
            {
                intact = false;
                lines.Add(Messages.Of("VerifyInconsistent", string.Join(", ", inconsistent), ApprovalState.Describe(approval)));
            }

            if (ApprovalSigner.Problem(approval) is { } bad)
            {
                intact = false;
                lines.Add(Messages.Of("VerifyBadSignature", ApprovalState.Describe(approval), bad));
                continue;
            }

            var signer = Signer(approval, trusted);
            if (trusted is null || approval.Signature is not null && trusted.ContainsKey(approval.Signature.KeyId))
            {
                counted.Add(approval);
            }

            lines.Add(approval.Version == state.Version && ApprovalState.SameFiles(approval.Files, state.Bound)
                ? Messages.Of("VerifyCoversCurrent", ApprovalState.Describe(approval), signer, approval.Version)
                : Messages.Of("VerifyCoversOlder", ApprovalState.Describe(approval), signer, approval.Version, state.Version));
        }

        var reviewers = ApprovalState.Reviewers(counted.Where(a => a.Version == state.Version && ApprovalState.SameFiles(a.Files, state.Bound)));
        var approved = intact && state.IsApproved && reviewers.Count >= state.RequiredReviewers;
        var names = string.Join(", ", reviewers.Select(ReviewerName.Printable));
        lines.Add(approved
            ? Messages.Of("VerifyStatusApproved", state.Version, names)
            : intact
                ? Messages.Of("VerifyStatusNotApproved", state.Version, reviewers.Count, state.RequiredReviewers, state.RequiredReviewers > 1 ? Messages.Of("VerifyLevel3") : string.Empty, trusted is null ? string.Empty : Messages.Of("VerifyTrustedOnly"))
                : Messages.Of("VerifyStatusFailed", state.Version));
        return (new VerifyReport(lines, intact, approved, state.Version) { WellFormed = malformed.Count == 0 }, state);
    }

    /// <summary>The sequence numbers of the reviewers' checks whose digest or link does not hold; none when the run has no checks or the file does not parse (the schema check names it then).</summary>
    private static IReadOnlyList<int> ReviewChecksBroken(RunFolder run)
    {
        try
        {
            return ReviewCheckLog.Load(run) is { Checks: not null } log ? log.BrokenLinks() : [];
        }
        catch (MinutesException)
        {
            return [];
        }
    }

    /// <summary>
    /// What the line of an approval says of its signature: ", signed by sato (key 3f2a…)" or why it
    /// does not count with a trust folder; without one ", signed (key 3f2a…)" or nothing.
    /// </summary>
    private static object Signer(Approval approval, IReadOnlyDictionary<string, string>? trusted)
    {
        var key = approval.Signature?.KeyId;
        var shortKey = key is null ? null : key[..Math.Min(16, key.Length)];
        return (trusted, key) switch
        {
            (null, null) => string.Empty,
            (null, _) => Messages.Of("SignerKey", shortKey),
            (_, null) => Messages.Of("SignerUnsigned"),
            _ when trusted.TryGetValue(key, out var name) => Messages.Of("SignerTrusted", ReviewerName.Printable(name), shortKey),
            _ => Messages.Of("SignerUntrusted", shortKey),
        };
    }

    private static Confidentiality ReadConfidentiality(RunFolder run)
    {
        try
        {
            return run.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument).Confidentiality;
        }
        catch (MinutesException)
        {
            // A damaged 07 is reported as a changed file; level 3 keeps the stricter rule meanwhile.
            return Confidentiality.LocalOnly;
        }
    }

    private static Message DescribeChange(FileCheck check, IReadOnlyList<Approval> approvals)
    {
        var recorded = check.Recorded;
        var parts = new List<object?> { Messages.Of(check.Actual is null ? "VerifyMissing" : "VerifyChanged", recorded.Path, recorded.Stage, recorded.Recorded.ToUniversalTime()) };
        var approvedBefore = approvals.Where(a => a.Files.Any(f => f.Path == recorded.Path && f.Sha256 == recorded.Sha256)).ToList();
        var approvedAfter = approvals.Where(a => check.Actual is not null && a.Files.Any(f => f.Path == recorded.Path && f.Sha256 == check.Actual)).ToList();
        if (approvedBefore.Count > 0)
        {
            parts.Add(Messages.Of("VerifyChangedAfter", ApprovalState.Describe(approvedBefore[^1])));
        }

        if (approvedAfter.Count > 0)
        {
            parts.Add(Messages.Of("VerifyChangedBefore", ApprovalState.Describe(approvedAfter[0])));
        }

        if (approvedBefore.Count == 0 && approvedAfter.Count == 0)
        {
            parts.Add(Messages.Of(approvals.Count == 0 ? "VerifyNoApprovalYet" : "VerifyNoApprovalCovers"));
        }

        return Messages.Joined(parts);
    }

    /// <summary>
    /// Files the manifest says a stage recorded before the approval was given, with a digest other
    /// than the one the approval bound: the tool never writes that, a hand-edited manifest does.
    /// </summary>
    private static List<string> ManifestRewrittenBefore(Approval approval, ApprovalState state)
    {
        var recorded = RunIntegrity.Recorded(state.Manifest).ToDictionary(r => r.Path, StringComparer.Ordinal);
        return approval.Files
            .Where(f => recorded.TryGetValue(f.Path, out var r) && r.Sha256 != f.Sha256 && r.Recorded < approval.Approved)
            .Select(f => f.Path)
            .ToList();
    }
}
