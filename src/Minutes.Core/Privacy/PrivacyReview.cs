using Minutes.Drafting;

namespace Minutes.Privacy;

/// <summary>A personal-information finding and the decision in force for it (null: undecided).</summary>
public sealed record PrivacyEntry(PersonalInfoFinding Finding, string Id, PrivacyDecision? Decision)
{
    public bool IsPrivate => Finding.Person != PersonalInfoPerson.Public;
}

/// <summary>
/// The findings of the current draft with the reviewers' decisions about them. A finding about a
/// private person must be decided (kept or redacted) before a run of level 2 or above is approved;
/// the redacted texts are what the published version (公開版) replaces with ○○.
/// </summary>
public sealed record PrivacyReview(IReadOnlyList<PrivacyEntry> Entries)
{
    public static PrivacyReview Of(MinutesDocument minutes, PrivacyDecisionLog decisions)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        ArgumentNullException.ThrowIfNull(decisions);
        return new PrivacyReview(minutes.PersonalInformation
            .Select(f => (Finding: f, Id: f.Id ?? PersonalInfoDetector.IdOf(f.Kind, f.Text, f.SegmentId)))
            .DistinctBy(f => f.Id)
            .Select(f => new PrivacyEntry(f.Finding, f.Id, decisions.For(f.Id)))
            .ToList());
    }

    /// <summary>Findings about private persons nobody has decided on yet.</summary>
    public IReadOnlyList<PrivacyEntry> UndecidedPrivate => Entries.Where(e => e.IsPrivate && e.Decision is null).ToList();

    /// <summary>The texts to replace in the published version, longest first (so 山田太郎 goes before 山田).</summary>
    public IReadOnlyList<string> RedactedTexts =>
        Entries.Where(e => e.Decision?.Decision == PrivacyDecisionKind.Redact)
            .Select(e => e.Finding.Text)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(t => t.Length)
            .ToList();

    public PrivacyEntry? Find(string id) => Entries.FirstOrDefault(e => e.Id == id);
}
