using Minutes.Json;
using Minutes.Policy;
using Minutes.Runs;

namespace Minutes.Review;

/// <summary>Flags a reviewer accepted knowingly: the reason given and the statements it covers.</summary>
public sealed record AcceptedFlags(string Reason, IReadOnlyList<string> Items);

/// <summary>A file an approval covers and its sha256 at the time of the approval.</summary>
public sealed record ApprovedFile(string Path, string Sha256);

/// <summary>
/// One approval: who approved which version of the run, when, with which flags accepted, bound
/// to the sha256 of every file the minutes rest on. <see cref="Previous"/> is the digest of the
/// approval before it and <see cref="Sha256"/> the digest of this entry (with <c>sha256</c>
/// empty), so that an edited or removed approval breaks the chain.
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
    string Sha256);

/// <summary><c>approvals.json</c>: the approvals of a run, oldest first; only ever appended to.</summary>
public sealed record ApprovalLog(int FormatVersion, IReadOnlyList<Approval> Approvals)
{
    public const int CurrentFormatVersion = 1;

    /// <summary>The <see cref="Approval.Previous"/> of the first approval.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static ApprovalLog Empty { get; } = new(CurrentFormatVersion, []);

    public static ApprovalLog Load(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!run.Exists(RunFolder.ApprovalsFile))
        {
            return Empty;
        }

        try
        {
            return run.Read(RunFolder.ApprovalsFile, MinutesJson.Context.ApprovalLog);
        }
        catch (MinutesException ex)
        {
            // An approvals file that no longer parses was altered: a verification failure, not an input error.
            throw new MinutesException(ex.Message, ex, ExitCodes.VerificationFailed);
        }
    }

    /// <summary>The digest of an approval's content: the entry serialised with an empty <c>sha256</c>.</summary>
    public static string DigestOf(Approval approval)
    {
        ArgumentNullException.ThrowIfNull(approval);
        return Hashing.Sha256OfText(MinutesJson.Serialize(approval with { Sha256 = string.Empty }, MinutesJson.Context.Approval));
    }

    /// <summary>The sequence numbers of approvals whose digest or link to the one before does not hold.</summary>
    public IReadOnlyList<int> BrokenLinks()
    {
        var broken = new List<int>();
        var previous = Genesis;
        foreach (var approval in Approvals)
        {
            if (approval.Previous != previous || DigestOf(approval) != approval.Sha256)
            {
                broken.Add(approval.Sequence);
            }

            previous = approval.Sha256;
        }

        return broken;
    }
}
