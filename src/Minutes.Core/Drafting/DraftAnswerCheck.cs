using System.Text.Json;
using System.Text.RegularExpressions;
using Minutes.Json;

namespace Minutes.Drafting;

/// <summary>
/// Whether an LLM's answer can be used as a session's items: JSON of <c>session-draft.schema.json</c>
/// (a Markdown code fence tolerated), every item with text, a known kind and at least one citation,
/// the text mostly kana and kanji, and the placeholders of masked personal information
/// (〔個人情報N〕) copied exactly: a placeholder written another way, one that none of the item's
/// cited segments holds (it would be restored as a fact nobody said there), or — in the verbatim
/// style — one of the cited segments' left out. A citation of a segment that was not sent is not
/// sent back: <see cref="MinutesVerifier"/> keeps and flags it. Every problem is worded in Japanese
/// for the repair message, naming the item and what to do.
/// </summary>
internal static class DraftAnswerCheck
{
    /// <summary>The kinds an item may have (the schema's enum).</summary>
    public static readonly IReadOnlyList<string> Kinds =
        [ItemKinds.Summary, ItemKinds.Question, ItemKinds.Answer, ItemKinds.Decision, ItemKinds.Action, ItemKinds.Statement, ItemKinds.Procedure];

    // A repair message names this many problems at most: enough to fix, short enough to read.
    private const int MostProblems = 8;

    // Opening brackets, then closing ones, that a model may put round a placeholder.
    private const string Brackets = "〔［[【（(〕］]】）)";

    private static readonly Lazy<(Regex Exact, Regex Loose)> Placeholders = new(PlaceholderPatterns);

    /// <summary>Null when the answer is usable (<paramref name="draft"/> then holds it); otherwise what is wrong with it, one problem a line.</summary>
    public static string? Problem(string response, AnswerContext context, out SessionDraft? draft)
    {
        var problems = Problems(response, context, out draft);
        return problems.Count == 0 ? null : string.Join('\n', problems);
    }

    /// <summary>What is wrong with the answer (empty when it is usable; <paramref name="draft"/> then holds it).</summary>
    public static IReadOnlyList<string> Problems(string response, AnswerContext context, out SessionDraft? draft)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(context);
        draft = null;
        var json = Unfenced(response);

        SessionDraft parsed;
        try
        {
            parsed = MinutesJson.Deserialize(json, MinutesJson.Context.SessionDraft);
        }
        catch (JsonException ex)
        {
            var (line, column, near) = Where(json, ex);
            return [DrafterTexts.Fill("invalid-json", ("line", line), ("column", column), ("near", near))];
        }

        if (parsed.Items is null)
        {
            return [DrafterTexts.Fill("missing-items")];
        }

        var problems = new List<string>();
        for (var i = 0; i < parsed.Items.Count && problems.Count < MostProblems; i++)
        {
            problems.AddRange(ItemProblems(parsed.Items[i], i + 1, context));
        }

        if (problems.Count > 0)
        {
            return problems.Distinct(StringComparer.Ordinal).Take(MostProblems).ToList();
        }

