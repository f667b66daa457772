using System.Text.RegularExpressions;
using Minutes.Text;

namespace Minutes.Drafting;

/// <summary>
/// The phrase tables of the offline drafter (decisions, requests, questions, the chair's
/// formulas, due dates; the である style is Text/WrittenJapanese), from an embedded data file so that
/// Japanese stays out of the code and a clerk can read what the drafter looks for.
/// </summary>
public sealed class DraftingCues
{
    private readonly Dictionary<string, List<Regex>> _patterns;
    private readonly List<(string Kind, Regex Pattern)> _rows;

    private DraftingCues(Dictionary<string, List<Regex>> patterns, List<(string Kind, Regex Pattern)> rows)
    {
        _patterns = patterns;
        _rows = rows;
    }

    public static DraftingCues Default { get; } = Load();

    public bool Matches(string kind, string text) =>
        _patterns.TryGetValue(kind, out var list) && list.Any(r => r.IsMatch(text));

    public Match? First(string kind, string text) =>
        _patterns.TryGetValue(kind, out var list) ? list.Select(r => r.Match(text)).FirstOrDefault(m => m.Success) : null;

    /// <summary>
    /// For rows named <c>FAMILY:NAME</c> (<c>outcome:passed</c>): the NAME of the first row of the
    /// family, in file order, whose pattern fits the text; null when none does.
    /// </summary>
    public string? Kind(string family, string text)
    {
        ArgumentNullException.ThrowIfNull(family);
        var prefix = family + ":";
        return _rows.FirstOrDefault(r => r.Kind.StartsWith(prefix, StringComparison.Ordinal) && r.Pattern.IsMatch(text)).Kind?[prefix.Length..];
    }

    /// <summary>The text with what every pattern of <paramref name="kind"/> fits removed, pattern by pattern in file order.</summary>
    public string RemoveAll(string kind, string text) =>
        _patterns.TryGetValue(kind, out var list) ? list.Aggregate(text, (t, r) => r.Replace(t, string.Empty)) : text;

    private static DraftingCues Load()
    {
        // Read line by line rather than through ResourceLines.Read: a row's last tab-separated field may be empty, and trimming would lose it.
        using var reader = new StringReader(ResourceLines.EmbeddedText("Minutes.Drafting.drafting-cues.tsv"));
        var patterns = new Dictionary<string, List<Regex>>(StringComparer.Ordinal);
        var rows = new List<(string, Regex)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');

            if (!patterns.TryGetValue(fields[0], out var list))
            {
                patterns[fields[0]] = list = [];
            }

            var regex = new Regex(fields[1], RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            list.Add(regex);
            rows.Add((fields[0], regex));
        }

        return new DraftingCues(patterns, rows);
    }
}
