using System.Globalization;
using Minutes.Text;

namespace Minutes.Drafting;

/// <summary>The Japanese texts of <c>Resources/llm-texts.tsv</c>: the repair message, its reasons and the placeholder of masked personal information.</summary>
internal static class DrafterTexts
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Texts = new(Load);

    /// <summary>Asks again after an answer that could not be used, saying why.</summary>
    public static string Repair(string problem) => Fill("repair", "{problem}", problem);

    public static string InvalidJson(string detail) => Fill("invalid-json", "{detail}", detail);

    public static string MissingCitations => Text("missing-citations");

    public static string NotJapanese(string text) => Fill("not-japanese", "{text}", text);

    /// <summary>The placeholder of the <paramref name="number"/>-th masked text (from 1).</summary>
    public static string Placeholder(int number) => Fill("placeholder", "{n}", number.ToString(CultureInfo.InvariantCulture));

    private static string Fill(string key, string token, string value) => Text(key).Replace(token, value, StringComparison.Ordinal);

    private static string Text(string key) =>
        Texts.Value.TryGetValue(key, out var text) ? text : throw new InvalidOperationException($"llm-texts.tsv has no '{key}'.");

    private static Dictionary<string, string> Load()
    {
        using var reader = new StringReader(ResourceLines.EmbeddedText("Minutes.Drafting.llm-texts.tsv"));
        return ResourceLines.Read(reader).Select(l => l.Split('\t', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
    }
}
