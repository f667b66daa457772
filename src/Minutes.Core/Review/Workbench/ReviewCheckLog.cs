using Minutes.Json;
using Minutes.Runs;

namespace Minutes.Review.Workbench;

/// <summary><c>trace/review-checks.json</c>: every statement a reviewer marked as checked, oldest first, only ever appended to.</summary>
public sealed record ReviewCheckLog(int FormatVersion, IReadOnlyList<ReviewCheck> Checks)
{
    public const int CurrentFormatVersion = 1;

    public static ReviewCheckLog Empty { get; } = new(CurrentFormatVersion, []);

    public static ReviewCheckLog Load(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Exists(RunFolder.ReviewChecksTrace) ? run.Read(RunFolder.ReviewChecksTrace, MinutesJson.Context.ReviewCheckLog) : Empty;
    }

    /// <summary>The digest a check records for a statement's text.</summary>
    public static string TextDigest(string text) => Hashing.Sha256OfText(text ?? string.Empty);

    /// <summary>This log with one more check, chained to the last.</summary>
    public ReviewCheckLog Append(string statementId, string text, string reviewer, DateTimeOffset time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statementId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        var entry = new ReviewCheck(Checks.Count + 1, statementId, TextDigest(text), reviewer.Trim(), time, HashChain.Tail(Checks), string.Empty);
        return this with { Checks = [.. Checks, entry with { Sha256 = DigestOf(entry) }] };
    }

    /// <summary>Who checked the statement with this text, or null when nobody did (or it was checked with another text).</summary>
    public ReviewCheck? For(string statementId, string text)
    {
        var digest = TextDigest(text);
        return Checks.LastOrDefault(c => c.StatementId == statementId && c.TextSha256 == digest);
    }

    public static string DigestOf(ReviewCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return Hashing.Sha256OfText(MinutesJson.Serialize(check with { Sha256 = string.Empty }, MinutesJson.Context.ReviewCheck));
    }

    public IReadOnlyList<int> BrokenLinks() => HashChain.BrokenLinks(Checks, DigestOf);
}
