using System.Text.Json;
using Minutes.Json;

namespace Minutes.Drafting;

/// <summary>
/// Whether an LLM's answer can be used as a session's items: JSON of <c>session-draft.schema.json</c>
/// (a Markdown code fence tolerated), every item with text and at least one citation, and the text
/// mostly kana and kanji. What is wrong is worded in Japanese for the repair message.
/// </summary>
internal static class DraftAnswerCheck
{
    /// <summary>Null when the answer is usable (<paramref name="draft"/> then holds it); otherwise what is wrong with it.</summary>
    public static string? Problem(string response, out SessionDraft? draft)
    {
        ArgumentNullException.ThrowIfNull(response);
        draft = null;
        var json = Unfenced(response);

        SessionDraft parsed;
        try
        {
            parsed = MinutesJson.Deserialize(json, MinutesJson.Context.SessionDraft);
        }
        catch (JsonException ex)
        {
            return DrafterTexts.InvalidJson(ex.Message.ReplaceLineEndings(" "));
        }

        if (parsed.Items is null || parsed.Items.Any(i => i is null || string.IsNullOrWhiteSpace(i.Text) || i.Citations is null || i.Citations.Count == 0))
        {
            return DrafterTexts.MissingCitations;
        }

        if (parsed.Items.FirstOrDefault(i => !IsJapanese(i.Text)) is { } foreign)
        {
            return DrafterTexts.NotJapanese(foreign.Text.Length > 40 ? foreign.Text[..40] : foreign.Text);
        }

        draft = parsed;
        return null;
    }

    /// <summary>The JSON of an answer: a Markdown code fence around it taken off (item pointers point into this).</summary>
    public static string Unfenced(string response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var json = response.Trim();
        return json.StartsWith("```", StringComparison.Ordinal) ? json.Trim('`').TrimStart("json".ToCharArray()).Trim() : json;
    }

    /// <summary>Mostly kana and kanji: a draft in English (or romaji) is not minutes of a Japanese meeting.</summary>
    private static bool IsJapanese(string text)
    {
        var letters = text.Count(char.IsLetter);
        var japanese = text.Count(c => c is >= '\u3040' and <= '\u30ff' or >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf');
        return letters > 0 && japanese * 2 >= letters;
    }
}
