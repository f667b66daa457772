using System.Globalization;
using System.Text;

namespace Minutes.Text;

/// <summary>A number found in text: where it stands (in the NFKC form of the text), as written, and its value.</summary>
public sealed record NumberMention(int Index, int Length, string Written, decimal Value);

/// <summary>
/// Normalisation for comparing Japanese text: NFKC (full-width and half-width forms become one),
/// and numbers in kanji or Arabic numerals become plain Arabic digits, so that 議題一 = 議題1 and
/// 千二百五十万円 = 1,250万円 = 12,500,000円. Words whose kanji numeral is not a number (一般, 統一,
/// 十分に…) are kept as they are; they are listed in an embedded resource file.
/// </summary>
public static class JapaneseText
{
    private static readonly string[] NonNumberWords = LoadNonNumberWords();

    /// <summary>NFKC, then every number (kanji, Arabic, mixed, with thousands separators) as plain Arabic digits.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ToArabicNumerals(text.Normalize(NormalizationForm.FormKC));
    }

    /// <summary>
    /// The form used for fuzzy matching: <see cref="Normalize"/>, Latin letters in lower case, and
    /// no white space, punctuation or symbols (、。「」・ etc.).
    /// </summary>
    public static string Fold(string text)
    {
        var normal = Normalize(text);
        var builder = new StringBuilder(normal.Length);
        foreach (var c in normal)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static string ToArabicNumerals(string text)
    {
        var builder = new StringBuilder(text.Length);
        var last = 0;
        foreach (var mention in FindNumbersIn(text))
        {
            builder.Append(text, last, mention.Index - last).Append(Format(mention.Value));
            last = mention.Index + mention.Length;
        }

        return builder.Append(text, last, text.Length - last).ToString();
    }

    /// <summary>The numbers in the text (after NFKC), in order, with their values.</summary>
    public static IReadOnlyList<NumberMention> FindNumbers(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FindNumbersIn(text.Normalize(NormalizationForm.FormKC));
    }

    /// <summary>The numbers in the text as it is (no NFKC first), with their positions in it: for rewriting text in place.</summary>
    internal static List<NumberMention> FindNumbersInText(string text) => FindNumbersIn(text);

    private static List<NumberMention> FindNumbersIn(string text)
    {
        var mentions = new List<NumberMention>();
        var i = 0;
        while (i < text.Length)
        {
            var word = NonNumberWordAt(text, i);
            if (word > 0)
            {
                i += word;
                continue;
            }

            decimal value = 0;
            var length = NumeralScanner.IsNumeral(text[i]) ? NumeralScanner.Scan(text, i, out value) : 0;
            if (length > 0)
            {
                mentions.Add(new NumberMention(i, length, text.Substring(i, length), value));
                i += length;
            }
            else
            {
                i++;
            }
        }

        return mentions;
    }

    /// <summary>
    /// The length of a listed non-number word starting at <paramref name="index"/>, or 0. After 第
    /// a numeral is always a number (第一部 is part 1, not 一部 "a part").
    /// </summary>
    private static int NonNumberWordAt(string text, int index)
    {
        if (index > 0 && text[index - 1] == '第')
        {
            return 0;
        }

        foreach (var word in NonNumberWords)
        {
            if (string.CompareOrdinal(text, index, word, 0, word.Length) == 0)
            {
                return word.Length;
            }
        }

        return 0;
    }

    private static string Format(decimal value) =>
        value.ToString(value == decimal.Truncate(value) ? "0" : "0.############", CultureInfo.InvariantCulture);

    private static string[] LoadNonNumberWords() =>
        [.. ResourceLines.Embedded("Minutes.Text.non-number-words.txt")
            .Select(l => l.Normalize(NormalizationForm.FormKC))
            .OrderByDescending(l => l.Length)];
}
