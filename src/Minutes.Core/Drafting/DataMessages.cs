using System.Text.Json;
using Minutes.Json;

namespace Minutes.Drafting;

/// <summary>
/// The user message that carries the data: the transcript lines inside <c>&lt;transcript&gt;</c>,
/// the parts' items inside <c>&lt;drafts&gt;</c>, as JSON, never through the template engine. A
/// speaker cannot close a data block: the delimiters inside the text are defused.
/// </summary>
internal static class DataMessages
{
    private static readonly string[] Tags = ["transcript", "drafts"];

    public static string Transcript(List<Dictionary<string, string>> lines) =>
        "<transcript>\n" + JsonSerializer.Serialize(lines, MinutesJson.Context.ListDictionaryStringString) + "\n</transcript>";

    public static string Drafts(IEnumerable<DraftedItem> items) =>
        "<drafts>\n" + JsonSerializer.Serialize(items.Select(i => i with { Text = Defuse(i.Text) }).ToList(), MinutesJson.Context.ListDraftedItem) + "\n</drafts>";

    /// <summary>The text with <c>&lt;transcript</c>, <c>&lt;/drafts</c> … written with a full-width ＜.</summary>
    public static string Defuse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var tag in Tags)
        {
            text = text.Replace("<" + tag, "＜" + tag, StringComparison.OrdinalIgnoreCase).Replace("</" + tag, "＜/" + tag, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }
}
