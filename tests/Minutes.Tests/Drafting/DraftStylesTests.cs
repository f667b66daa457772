using Minutes.Drafting;
using Minutes.Runs;

namespace Minutes.Tests.Drafting;

public sealed class DraftStylesTests
{
    [Theory]
    [InlineData("summary", DraftStyle.Summary)]
    [InlineData("verbatim", DraftStyle.Verbatim)]
    public void A_style_is_read_by_the_name_it_is_written_with(string name, DraftStyle style)
    {
        Assert.Equal(style, DraftStyles.Parse(name));
        Assert.Equal(name, style.Name());
    }

    [Theory]
    [InlineData("Summary")]
    [InlineData("全文")]
    [InlineData("1")]
    public void An_unknown_style_is_one_clear_line(string name) =>
        Assert.Equal(
            $"Unknown style '{name}'; use summary (要点筆記), verbatim (全文) or overview (議事概要).",
            Assert.Throws<MinutesException>(() => DraftStyles.Parse(name)).Message);
}
