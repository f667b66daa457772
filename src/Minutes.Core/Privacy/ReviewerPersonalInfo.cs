using Minutes.Drafting;
using Minutes.Speakers;
using Minutes.Transcription;

namespace Minutes.Privacy;

/// <summary>
/// The personal information in what reviewers typed after the draft — reworded or inserted
/// statements, and corrected transcript text — found by the same detector as the draft's, so that it
/// is listed by <c>minutes pii</c>, blocks approval at level 2 until decided and is redacted in the
/// published version like what was said. The draft's findings decide who is who: their public names
/// stay public, their private names are found in the reviewers' words too, and a finding the draft
/// already made (same id) is not made again.
/// </summary>
public static class ReviewerPersonalInfo
{
    /// <summary>The findings in <paramref name="texts"/> (ids: statements or segments) that <paramref name="known"/> does not hold yet.</summary>
    public static IReadOnlyList<PersonalInfoFinding> Find(IReadOnlyList<(string Id, string Text)> texts, IReadOnlyList<PersonalInfoFinding> known, string action, IEnumerable<string>? speakerNames = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(known);
        if (texts.Count == 0)
        {
            return [];
        }

        var names = known.Where(f => f.Kind == PersonalInfoDetector.NameKind).ToList();
        var publicNames = names.Where(f => f.Person == PersonalInfoPerson.Public).Select(f => f.Text).Distinct(StringComparer.Ordinal).ToList();
        var privateNames = names.Where(f => f.Person != PersonalInfoPerson.Public).Select(f => f.Text).Distinct(StringComparer.Ordinal);
        var found = known.Select(IdOf).ToHashSet(StringComparer.Ordinal);
        return PersonalInfoDetector.FindIn(texts, publicNames, action, speakerNames, privateNames)
            .Where(f => !found.Contains(IdOf(f)))
            .ToList();
    }

    /// <summary>
    /// The findings in the segments whose corrected text differs from the machine's (only what a
    /// reviewer changed), with action <see cref="PersonalInfoActions.Corrected"/>; the corrected
    /// speakers' names are public, as in the draft.
    /// </summary>
    public static IReadOnlyList<PersonalInfoFinding> InCorrections(Transcript machine, Transcript corrected, SpeakerMap? speakers, IReadOnlyList<PersonalInfoFinding> known)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(corrected);
        var said = machine.Segments.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Text, StringComparer.Ordinal);
        var changed = corrected.Segments
            .Where(s => !said.TryGetValue(s.Id, out var text) || !string.Equals(text, s.Text, StringComparison.Ordinal))
            .Select(s => (s.Id, s.Text))
            .ToList();
        return Find(changed, known, PersonalInfoActions.Corrected, (speakers?.Speakers ?? []).Select(s => s.Name));
    }

    private static string IdOf(PersonalInfoFinding finding) =>
        finding.Id ?? PersonalInfoDetector.IdOf(finding.Kind, finding.Text, finding.SegmentId);
}
