using System.Globalization;
using Minutes.Text;

namespace Minutes.Drafting;

/// <summary>The Japanese texts of <c>Resources/llm-texts.tsv</c>: the repair message, its reasons and the placeholder of masked personal information.</summary>
internal static class DrafterTexts
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Texts = new(Load);

    /// <summary>Asks again after an answer that could not be used, saying what was wrong, one problem a line.</summary>
    public static string Repair(IEnumerable<string> problems) =>
        Text("repair") + string.Concat(problems.Select(p => "\n" + Text("bullet") + p));

    /// <summary>The text <paramref name="key"/> of <c>llm-texts.tsv</c> with its words filled in (<c>("n", 2)</c> fills <c>{n}</c>).</summary>
    public static string Fill(string key, params (string Name, object Value)[] words) =>
        words.Aggregate(Text(key), (text, word) => text.Replace("{" + word.Name + "}", Convert.ToString(word.Value, CultureInfo.InvariantCulture), StringComparison.Ordinal));

    /// <summary>The placeholder of the <paramref name="number"/>-th masked text (from 1).</summary>
    public static string Placeholder(int number) => Fill("placeholder", ("n", number));

    /// <summary>The placeholder as written in <c>llm-texts.tsv</c>, <c>{n}</c> standing for the number.</summary>
    public static string PlaceholderPattern => Text("placeholder");

    private static string Text(string key) =>
        Texts.Value.TryGetValue(key, out var text) ? text : throw new InvalidOperationException($"llm-texts.tsv has no '{key}'.");

    private static Dictionary<string, string> Load()
    {
        using var reader = new StringReader(ResourceLines.EmbeddedText("Minutes.Drafting.llm-texts.tsv"));
        return ResourceLines.Read(reader).Select(l => l.Split('\t', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
    }
}
