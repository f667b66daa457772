using System.Text;

namespace Minutes.Text;

/// <summary>
/// How many columns text takes in a terminal: a character whose Unicode East Asian Width is Wide
/// (W) or Fullwidth (F) takes two (kanji, kana, 全角 letters and punctuation, Hangul), any other
/// one. Tables printed for people (the batch summary, doctor) pad by this width, so a Japanese
/// file name or header does not push the later columns out of line. Zero-width characters
/// (combining marks) are counted as one; they do not occur in the names and headers padded here.
/// </summary>
public static class DisplayWidth
{
    /// <summary>
    /// The W and F ranges of Unicode 15.1's <c>EastAsianWidth.txt</c>, first and last code point,
    /// sorted; neighbouring ranges are merged, and the emoji blocks from U+1F300 are taken as
    /// wide throughout (nearly all of their characters are).
    /// </summary>
    private static readonly (int First, int Last)[] Wide =
    [
        (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC), (0x23F0, 0x23F0), (0x23F3, 0x23F3),
        (0x25FD, 0x25FE), (0x2614, 0x2615), (0x2648, 0x2653), (0x267F, 0x267F), (0x2693, 0x2693), (0x26A1, 0x26A1),
        (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26CE, 0x26CE), (0x26D4, 0x26D4), (0x26EA, 0x26EA),
        (0x26F2, 0x26F3), (0x26F5, 0x26F5), (0x26FA, 0x26FA), (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270B),
        (0x2728, 0x2728), (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797),
        (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55),
        (0x2E80, 0x2E99), (0x2E9B, 0x2EF3), (0x2F00, 0x2FD5), (0x2FF0, 0x303E), (0x3041, 0x3096), (0x3099, 0x30FF),
        (0x3105, 0x312F), (0x3131, 0x318E), (0x3190, 0x31E3), (0x31EF, 0x321E), (0x3220, 0x3247), (0x3250, 0x4DBF), (0x4E00, 0xA48C),
        (0xA490, 0xA4C6), (0xA960, 0xA97C), (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFE10, 0xFE19), (0xFE30, 0xFE52),
        (0xFE54, 0xFE66), (0xFE68, 0xFE6B), (0xFF01, 0xFF60), (0xFFE0, 0xFFE6),
        (0x16FE0, 0x16FE4), (0x16FF0, 0x16FF1), (0x17000, 0x187F7), (0x18800, 0x18CD5), (0x18D00, 0x18D08),
        (0x1AFF0, 0x1AFFE), (0x1B000, 0x1B122), (0x1B132, 0x1B132), (0x1B150, 0x1B152), (0x1B155, 0x1B155),
        (0x1B164, 0x1B167), (0x1B170, 0x1B2FB), (0x1F004, 0x1F004), (0x1F0CF, 0x1F0CF), (0x1F18E, 0x1F18E),
        (0x1F191, 0x1F19A), (0x1F200, 0x1F202), (0x1F210, 0x1F23B), (0x1F240, 0x1F248), (0x1F250, 0x1F251),
        (0x1F260, 0x1F265), (0x1F300, 0x1F64F), (0x1F680, 0x1F6FF), (0x1F7E0, 0x1F7F0), (0x1F90C, 0x1F9FF),
        (0x1FA70, 0x1FAF8), (0x20000, 0x2FFFD), (0x30000, 0x3FFFD),
    ];

    /// <summary>The columns <paramref name="text"/> takes: two for each wide character, one for any other.</summary>
    public static int Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += IsWide(rune) ? 2 : 1;
        }

        return width;
    }

    /// <summary>Whether the character takes two columns (East Asian Width W or F).</summary>
    public static bool IsWide(Rune rune)
    {
        var value = rune.Value;
        if (value < Wide[0].First)
        {
            return false;
        }

        int low = 0, high = Wide.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (value < Wide[middle].First)
            {
                high = middle - 1;
            }
            else if (value > Wide[middle].Last)
            {
                low = middle + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><paramref name="text"/> followed by spaces up to <paramref name="width"/> columns (as it is when it is that wide or wider).</summary>
    public static string PadRight(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        var missing = width - Of(text);
        return missing > 0 ? text + new string(' ', missing) : text;
    }

    /// <summary>
    /// Rows as lines of a table: each column as wide as its widest cell in columns of the terminal,
    /// cells joined by <paramref name="gap"/>, trailing spaces trimmed.
    /// </summary>
    public static IReadOnlyList<string> Table(IReadOnlyList<IReadOnlyList<string>> rows, string gap = "  ")
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        var widths = Enumerable.Range(0, columns).Select(i => rows.Where(r => i < r.Count).Max(r => Of(r[i]))).ToArray();
        return rows.Select(r => string.Join(gap, r.Select((cell, i) => PadRight(cell, widths[i]))).TrimEnd()).ToList();
    }
}
