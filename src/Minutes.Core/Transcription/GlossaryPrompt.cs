namespace Minutes.Transcription;

/// <summary>
/// The glossary as Whisper's initial prompt: the terms joined as a Japanese list, as many of the
/// first ones as fit. whisper.cpp keeps only the last <see cref="TokenBudget"/> tokens of a prompt
/// (<c>n_text_ctx / 2</c>), so a longer one would lose its first, usually most important, terms
/// without a word; cutting here on whole terms keeps the first ones and lets the clerk be told.
/// </summary>
public sealed record GlossaryPrompt(string Prompt, int Kept, int Total)
{
    /// <summary>whisper.cpp's prompt limit: half the text context of 448.</summary>
    public const int TokenBudget = 224;

    public bool Cut => Kept < Total;

    public static GlossaryPrompt From(IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var kept = new List<string>();
        double tokens = 0;
        foreach (var term in terms)
        {
            var cost = EstimateTokens(term) + (kept.Count > 0 ? EstimateTokens("、") : 0);
            if (tokens + cost > TokenBudget)
            {
                break;
            }

            tokens += cost;
            kept.Add(term);
        }

        return new GlossaryPrompt(string.Join('、', kept), kept.Count, terms.Count);
    }

    /// <summary>
    /// An upper estimate without Whisper's vocabulary: 1.5 tokens a Japanese character (common kana
    /// and kanji are one token, rarer kanji two or three bytes' worth), 0.3 an ASCII character (~4 to a token).
    /// </summary>
    public static double EstimateTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Sum(c => c < 128 ? 0.3 : 1.5);
    }
}
