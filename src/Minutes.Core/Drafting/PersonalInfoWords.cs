using System.Text.RegularExpressions;
using Minutes.Text;

namespace Minutes.Drafting;

/// <summary>
/// The word lists of <see cref="PersonalInfoDetector"/> (<c>Resources/personal-info.tsv</c>) and
/// the patterns built from them: a title, an honorific or a self-introduction after a name.
/// </summary>
internal sealed class PersonalInfoWords
{
    private const string Kanji = @"[\p{IsCJKUnifiedIdeographs}々ヶ]";
    private const string Katakana = "[ァ-ヺー]";
    private const string Latin = @"[A-Za-z][A-Za-z'.-]+(?: [A-Z][A-Za-z'.-]+)?";

    private PersonalInfoWords(Dictionary<string, List<string>> lists)
    {
        IReadOnlyList<string> Of(string kind) => lists.TryGetValue(kind, out var words) ? words : [];
        Surnames = Of("surname").ToHashSet(StringComparer.Ordinal);
        NotNames = Of("not-name").ToHashSet(StringComparer.Ordinal);
        Readings = Of("reading").Select(r => r.Split('=')).ToDictionary(r => r[0], r => r[1][0], StringComparer.Ordinal);
        BeforeHonorific = new Regex(
            $@"(?<name>{Kanji}{{1,4}}|(?<!{Katakana}){Katakana}{{2,10}}|(?<![ぁ-ゖ])[ぁ-ゖ]{{2,5}}|(?<![A-Za-z]){Latin}) ?(?:{Alternation(Of("honorific"))})",
            RegexOptions.CultureInvariant);
        BeforeTitle = new Regex($"(?<name>{Kanji}{{1,4}}?)(?:{Alternation(Of("title"))})", RegexOptions.CultureInvariant);
        Introduction = new Regex(
            $@"(?<name>{Kanji}{{1,6}}|(?<!{Katakana}){Katakana}{{2,10}}|(?<![A-Za-z]){Latin}) ?(?<verb>{Alternation(Of("introduction"))})",
            RegexOptions.CultureInvariant);
        Affiliation = new Regex($"(?:{Alternation(Of("affiliation"))})$", RegexOptions.CultureInvariant);
    }

    public static PersonalInfoWords Default { get; } = Load();

    public IReadOnlySet<string> Surnames { get; }

    public IReadOnlySet<string> NotNames { get; }

    /// <summary>Katakana readings of digits (ゼロ → 0).</summary>
    public IReadOnlyDictionary<string, char> Readings { get; }

    public Regex BeforeHonorific { get; }

    public Regex BeforeTitle { get; }

    public Regex Introduction { get; }

    /// <summary>Matches text that ends with where someone belongs (企画課, 〜町, 〜自治会).</summary>
    public Regex Affiliation { get; }

    private static PersonalInfoWords Load()
    {
        var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using var reader = new StringReader(ResourceLines.EmbeddedText("Minutes.Drafting.personal-info.tsv"));
        foreach (var line in ResourceLines.Read(reader))
        {
            var cells = line.Split('\t', 2);
            if (cells.Length == 2)
            {
                if (!lists.TryGetValue(cells[0], out var words))
                {
                    lists[cells[0]] = words = [];
                }

                words.AddRange(cells[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        return new PersonalInfoWords(lists);
    }

    /// <summary>Longest first, so that 課長補佐 wins over 課長 and でございます over です.</summary>
    private static string Alternation(IEnumerable<string> words) =>
        string.Join('|', words.Distinct(StringComparer.Ordinal).OrderByDescending(w => w.Length).Select(Regex.Escape));
}
