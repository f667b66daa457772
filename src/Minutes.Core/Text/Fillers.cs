namespace Minutes.Text;

/// <summary>
/// The hesitation fillers of spoken Japanese (えー, あのー, えっと …), one list in the embedded
/// <c>Text/fillers.txt</c> for every stage that removes them.
/// </summary>
public static class Fillers
{
    // The prolonged sound mark: a filler written with it (えー, あのー) is never part of a word.
    private const char LongVowelMark = '\u30FC';

    private static readonly string[] Words = [.. ResourceLines.Embedded("Minutes.Text.fillers.txt").OrderByDescending(w => w.Length)];

    /// <summary>
    /// The text without its fillers (ケバ取り): one with a long-vowel mark wherever it stands, one
    /// without (あの, まあ, ええ are words too: あの件) only where a comma follows it.
    /// </summary>
    public static string Remove(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var word in Words)
        {
            text = text.Replace(word + "、", string.Empty, StringComparison.Ordinal);
            if (word.Contains(LongVowelMark, StringComparison.Ordinal))
            {
                text = text.Replace(word, string.Empty, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>The length of the filler that <paramref name="folded"/> text (<see cref="JapaneseText.Fold"/>) starts with, or 0.</summary>
    public static int LeadingLength(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        return Words.FirstOrDefault(w => folded.StartsWith(w, StringComparison.Ordinal))?.Length ?? 0;
    }
}
