using Minutes.Json;
using Minutes.Policy;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Review;

/// <summary>Flags a reviewer accepted knowingly: the reason given and the statements it covers.</summary>
public sealed record AcceptedFlags(string Reason, IReadOnlyList<string> Items);

/// <summary>A file an approval covers and its sha256 at the time of the approval.</summary>
public sealed record ApprovedFile(string Path, string Sha256);

/// <summary>
/// One approval: who approved which version of the run, when, with which flags accepted, bound
/// to the sha256 of every file the minutes rest on. <see cref="Previous"/> is the digest of the
/// approval before it and <see cref="Sha256"/> the digest of this entry (with <c>sha256</c>
/// empty, <see cref="Signature"/> included), so that an edited or removed approval breaks the
/// chain. <see cref="Signature"/> is present when the reviewer signed with <c>--key</c>.
/// </summary>
public sealed record Approval(
    int Sequence,
    int Version,
    string Reviewer,
    DateTimeOffset Approved,
    string? Comment,
    AcceptedFlags? AcceptedFlags,
    Confidentiality Confidentiality,
    string RunId,
    IReadOnlyList<ApprovedFile> Files,
    string Previous,
    string Sha256,
    ApprovalSignature? Signature = null) : IChainedEntry;

/// <summary><c>approvals.json</c>: the approvals of a run, oldest first; only ever appended to.</summary>
public sealed record ApprovalLog(int FormatVersion, IReadOnlyList<Approval> Approvals)
{
    public const int CurrentFormatVersion = 1;

    /// <summary>The <see cref="Approval.Previous"/> of the first approval.</summary>
    public const string Genesis = HashChain.Genesis;

    /// <summary>Separates approval signatures from any other use of the same key.</summary>
    public const string SignedPrefix = "minutes approval v1\n";

    public static ApprovalLog Empty { get; } = new(CurrentFormatVersion, []);

    /// <summary>
    /// Reads <c>approvals.json</c> (empty when there is none) and checks its structure. A log
    /// that does not parse or lacks a field fails with a line naming the file: exit 3 when the
    /// manifest says the run was approved (the log was altered), else exit 2 (a malformed file).
    /// </summary>
    public static ApprovalLog Load(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!run.Exists(RunFolder.ApprovalsFile))
        {
            return Empty;
        }

        Message? problem;
        ApprovalLog? log = null;
        try
        {
            log = run.Read(RunFolder.ApprovalsFile, MinutesJson.Context.ApprovalLog);
            problem = ProblemOf(log);
        }
        catch (MinutesException ex)
        {
            problem = ex.Said ?? Messages.Verbatim(ex.Message);
        }

        if (problem is null && log is not null)
        {
            return log;
        }

        var approved = run.LoadManifest().Approvals is { Count: > 0 };
        throw new MinutesException(
            Messages.Of(approved ? "ApprovalLogAltered" : "ApprovalLogInvalid", RunFolder.ApprovalsFile, problem),
            approved ? ExitCodes.VerificationFailed : ExitCodes.Failure);
    }

    /// <summary>
    /// The bytes a signature covers: a fixed prefix, then the entry serialised with an empty
    /// <c>sha256</c> and no signature. The entry binds the digests of the draft and of 07.
    /// </summary>
    public static byte[] SignedBytes(Approval approval)
    {
        ArgumentNullException.ThrowIfNull(approval);
        return System.Text.Encoding.UTF8.GetBytes(SignedPrefix + MinutesJson.Serialize(approval with { Sha256 = string.Empty, Signature = null }, MinutesJson.Context.Approval));
    }

    /// <summary>The digest of an approval's content: the entry serialised with an empty <c>sha256</c>.</summary>
    public static string DigestOf(Approval approval)
    {
        ArgumentNullException.ThrowIfNull(approval);
        return Hashing.Sha256OfText(MinutesJson.Serialize(approval with { Sha256 = string.Empty }, MinutesJson.Context.Approval));
    }

    /// <summary>The sequence numbers of approvals whose digest or link to the one before does not hold.</summary>
    public IReadOnlyList<int> BrokenLinks() => HashChain.BrokenLinks(Approvals, DigestOf);

    /// <summary>What makes a parsed log unusable (fields missing, sequence out of order), or null.</summary>
    private static Message? ProblemOf(ApprovalLog log)
    {
        if (log.Approvals is null)
        {
            return Messages.Of("ApprovalLogNoList");
        }

        if (log.FormatVersion != CurrentFormatVersion)
        {
            return Messages.Of("ApprovalLogFormatVersion", log.FormatVersion, CurrentFormatVersion);
        }

        for (var i = 0; i < log.Approvals.Count; i++)
        {
            var approval = log.Approvals[i];
            var position = i + 1;
            if (approval is null || approval.Reviewer is null || approval.RunId is null || approval.Previous is null || approval.Sha256 is null || approval.Files is null)
            {
                return Messages.Of("ApprovalLogEntryLacksField", position);
            }

            if (approval.Sequence != position)
            {
                return Messages.Of("ApprovalLogEntrySequence", position, approval.Sequence);
            }

            if (approval.Files.Any(f => f?.Path is null || f.Sha256 is null || !RunFolder.IsCanonical(f.Path)))
            {
                return Messages.Of("ApprovalLogEntryPath", position);
            }

            if (approval.Signature is { } signature && (signature.Algorithm is null || signature.KeyId is null || signature.PublicKey is null || signature.Value is null))
            {
                return Messages.Of("ApprovalLogEntrySignature", position);
            }
        }

        return null;
    }
}
