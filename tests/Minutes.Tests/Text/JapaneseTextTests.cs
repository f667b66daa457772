using System.Globalization;
using Minutes.Tests.Support;
using Minutes.Text;

namespace Minutes.Tests.Text;

public sealed class JapaneseTextTests
{
    public static TheoryData<string, string> Normalized => SpecFile.Pairs("text/normalize.tsv");

    public static TheoryData<string, string> Numbers => SpecFile.Pairs("text/numbers.tsv");

    public static TheoryData<string, string> Kanji => SpecFile.Pairs("text/kanji.tsv");

    public static TheoryData<string, string> NumbersInText => SpecFile.Pairs("text/numbers-in-text.tsv");

    [Theory]
    [MemberData(nameof(Normalized))]
    public void Normalize_writes_full_width_forms_and_numbers_one_way(string input, string expected)
    {
        Assert.Equal(expected, JapaneseText.Normalize(input));
        Assert.Equal(expected, JapaneseText.Normalize(expected));
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void FindNumbers_reads_kanji_arabic_and_mixed_numerals_as_one_number(string text, string expected)
    {
        var (one, value) = OneNumber(text);

        Assert.Equal(expected != "-", one);
        if (one)
        {
            Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
        }
    }

    [Theory]
    [MemberData(nameof(Kanji))]
    public void Kanji_numerals_are_read_as_their_value(string value, string kanji)
    {
        var number = long.Parse(value, CultureInfo.InvariantCulture);

        Assert.Equal((true, number), OneNumber(kanji));
        Assert.Equal(value, JapaneseText.Normalize(kanji));
    }

    [Theory]
    [MemberData(nameof(NumbersInText))]
    public void FindNumbers_lists_the_values_in_order(string text, string expected)
    {
        var values = JapaneseText.FindNumbers(text).Select(n => n.Value.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), values);
    }

    [Fact]
    public void Every_number_from_0_to_99999_written_in_kanji_is_read_back()
    {
        for (long n = 0; n < 100_000; n += 7)
        {
            Assert.Equal((true, n), OneNumber(KanjiNumerals.Write(n)));
        }
    }

    [Fact]
    public void Folding_ignores_numeral_style_width_and_punctuation()
    {
        var pairs = SpecFile.Pairs("text/equivalent.tsv");
        foreach (var row in pairs)
        {
            var (a, b) = ((string)row[0], (string)row[1]);
            Assert.True(JapaneseText.Fold(a).Contains(JapaneseText.Fold(b), StringComparison.Ordinal), $"{a} should contain {b}");
        }

        Assert.NotEqual(JapaneseText.Normalize(KanjiNumerals.Write(12)), JapaneseText.Normalize(KanjiNumerals.Write(13)));
    }

    /// <summary>Whether the whole text is one number, and its value.</summary>
    private static (bool One, decimal Value) OneNumber(string text)
    {
        var numbers = JapaneseText.FindNumbers(text);
        var whole = text.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        return numbers.Count == 1 && numbers[0].Written == whole ? (true, numbers[0].Value) : (false, 0);
    }

    [Fact]
    public void Bigram_containment_measures_how_much_of_a_title_a_text_holds()
    {
        var (title, text) = SpecFile.Pairs("text/equivalent.tsv").Select(r => ((string)r[0], (string)r[1])).First();

        Assert.Equal(1.0, TextSimilarity.Containment(text, title));
        Assert.InRange(TextSimilarity.Containment(title, text), 0.0, 0.99);
        Assert.Equal(1.0, TextSimilarity.Dice(title, title));
        Assert.Equal(0.0, TextSimilarity.Containment("", title));
    }
}
