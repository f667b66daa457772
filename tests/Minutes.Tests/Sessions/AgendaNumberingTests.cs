using Minutes.Sessions;

namespace Minutes.Tests.Sessions;

/// <summary>An agenda line's own list numbering is taken off once, where the agenda is read, so the documents number the items themselves.</summary>
public sealed class AgendaNumberingTests
{
    [Theory]
    [InlineData("3. 工事の概要について", "工事の概要について")]
    [InlineData("１．開会", "開会")]
    [InlineData("（２）報告事項", "報告事項")]
    [InlineData("4) 質疑応答", "質疑応答")]
    [InlineData("議題1 令和7年度一般会計補正予算（第3号）について", "令和7年度一般会計補正予算（第3号）について")]
    [InlineData("議題一　公共施設予約システムの更新について", "公共施設予約システムの更新について")]
    [InlineData("議案第12号 市立保育所条例の一部改正について", "議案第12号 市立保育所条例の一部改正について")]
    [InlineData("日程第2 一般質問", "日程第2 一般質問")]
    [InlineData("開会挨拶", "開会挨拶")]
    [InlineData("2026年度の予算", "2026年度の予算")]
    public void The_heading_is_the_line_without_its_list_numbering_and_an_items_name_stays(string line, string heading)
    {
        var item = Assert.Single(Agenda.Parse("agenda.txt", line, CueTable.Default).Items);

        Assert.Equal(heading, item.Heading);
        Assert.Equal(line, item.Text);
    }
}
