using Minutes.Drafting;
using Minutes.Json;
using Minutes.Runs;

namespace Minutes.Privacy;

/// <summary>
/// <c>trace/privacy-decisions.json</c>: every keep or redact decision about personal information,
/// oldest first, only ever appended to (<c>minutes pii</c>).
/// </summary>
public sealed record PrivacyDecisionLog(int FormatVersion, IReadOnlyList<PrivacyDecision> Decisions)
{
    public const int CurrentFormatVersion = 1;

    public static PrivacyDecisionLog Empty { get; } = new(CurrentFormatVersion, []);

    public static PrivacyDecisionLog Load(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Exists(RunFolder.PrivacyDecisionsTrace) ? run.Read(RunFolder.PrivacyDecisionsTrace, MinutesJson.Context.PrivacyDecisionLog) : Empty;
    }

    /// <summary>This log with one more decision, chained to the last.</summary>
    public PrivacyDecisionLog Append(PersonalInfoFinding finding, PrivacyDecisionKind decision, string reviewer, string? reason, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        var entry = new PrivacyDecision(
            Decisions.Count + 1,
            finding.Id ?? PersonalInfoDetector.IdOf(finding.Kind, finding.Text, finding.SegmentId),
            finding.Kind,
            finding.Text,
            finding.SegmentId,
            decision,
            reviewer,
            time,
            string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            HashChain.Tail(Decisions),
            string.Empty);
        return this with { Decisions = [.. Decisions, entry with { Sha256 = DigestOf(entry) }] };
    }

    /// <summary>The decision in force for a finding: the latest one, or null.</summary>
    public PrivacyDecision? For(string findingId) => Decisions.LastOrDefault(d => d.FindingId == findingId);

    public static string DigestOf(PrivacyDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return Hashing.Sha256OfText(MinutesJson.Serialize(decision with { Sha256 = string.Empty }, MinutesJson.Context.PrivacyDecision));
    }

    public IReadOnlyList<int> BrokenLinks() => HashChain.BrokenLinks(Decisions, DigestOf);
}
