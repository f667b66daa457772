using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Minutes.Text;

/// <summary>
/// Spoken Japanese as a 会議録 writes it. <see cref="ToDearu"/> turns a sentence into である調 by
/// rules that know the forms (〜ております → 〜ている, ございます → ある, いたします → する, a question
/// 〜ますか/〜でしょうか → 〜のか, 教えてください → 伺いたい) and drops restarts;
/// <see cref="OfficialNumerals"/> writes numbers the way horizontal 公用文 does (公用文作成の考え方,
/// 2022): Arabic numerals with thousands separators, 万・億 kept as units (1,250万円), set phrases
/// in kanji (一部, 第三者, 一つ). The rules are the embedded <c>Text/written-style.txt</c>.
/// </summary>
public static class WrittenJapanese
{
    private static readonly Rules Table = Rules.Load();

    /// <summary>One sentence (with its 。) in である調; a sentence no rule fits is returned as it is.</summary>
    public static string ToDearu(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var text = WithoutRestarts(sentence.Trim());
        var ending = Table.Endings.FirstOrDefault(e => text.EndsWith(e.Spoken, StringComparison.Ordinal)).Spoken ?? string.Empty;
        if (Table.Questions.FirstOrDefault(q => text.EndsWith(q, StringComparison.Ordinal)) is { } question && question.Length >= ending.Length)
        {
            return AsQuestion(text[..^question.Length], question);
        }

        return Ending(text);
    }

    /// <summary>A restart (この、この件) said once.</summary>
    public static string WithoutRestarts(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (pattern, replacement) in Table.Restarts)
        {
            text = pattern.Replace(text, replacement);
        }

