using Minutes.Text;
using Minutes.Tests.Support;

namespace Minutes.Tests.Text;

public sealed class FillersTests
{
    public static TheoryData<string, string> Removed => SpecFile.Pairs("text/fillers.tsv");

    [Theory]
    [MemberData(nameof(Removed))]
    public void Fillers_go_where_they_stand_alone_and_words_that_look_like_them_stay(string text, string expected)
    {
        Assert.Equal(expected, Fillers.Remove(text));
    }

    [Fact]
    public void A_folded_sentence_starts_with_the_longest_filler_that_fits()
    {
        var (text, _) = SpecFile.Pairs("text/fillers.tsv").Select(r => ((string)r[0], (string)r[1])).Skip(1).First();
        var folded = JapaneseText.Fold(text);

        Assert.Equal(3, Fillers.LeadingLength(folded));
        Assert.Equal(0, Fillers.LeadingLength(folded[3..]));
    }
}
