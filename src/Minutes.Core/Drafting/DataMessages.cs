using System.Text.Json;
using Minutes.Json;

namespace Minutes.Drafting;

/// <summary>
/// The user message that carries the data: the speakers inside <c>&lt;speakers&gt;</c> and the
/// transcript inside <c>&lt;transcript&gt;</c> as compact lines (<see cref="CompactTranscript"/>),
/// the parts' items inside <c>&lt;drafts&gt;</c> as JSON, never through the template engine. A
/// speaker cannot close a data block: the delimiters inside the text are defused.
/// </summary>
internal static class DataMessages
{
    private static readonly string[] Tags = ["transcript", "drafts", "speakers"];

    public static string Transcript(IReadOnlyList<TranscriptLine> lines) => CompactTranscript.Write(lines);

    public static string Drafts(IEnumerable<DraftedItem> items) =>
        "<drafts>\n" + JsonSerializer.Serialize(items.Select(i => i with { Text = Defuse(i.Text) }).ToList(), MinutesJson.Context.ListDraftedItem) + "\n</drafts>";

    /// <summary>The text with <c>&lt;transcript</c>, <c>&lt;/drafts</c>, <c>&lt;speakers</c> … written with a full-width ＜.</summary>
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
