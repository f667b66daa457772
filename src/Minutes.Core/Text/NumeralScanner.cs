using System.Globalization;

namespace Minutes.Text;

/// <summary>
/// Reads one number at a position of NFKC text: Arabic digits (with thousands separators and a
/// decimal point), kanji digits read position by position (二〇二五), kanji with units
/// (千二百五十万), and mixtures (1,250万, 3千万, 1.5億).
/// </summary>
internal static class NumeralScanner
{
    public const string KanjiDigits = "〇一二三四五六七八九";

    public const string SmallUnits = "十百千";

    public static readonly (char Unit, long Value)[] BigUnits = [('万', 10_000L), ('億', 100_000_000L), ('兆', 1_000_000_000_000L)];

    private static readonly int[] SmallUnitValues = [10, 100, 1000];

    public static bool IsNumeral(char c) =>
        IsArabic(c) || KanjiDigit(c) >= 0 || SmallUnits.Contains(c, StringComparison.Ordinal);

    /// <summary>The number of characters read at <paramref name="start"/> (0 when no number starts there).</summary>
    public static int Scan(string text, int start, out decimal value)
    {
        decimal total = 0, section = 0;
        decimal? current = null;
        var lastSmall = int.MaxValue;
        var lastBig = long.MaxValue;
        var pos = start;
        var end = start;
        while (pos < text.Length)
        {
            var c = text[pos];
            if (current is null && (IsArabic(c) || KanjiDigit(c) >= 0))
            {
                var length = IsArabic(c) ? ReadArabic(text, pos, out var digits) : ReadKanjiDigits(text, pos, out digits);
                current = digits;
                pos += length;
                end = pos;
                continue;
            }

            var small = SmallUnits.IndexOf(c, StringComparison.Ordinal);
            if (small >= 0 && SmallUnitValues[small] < lastSmall)
            {
                lastSmall = SmallUnitValues[small];
                section += (current ?? 1) * lastSmall;
                current = null;
                end = ++pos;
                continue;
            }

            var big = Array.FindIndex(BigUnits, u => u.Unit == c);
            if (big >= 0 && BigUnits[big].Value < lastBig && (section > 0 || current is not null))
            {
                lastBig = BigUnits[big].Value;
                total += (section + (current ?? 0)) * lastBig;
                section = 0;
                current = null;
                lastSmall = int.MaxValue;
                end = ++pos;
                continue;
            }

            break;
        }

        value = total + section + (current ?? 0);
        return end - start;
    }

    private static bool IsArabic(char c) => c is >= '0' and <= '9';

    private static int KanjiDigit(char c) => c == '零' ? 0 : KanjiDigits.IndexOf(c, StringComparison.Ordinal);

    private static int ReadKanjiDigits(string text, int start, out decimal value)
    {
        var pos = start;
        value = 0;
        while (pos < text.Length && KanjiDigit(text[pos]) is var digit and >= 0)
        {
            value = (value * 10) + digit;
            pos++;
        }

        return pos - start;
    }

    /// <summary>Digits, a ',' only before exactly three digits, and one '.' between digits.</summary>
    private static int ReadArabic(string text, int start, out decimal value)
    {
        var digits = new System.Text.StringBuilder();
        var pos = start;
        var seenPoint = false;
        while (pos < text.Length)
        {
            var c = text[pos];
            if (IsArabic(c))
            {
                digits.Append(c);
                pos++;
            }
            else if (c == ',' && !seenPoint && IsGroupOfThree(text, pos + 1))
            {
                pos++;
            }
            else if (c == '.' && !seenPoint && pos + 1 < text.Length && IsArabic(text[pos + 1]))
            {
                seenPoint = true;
                digits.Append('.');
                pos++;
            }
            else
            {
                break;
            }
        }

        value = decimal.TryParse(digits.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        return pos - start;
    }

    private static bool IsGroupOfThree(string text, int start) =>
        start + 3 <= text.Length
        && IsArabic(text[start]) && IsArabic(text[start + 1]) && IsArabic(text[start + 2])
        && (start + 3 == text.Length || !IsArabic(text[start + 3]));
}
