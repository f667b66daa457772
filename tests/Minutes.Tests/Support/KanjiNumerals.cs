using System.Text;
using Minutes.Text;

namespace Minutes.Tests.Support;

/// <summary>
/// Writes whole numbers in kanji numerals (12500000 → 千二百五十万), so tests can feed
/// <see cref="JapaneseText"/> every number of a range; production only ever reads them.
/// </summary>
public static class KanjiNumerals
{
    public static string Write(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (value == 0)
        {
            return NumeralScanner.KanjiDigits[0].ToString();
        }

        var builder = new StringBuilder();
        var bigUnits = NumeralScanner.BigUnits;
        for (var i = bigUnits.Length - 1; i >= 0; i--)
        {
            var section = (int)(value / bigUnits[i].Value % 10000);
            if (section > 0)
            {
                builder.Append(Section(section)).Append(bigUnits[i].Unit);
            }
        }

        return builder.Append(Section((int)(value % 10000))).ToString();
    }

    /// <summary>A value below 10,000; 一 is not written before 十, 百, 千 (千二百五十, not 一千二百五十).</summary>
    private static string Section(int section)
    {
        var builder = new StringBuilder();
        ReadOnlySpan<(int Value, char Unit)> units = [(1000, NumeralScanner.SmallUnits[2]), (100, NumeralScanner.SmallUnits[1]), (10, NumeralScanner.SmallUnits[0])];
        foreach (var (unitValue, unit) in units)
        {
            var digit = section / unitValue % 10;
            if (digit > 1)
            {
                builder.Append(NumeralScanner.KanjiDigits[digit]);
            }

            if (digit > 0)
            {
                builder.Append(unit);
            }
        }

        var ones = section % 10;
        return ones > 0 ? builder.Append(NumeralScanner.KanjiDigits[ones]).ToString() : builder.ToString();
    }
}
