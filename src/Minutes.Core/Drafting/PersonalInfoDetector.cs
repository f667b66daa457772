using System.Text.RegularExpressions;
using Minutes.Transcription;

namespace Minutes.Drafting;

/// <summary>
/// Finds personal information in the transcript: phone numbers, e-mail addresses, postal codes
/// and addresses, 12-digit individual numbers (マイナンバー), and personal names (the roster, and
/// a name before さん/氏/様/君, and the personal part of the speakers' names: 田中 of 田中委員).
/// Pure roles (委員長, 企画課長, 事務局, 話者1) are not personal names and are left alone.
/// </summary>
public static partial class PersonalInfoDetector
{
    public static IReadOnlyList<PersonalInfoFinding> Find(Transcript transcript, IReadOnlyCollection<string> roster, string action, IEnumerable<string>? speakerNames = null)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(roster);
        roster = [.. roster, .. (speakerNames ?? []).Select(PersonalPart).OfType<string>()];
        var findings = new List<PersonalInfoFinding>();
        foreach (var segment in transcript.Segments)
        {
            // NFKC only: numeral folding would turn 03 into 3 and 健一 into 健1.
            var text = segment.Text.Normalize(System.Text.NormalizationForm.FormKC);
            void Add(string kind, IEnumerable<Match> matches)
            {
                foreach (var m in matches)
                {
                    findings.Add(new PersonalInfoFinding(kind, m.Value, segment.Id, action));
                }
            }

            Add("mynumber", MyNumber().Matches(text));
            Add("phone", Phone().Matches(text));
            Add("email", Email().Matches(text));
            Add("postal", Postal().Matches(text));
            Add("name", Honorific().Matches(text).Where(m => !m.Value.EndsWith("委員さん", StringComparison.Ordinal)));
            foreach (var name in roster.Where(n => n.Length > 1 && text.Contains(n, StringComparison.Ordinal)))
            {
                findings.Add(new PersonalInfoFinding("name", name, segment.Id, action));
            }
        }

        return findings.DistinctBy(f => (f.Kind, f.Text, f.SegmentId)).ToList();
    }

    /// <summary>
    /// The personal name in a speaker's name: 田中 of 田中委員 (or 田中議員, 田中さん …), or the whole
    /// name when it holds no role (高橋健一); null for a role (委員長, 企画課長, 事務局, 話者1).
    /// </summary>
    public static string? PersonalPart(string speakerName)
    {
        ArgumentNullException.ThrowIfNull(speakerName);
        var name = speakerName.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        var member = MemberName().Match(name);
        if (member.Success)
        {
            return member.Groups["name"].Value;
        }

        return PlainName().IsMatch(name) && !Role().IsMatch(name) ? name : null;
    }

    [GeneratedRegex(@"^(?<name>\p{IsCJKUnifiedIdeographs}{2,4})(委員|議員|さん|氏|様|君)$")]
    private static partial Regex MemberName();

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}{2,6}$")]
    private static partial Regex PlainName();

    [GeneratedRegex(@"(長|課|部|局|室|係|員|官|者|会|所|事務|委員|議員|理事|監事|参与|顧問|主任|主事|主査|技師|話者|司会|書記)")]
    private static partial Regex Role();

    [GeneratedRegex(@"(?<!\d)\d{4}[ -]?\d{4}[ -]?\d{4}(?!\d)")]
    private static partial Regex MyNumber();

    [GeneratedRegex(@"(?<!\d)0\d{1,4}-\d{1,4}-\d{3,4}(?!\d)")]
    private static partial Regex Phone();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\d-])〒?\d{3}-\d{4}(?![\d-])|[^\s、。]{1,6}[都道府県][^\s、。]{1,8}[市区町村][^\s、。]{0,12}\d+(丁目|番地?|号)")]
    private static partial Regex Postal();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}{2,4}(さん|氏|様|君)")]
    private static partial Regex Honorific();
}
