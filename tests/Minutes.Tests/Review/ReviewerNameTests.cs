using Minutes.Review;
using Minutes.Runs;

namespace Minutes.Tests.Review;

public sealed class ReviewerNameTests
{
    [Theory]
    [InlineData("tanaka", "ＴＡＮＡＫＡ")]
    [InlineData("tanaka", "tanaka.")]
    [InlineData("田中 太郎", "田中太郎")]
    [InlineData("ｻﾄｳ", "サトウ")]
    public void Spellings_of_one_name_fold_to_one_reviewer(string a, string b) =>
        Assert.True(ReviewerName.SameReviewer(a, b));

    [Theory]
    [InlineData("tanaka", "tanakb")]
    [InlineData("田中", "𠮷田")]
    public void Different_names_stay_different(string a, string b) =>
        Assert.False(ReviewerName.SameReviewer(a, b));

    [Fact]
    public void A_name_is_stored_in_NFKC_and_trimmed() =>
        Assert.Equal("TANAKA 太郎", ReviewerName.Normalize("  ＴＡＮＡＫＡ　太郎 "));

    [Theory]
    [InlineData("a\rb")]
    [InlineData("a\u2028b")]
    [InlineData("a\u200Db")]
    [InlineData("a\u202Eb")]
    [InlineData("   ")]
    [InlineData("dictionary")]
    [InlineData("ＤＩＣＴＩＯＮＡＲＹ")]
    public void Control_and_format_characters_empty_names_and_the_reserved_name_are_refused(string name) =>
        Assert.Equal(ExitCodes.Failure, Assert.Throws<MinutesException>(() => ReviewerName.Normalize(name)).ExitCode);

    [Fact]
    public void A_name_read_back_prints_on_one_line() =>
        Assert.Equal("a\\u000Ab\\u200Bc", ReviewerName.Printable("a\nb\u200Bc"));

    [Theory]
    [InlineData("minutes.md", true)]
    [InlineData("trace/06-llm/call-0001.json", true)]
    [InlineData("./minutes.md", false)]
    [InlineData("trace/../minutes.md", false)]
    [InlineData("../x", false)]
    [InlineData("/tmp/minutes.md", false)]
    [InlineData("trace\\03-transcript.json", false)]
    [InlineData("C:minutes.md", false)]
    [InlineData("trace//03-transcript.json", false)]
    [InlineData("", false)]
    public void Only_canonical_paths_inside_the_run_are_canonical(string path, bool canonical) =>
        Assert.Equal(canonical, RunFolder.IsCanonical(path));
}