        return text;
    }

    /// <summary>
    /// Every number written in kanji (千二百五十万, 四千二百, 議題二) as 公用文 writes it: Arabic
    /// digits, thousands separators, 兆・億・万 as units; digits read one by one (二〇二五) and years
    /// without separators. Arabic numerals and set phrases (一部, 第三者, 一つ) are left as written.
    /// </summary>
    public static string OfficialNumerals(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var kept = Table.Keep.SelectMany(phrase => Occurrences(text, phrase).Select(i => (Start: i, End: i + phrase.Length)))
            .Concat(Table.KeepPatterns.SelectMany(p => p.Matches(text).Select(m => (Start: m.Index, End: m.Index + m.Length)))).ToList();
        var builder = new StringBuilder(text.Length);
        var last = 0;
        foreach (var mention in JapaneseText.FindNumbersInText(text))
        {
            var end = mention.Index + mention.Length;
            if (!HasKanji(mention.Written) || kept.Any(k => mention.Index < k.End && end > k.Start))
            {
                continue;
            }

            var yearFollows = end < text.Length && Table.YearMarks.Contains(text[end]);
            builder.Append(text, last, mention.Index - last).Append(Format(mention, yearFollows));
            last = end;
        }

        return builder.Append(text, last, text.Length - last).ToString();
    }

    private static string AsQuestion(string stem, string question)
    {
        // 〜ますか: the verb's plain form (行いますか → 行う) before のか.
        if (Table.VerbQuestions.Contains(question))
        {
            var plain = Ending(stem + question[..^(1 + Table.Period.Length)] + Table.Period);
            return plain.TrimEnd(Table.Period[0]) + Table.QuestionEnd;
        }

        if (stem.EndsWith(Table.Nominaliser, StringComparison.Ordinal))
        {
            return stem + Table.QuestionEnd[Table.Nominaliser.Length..];
        }

        return stem + (stem.Length > 0 && IsHiragana(stem[^1]) ? Table.QuestionEnd : Table.NounQuestionEnd);
    }

    private static string Ending(string text)
    {
        foreach (var (spoken, written) in Table.Endings)
        {
            if (text.EndsWith(spoken, StringComparison.Ordinal))
            {
                return text[..^spoken.Length] + written;
            }
        }

        return text;
    }

    private static string Format(NumberMention mention, bool yearFollows)
    {
        var written = mention.Written;
        var value = decimal.Truncate(mention.Value);
        if (yearFollows || !written.Any(c => NumeralScanner.SmallUnits.Contains(c, StringComparison.Ordinal) || NumeralScanner.BigUnits.Any(u => u.Unit == c)))
        {
            return value.ToString("0", CultureInfo.InvariantCulture);
        }

        if (!NumeralScanner.BigUnits.Any(u => written.Contains(u.Unit, StringComparison.Ordinal)))
        {
            return value.ToString("#,0", CultureInfo.InvariantCulture);
        }

        var builder = new StringBuilder();
        foreach (var (unit, size) in NumeralScanner.BigUnits.OrderByDescending(u => u.Value))
        {
            var part = decimal.Truncate(value / size) % 10_000;
            if (part > 0)
            {
                builder.Append(part.ToString("#,0", CultureInfo.InvariantCulture)).Append(unit);
            }
        }

        var rest = value % 10_000;
        return rest > 0 ? builder.Append(rest.ToString("#,0", CultureInfo.InvariantCulture)).ToString() : builder.ToString();
    }

    private static bool HasKanji(string written) =>
        written.Any(c => NumeralScanner.KanjiDigits.Contains(c, StringComparison.Ordinal) || c == '零' || NumeralScanner.SmallUnits.Contains(c, StringComparison.Ordinal));

    private static bool IsHiragana(char c) => c is >= '\u3041' and <= '\u309F';

    private static IEnumerable<int> Occurrences(string text, string phrase)
    {
        for (var i = text.IndexOf(phrase, StringComparison.Ordinal); i >= 0; i = text.IndexOf(phrase, i + 1, StringComparison.Ordinal))
        {
            yield return i;
        }
    }

    private sealed class Rules
    {
        public List<(string Spoken, string Written)> Endings { get; } = [];

        public List<string> Questions { get; } = [];

        public HashSet<string> VerbQuestions { get; } = new(StringComparer.Ordinal);

        public List<(Regex Pattern, string Replacement)> Restarts { get; } = [];

        public List<string> Keep { get; } = [];

        public List<Regex> KeepPatterns { get; } = [];

        public string Period { get; private set; } = string.Empty;

        public string QuestionEnd { get; private set; } = string.Empty;

        public string NounQuestionEnd { get; private set; } = string.Empty;

        public string Nominaliser { get; private set; } = string.Empty;

        public string YearMarks { get; private set; } = string.Empty;

        public static Rules Load()
        {
            var rules = new Rules();
            foreach (var line in ResourceLines.Embedded("Minutes.Text.written-style.txt"))
            {
                var f = line.Split('\t');
                switch (f[0])
                {
                    case "ending":
                        rules.Endings.Add((f[1], f[2]));
                        break;
                    case "question":
                        rules.Questions.Add(f[1]);
                        if (f.Length > 2 && f[2] == "verb")
                        {
                            rules.VerbQuestions.Add(f[1]);
                        }

                        break;
                    case "restart":
                        rules.Restarts.Add((new Regex(f[1], RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), f[2]));
                        break;
                    case "keep":
                        rules.Keep.Add(f[1]);
                        break;
                    case "keep-pattern":
                        rules.KeepPatterns.Add(new Regex(f[1], RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
                        break;
                    case "period":
                        rules.Period = f[1];
                        break;
                    case "question-end":
                        rules.QuestionEnd = f[1];
                        rules.NounQuestionEnd = f[2];
                        rules.Nominaliser = f[3];
                        break;
                    case "year":
                        rules.YearMarks = f[1];
                        break;
                    default:
                        throw new InvalidOperationException($"Unknown rule kind in written-style.txt: {f[0]}");
                }
            }

            // The longest ending that fits wins; among equal lengths, the file's order.
            var ordered = rules.Endings.Select((e, i) => (e, i)).OrderByDescending(p => p.e.Spoken.Length).ThenBy(p => p.i).Select(p => p.e).ToList();
            rules.Endings.Clear();
            rules.Endings.AddRange(ordered);
            rules.Questions.Sort((a, b) => b.Length.CompareTo(a.Length));
            return rules;
        }
    }
}