        draft = parsed;
        return [];
    }

    /// <summary>The JSON of an answer: a Markdown code fence around it taken off (item pointers point into this).</summary>
    public static string Unfenced(string response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var json = response.Trim();
        return json.StartsWith("```", StringComparison.Ordinal) ? json.Trim('`').TrimStart("json".ToCharArray()).Trim() : json;
    }


    private static IEnumerable<string> ItemProblems(DraftedItem? item, int n, AnswerContext context)
    {
        if (item is null || string.IsNullOrWhiteSpace(item.Text) || item.Citations is null || item.Citations.Count == 0)
        {
            yield return DrafterTexts.Fill("missing-citations", ("n", n), ("text", Start(item?.Text ?? string.Empty)));
            yield break;
        }

        if (!Kinds.Contains(item.Kind, StringComparer.Ordinal))
        {
            yield return DrafterTexts.Fill("unknown-kind", ("n", n), ("kind", item.Kind), ("kinds", string.Join(", ", Kinds)));
        }

        if (!IsJapanese(item.Text))
        {
            yield return DrafterTexts.Fill("not-japanese", ("n", n), ("text", Start(item.Text)));
        }

        foreach (var problem in PlaceholderProblems(item, n, context))
        {
            yield return problem;
        }
    }

    /// <summary>The placeholders of the item checked against those of its cited segments.</summary>
    private static IEnumerable<string> PlaceholderProblems(DraftedItem item, int n, AnswerContext context)
    {
        var (exact, loose) = Placeholders.Value;
        var known = item.Citations.Where(context.Texts.ContainsKey).ToList();
        if (known.Count == 0)
        {
            // Nothing sent is cited: the verifier flags the item; its placeholders cannot be judged.
            yield break;
        }

        var cited = string.Concat(known.Select(id => context.Texts[id]));
        var available = exact.Matches(cited + context.Names).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var written = string.Join('\n', new[] { item.Text, item.Owner, item.Due }.OfType<string>());
        foreach (var found in loose.Matches(written).Select(m => m.Value.Trim()).Distinct(StringComparer.Ordinal))
        {
            if (!exact.IsMatch(found) || exact.Match(found).Value != found)
            {
                var expected = available.Count > 0 ? string.Join('、', available.Order(StringComparer.Ordinal)) : DrafterTexts.Placeholder(1);
                yield return DrafterTexts.Fill("placeholder-altered", ("n", n), ("found", found), ("expected", expected));
            }
            else if (!available.Contains(found))
            {
                yield return DrafterTexts.Fill("placeholder-foreign", ("n", n), ("placeholder", found));
            }
        }

        // A verbatim statement keeps every word of what it cites; a summary may leave a name out.
        if (context.Style == DraftStyle.Verbatim && item.Kind is ItemKinds.Statement or ItemKinds.Question or ItemKinds.Answer)
        {
            foreach (var dropped in exact.Matches(cited).Select(m => m.Value).Distinct(StringComparer.Ordinal).Where(p => !item.Text.Contains(p, StringComparison.Ordinal)))
            {
                yield return DrafterTexts.Fill("placeholder-dropped", ("n", n), ("placeholder", dropped));
            }
        }
    }

    /// <summary>
    /// The exact placeholder (from <c>llm-texts.tsv</c>, any number) and its variants: the word
    /// with a number but other brackets or none, or in brackets without its number.
    /// </summary>
    private static (Regex Exact, Regex Loose) PlaceholderPatterns()
    {
        var parts = DrafterTexts.PlaceholderPattern.Split("{n}");
        var word = Regex.Escape(parts[0].Trim(Brackets.ToCharArray()));
        var exact = new Regex(Regex.Escape(parts[0]) + "[0-9]+" + Regex.Escape(parts[1]), RegexOptions.CultureInvariant);
        var open = Within(Brackets[..6]);
        var close = Within(Brackets[6..]);
        var loose = new Regex($@"{open}?\s*{word}\s*[0-9０-９]+\s*{close}?|{open}\s*{word}\s*{close}", RegexOptions.CultureInvariant);
        return (exact, loose);
    }

    /// <summary>The line and character (from 1) where the JSON reader stopped, and the text from there.</summary>
    private static (long Line, int Column, string Near) Where(string json, JsonException ex)
    {
        var lines = json.Split('\n');
        var index = (int)Math.Clamp(ex.LineNumber ?? 0, 0, Math.Max(0, lines.Length - 1));
        var bytes = System.Text.Encoding.UTF8.GetBytes(lines[index]);
        var column = Math.Min(lines[index].Length, System.Text.Encoding.UTF8.GetString(bytes, 0, (int)Math.Clamp(ex.BytePositionInLine ?? 0, 0, bytes.Length)).Length);
        return (index + 1, column + 1, Start(lines[index][column..].Trim()));
    }

    /// <summary>A character class of <paramref name="characters"/> (Regex.Escape leaves <c>]</c> as it is).</summary>
    private static string Within(string characters) => "[" + string.Concat(characters.Select(c => c is '[' or ']' or '\\' or '^' or '-' ? "\\" + c : c.ToString())) + "]";

    private static string Start(string text) => text.Length > 40 ? text[..40] : text;

    /// <summary>Mostly kana and kanji: a draft in English (or romaji) is not minutes of a Japanese meeting.</summary>
    private static bool IsJapanese(string text)
    {
        var letters = text.Count(char.IsLetter);
        var japanese = text.Count(c => c is >= '\u3040' and <= '\u30ff' or >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf');
        return letters > 0 && japanese * 2 >= letters;
    }
}
