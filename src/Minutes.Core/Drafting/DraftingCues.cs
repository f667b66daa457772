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

    private DraftingCues(Dictionary<string, List<Regex>> patterns) => _patterns = patterns;

    public static DraftingCues Default { get; } = Load();

    public bool Matches(string kind, string text) =>
        _patterns.TryGetValue(kind, out var list) && list.Any(r => r.IsMatch(text));

    public Match? First(string kind, string text) =>
        _patterns.TryGetValue(kind, out var list) ? list.Select(r => r.Match(text)).FirstOrDefault(m => m.Success) : null;

    private static DraftingCues Load()
    {
        // Read line by line rather than through ResourceLines.Read: a row's last tab-separated field may be empty, and trimming would lose it.
        using var reader = new StringReader(ResourceLines.EmbeddedText("Minutes.Drafting.drafting-cues.tsv"));
        var patterns = new Dictionary<string, List<Regex>>(StringComparer.Ordinal);
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

            list.Add(new Regex(fields[1], RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
        }

        return new DraftingCues(patterns);
    }
}
