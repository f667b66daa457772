namespace Minutes.Text;

/// <summary>
/// Fuzzy comparison of Japanese text by character bigrams of the folded form
/// (<see cref="JapaneseText.Fold"/>): robust to punctuation, spacing, numeral style and small
/// recognition errors, and needs no word segmentation.
/// </summary>
public static class TextSimilarity
{
    /// <summary>The distinct character bigrams of the folded text (a one-character text gives itself).</summary>
    public static HashSet<string> Bigrams(string text)
    {
        var folded = JapaneseText.Fold(text);
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (folded.Length == 1)
        {
            set.Add(folded);
        }

        for (var i = 0; i + 1 < folded.Length; i++)
        {
            set.Add(folded.Substring(i, 2));
        }

        return set;
    }

    /// <summary>The share of <paramref name="part"/>'s bigrams found in <paramref name="text"/>, in [0, 1].</summary>
    public static double Containment(string part, string text) => Containment(Bigrams(part), Bigrams(text));

    public static double Containment(IReadOnlySet<string> part, IReadOnlySet<string> text)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(text);
        return part.Count == 0 ? 0 : (double)part.Count(text.Contains) / part.Count;
    }

    /// <summary>Dice coefficient of the two texts' bigram sets, in [0, 1].</summary>
    public static double Dice(string a, string b)
    {
        var x = Bigrams(a);
        var y = Bigrams(b);
        return x.Count + y.Count == 0 ? 0 : 2.0 * x.Count(y.Contains) / (x.Count + y.Count);
    }
}
