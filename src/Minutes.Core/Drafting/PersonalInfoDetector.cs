using System.Text.RegularExpressions;
using Minutes.Transcription;

namespace Minutes.Drafting;

/// <summary>
/// Finds personal information in the transcript: phone numbers, e-mail addresses, postal codes
/// and addresses, 12-digit individual numbers (マイナンバー), and personal names (the roster, and
/// a name before さん/氏/様/君). Speakers' role names (委員長, 田中委員) are not personal data of
/// residents and are left alone.
/// </summary>
public static partial class PersonalInfoDetector
{
    public static IReadOnlyList<PersonalInfoFinding> Find(Transcript transcript, IReadOnlyCollection<string> roster, string action)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(roster);
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
