using System.Text;
using System.Text.RegularExpressions;
using Minutes.Transcription;

namespace Minutes.Drafting;

/// <summary>
/// Finds personal information in the transcript the way people say it in a meeting: phone
/// numbers in any grouping (hyphens, spaces, parentheses, none, +81, digits read one by one in
/// kanji or katakana with の or 、 between groups), e-mail addresses, postal codes and addresses,
/// 12-digit individual numbers (マイナンバー), and personal names: before an honorific (kanji with
/// 々, kana or Latin letters), before a title (田中係長, 担当の松下係長), in a self-introduction
/// (田中と申します, 〜町の佐藤です), the roster and the personal part of the speakers' names. A name
/// found once is found wherever it is said, with or without its honorific, so masking it hides
/// every mention. Pure roles (委員長, 企画課長, 事務局, 話者1) are not personal names.
/// The word lists are data (<c>Resources/personal-info.tsv</c>).
/// </summary>
public static partial class PersonalInfoDetector
{
    /// <summary>The kind of a personal name finding, as written in 07-minutes.json.</summary>
    public const string NameKind = "name";

    private static readonly PersonalInfoWords Words = PersonalInfoWords.Default;

    public static IReadOnlyList<PersonalInfoFinding> Find(Transcript transcript, IReadOnlyCollection<string> roster, string action, IEnumerable<string>? speakerNames = null)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        return FindIn(transcript.Segments.Select(s => (s.Id, s.Text)).ToList(), roster, action, speakerNames);
    }

    /// <summary>
    /// The same scan over any texts with ids (a reviewer's edited statements: the id is the
    /// statement's). <paramref name="privateNames"/> are names already found elsewhere (in the
    /// transcript): found wherever they are said here too, as private persons.
    /// </summary>
    public static IReadOnlyList<PersonalInfoFinding> FindIn(IReadOnlyList<(string Id, string Text)> segments, IReadOnlyCollection<string> roster, string action, IEnumerable<string>? speakerNames = null, IEnumerable<string>? privateNames = null)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(roster);
        var names = new List<string>();
        foreach (var name in roster.Concat((speakerNames ?? []).Select(PersonalPart).OfType<string>()))
        {
            AddName(names, name.Normalize(NormalizationForm.FormKC).Trim());
        }

        var known = names.ToHashSet(StringComparer.Ordinal);
        foreach (var name in privateNames ?? [])
        {
            AddName(names, name);
        }

        PersonalInfoFinding Finding(string kind, string text, string segmentId) => new(
            kind, text, segmentId, action, IdOf(kind, text, segmentId), kind == Kinds.Name && known.Contains(text) ? PersonalInfoPerson.Public : PersonalInfoPerson.Private);

        var texts = segments.Select(s => (s.Id, Text: s.Text.Normalize(NormalizationForm.FormKC))).ToList();
        var findings = new List<PersonalInfoFinding>();
        foreach (var (id, text) in texts)
        {
            foreach (var (kind, value) in Scan(text))
            {
                findings.Add(Finding(kind, value, id));
                if (kind == Kinds.Name)
                {
                    AddName(names, value);
                }
            }
        }

        // A name heard once (田中さん) is personal information wherever it is said (田中から…).
        foreach (var (id, text) in texts)
        {
            findings.AddRange(names.Where(n => text.Contains(n, StringComparison.Ordinal)).Select(n => Finding(Kinds.Name, n, id)));
        }

        var order = texts.Select((t, i) => (t.Id, i)).ToDictionary(t => t.Id, t => t.i, StringComparer.Ordinal);
        return findings
            .DistinctBy(f => (f.Kind, f.Text, f.SegmentId))
            .OrderBy(f => order[f.SegmentId])
            .ToList();
    }

    /// <summary>The stable id of a finding: the same kind, text and segment give the same id in every draft.</summary>
    public static string IdOf(string kind, string text, string segmentId) =>
        "pi-" + Runs.Hashing.Sha256OfText(string.Join('\u001f', kind, text, segmentId))[..10];

    /// <summary>
    /// The personal name in a speaker's name: 田中 of 田中委員 (or 田中議員, 田中さん …), or the whole
    /// name when it holds no role (高橋健一); null for a role (委員長, 企画課長, 事務局, 話者1).
    /// </summary>
    public static string? PersonalPart(string speakerName)
    {
        ArgumentNullException.ThrowIfNull(speakerName);
        var name = speakerName.Normalize(NormalizationForm.FormKC).Trim();
        var member = MemberName().Match(name);
        if (member.Success)
        {
            return member.Groups["name"].Value;
        }

        return PlainName().IsMatch(name) && !Role().IsMatch(name) ? name : null;
    }

    /// <summary>Every piece of personal information in one NFKC-normalised text, in the order found, as (kind, text as said).</summary>
    internal static IEnumerable<(string Kind, string Text)> Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var taken = new List<(int Start, int End)>();
        var found = new List<(int Start, string Kind, string Text)>();
        void Take(string kind, int start, int length)
        {
            if (length > 0 && !taken.Any(t => start < t.End && t.Start < start + length))
            {
                taken.Add((start, start + length));
                found.Add((start, kind, text.Substring(start, length)));
            }
        }

        // Numbers first: a 12-digit number is an individual number, never a phone number.
        var digits = DigitView.Of(text, Words.Readings);
        foreach (Match m in MyNumber().Matches(digits.Text))
        {
            var (start, length) = digits.Original(m.Index, m.Length);
            Take(Kinds.MyNumber, start, length);
        }

        foreach (Match m in PhoneCandidate().Matches(digits.Text))
        {
            if (PhoneLength(m.Value) is { } valid)
            {
                var (start, length) = digits.Original(m.Index, valid);
                Take(Kinds.Phone, start, length);
            }
        }

        foreach (Match m in Email().Matches(text))
        {
            Take(Kinds.Email, m.Index, m.Length);
        }

        foreach (Match m in Postal().Matches(text))
        {
            Take(Kinds.Postal, m.Index, m.Length);
        }

        foreach (var (start, length) in Names(text))
        {
            Take(Kinds.Name, start, length);
        }

        return found.OrderBy(f => f.Start).Select(f => (f.Kind, f.Text));
    }

    private static IEnumerable<(int Start, int Length)> Names(string text)
    {
        foreach (Match m in Words.BeforeHonorific.Matches(text))
        {
            if (Accept(m.Groups["name"], needsSurname: false) is { } name)
            {
                yield return name;
            }
        }

        foreach (Match m in Words.BeforeTitle.Matches(text))
        {
            // 企画課長 is a role, 田中課長 a person: a title counts after a known surname, or after の (担当の松下係長).
            var afterNo = m.Index > 0 && text[m.Index - 1] == 'の';
            if (Accept(m.Groups["name"], needsSurname: !afterNo) is { } name)
            {
                yield return name;
            }
        }

        foreach (Match m in Words.Introduction.Matches(text))
        {
            // 田中と申します names someone; 〜です only after where the speaker belongs (企画課の佐藤です)
            // or alone at the start of a turn with a known surname (はい、田中です。).
            var group = m.Groups["name"];
            var formal = m.Groups["verb"].Value.StartsWith('と');
            var affiliated = group.Index > 1 && text[group.Index - 1] == 'の' && Words.Affiliation.IsMatch(text[..(group.Index - 1)]);
            var turnStart = TurnStart().IsMatch(text[..group.Index]);
            if ((formal || affiliated || turnStart) && Accept(group, needsSurname: !formal && !affiliated) is { } name)
            {
                yield return name;
            }
        }
    }

    /// <summary>The name in a run of letters, cut at a known surname inside it (本日田中 → 田中), unless it is a word that names nobody.</summary>
    private static (int Start, int Length)? Accept(Group group, bool needsSurname)
    {
        var start = group.Index;
        var value = group.Value;
        if (IsKanji(value[0]) && !StartsWithSurname(value))
        {
            // 本日田中 → 田中: a run of kanji before an honorific often carries the word before the name.
            var inner = Enumerable.Range(1, Math.Max(0, value.Length - 2)).FirstOrDefault(i => StartsWithSurname(value[i..]));
            if (inner > 0)
            {
                start += inner;
                value = value[inner..];
            }
        }

        if (Words.NotNames.Contains(value) || Words.NotNames.Any(w => w.Length > 1 && value.EndsWith(w, StringComparison.Ordinal)) || Role().IsMatch(value))
        {
            return null;
        }

        if (needsSurname && !StartsWithSurname(value))
        {
            return null;
        }

        // Letters only in capitals (NPO, PTA) name organisations.
        if (value.All(char.IsAsciiLetterUpper) && value.Length <= 5)
        {
            return null;
        }

        return (start, value.Length);
    }

    /// <summary>The length of a phone number at the start of a candidate (10 or 11 digits with 0 or +81 in front), or null.</summary>
    private static int? PhoneLength(string candidate)
    {
        var national = candidate.StartsWith("+81", StringComparison.Ordinal);
        var count = national ? 1 : 0;
        for (var i = national ? 3 : 0; i < candidate.Length; i++)
        {
            if (!char.IsAsciiDigit(candidate[i]))
            {
                continue;
            }

            // +81 0 3 … : the trunk 0 is sometimes said after the country code.
            if (!(national && count == 1 && candidate[i] == '0'))
            {
                count++;
            }

            // The first length that ends a group: 03-1234-5678、5件 is a phone number and a count.
            if (count is 10 or 11 && (i + 1 == candidate.Length || !char.IsAsciiDigit(candidate[i + 1])))
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>A known surname of two or more letters leads the name (田中, 田中健一), or the name is a one-letter surname itself (林): 原案 and 東京 are not names.</summary>
    private static bool StartsWithSurname(string value) =>
        Words.Surnames.Contains(value)
        || (value.Length <= 4 && Words.Surnames.Any(s => s.Length >= 2 && value.StartsWith(s, StringComparison.Ordinal)));

    private static void AddName(List<string> names, string name)
    {
        if (name.Length > 1 && !names.Contains(name, StringComparer.Ordinal))
        {
            names.Add(name);
        }
    }

    private static bool IsKanji(char c) => c is >= '\u4E00' and <= '\u9FFF' or '々' or 'ヶ';

    [GeneratedRegex(@"^(?<name>[\p{IsCJKUnifiedIdeographs}々ヶ]{2,4})(委員|議員|さん|氏|様|君)$")]
    private static partial Regex MemberName();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}々ヶ]{2,6}$")]
    private static partial Regex PlainName();

    [GeneratedRegex(@"(長|課|部|局|室|係|員|官|者|会|所|事務|委員|議員|理事|監事|参与|顧問|主任|主事|主査|技師|話者|司会|書記)$|^(話者|司会|書記)")]
    private static partial Regex Role();

    [GeneratedRegex(@"(?<![\d])\d{4}[ -]?\d{4}[ -]?\d{4}(?!\d)")]
    private static partial Regex MyNumber();

    // 0 or +81, then groups of digits with up to two separators between them: - space ( ) の 、 ー ・ .
    [GeneratedRegex(@"(?<![\d+])(?:\+81[ -]?\(?|\(?(?=0))\d{1,5}(?:[ \-()の、ー・.]{0,2}\d{1,5}){0,4}")]
    private static partial Regex PhoneCandidate();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\d-])〒?\d{3}-\d{4}(?![\d-])|[^\s、。]{1,6}[都道府県][^\s、。]{1,8}[市区町村][^\s、。]{0,12}\d+(丁目|番地?|号)")]
    private static partial Regex Postal();

    // What may stand before a name at the start of a turn: nothing, or a short reply or filler.
    [GeneratedRegex(@"^\s*((はい|ええ|えー|あの|あのー|えっと|どうも|失礼します|すみません)[、,。!]?\s*)*$")]
    private static partial Regex TurnStart();

    /// <summary>The kinds of finding, as written in 07-minutes.json.</summary>
    private static class Kinds
    {
        public const string Name = NameKind;
        public const string Phone = "phone";
        public const string Email = "email";
        public const string Postal = "postal";
        public const string MyNumber = "mynumber";
    }
}
