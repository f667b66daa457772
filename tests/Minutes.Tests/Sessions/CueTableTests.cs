using Minutes.Runs;
using Minutes.Sessions;
using Minutes.Tests.Support;

namespace Minutes.Tests.Sessions;

public sealed class CueTableTests
{
    public static TheoryData<string, string> Cues => SpecFile.Pairs("sessions/cues.tsv");

    public static TheoryData<string, string> AgendaLines => SpecFile.Pairs("sessions/agenda-lines.tsv");

    public static TheoryData<string, string> Listings => SpecFile.Pairs("sessions/listings.tsv");

    [Theory]
    [MemberData(nameof(Listings))]
    public void A_listing_of_the_agenda_is_told_from_taking_an_item_up(string sentence, string expected)
    {
        Assert.Equal(expected == "yes", CueTable.Default.IsListing(sentence));
    }

    [Theory]
    [MemberData(nameof(Cues))]
    public void A_sentence_announces_the_expected_kind(string sentence, string expected)
    {
        var match = CueTable.Default.Match(sentence);

        var actual = match is null ? "-" : $"{match.Rule.Kind}/{match.Title}";
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(AgendaLines))]
    public void Agenda_lines_give_their_number_and_title(string line, string expected)
    {
        var item = Assert.Single(Agenda.Parse("agenda.txt", line, CueTable.Default).Items);

        Assert.Equal(expected, $"{item.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}/{item.Title}");
        Assert.Equal(line, item.Text);
    }

    [Fact]
    public void The_chair_is_recognised_by_title()
    {
        var names = File.ReadAllLines(RepoPaths.Fixture("import/speakers.txt"));

        Assert.Equal([true, false, false], names.Select(CueTable.Default.IsChairName));
    }

    [Fact]
    public void A_broken_table_is_reported_with_its_rule_number()
    {
        var error = Assert.Throws<MinutesException>(() => CueTable.Parse("chair\t-\tok\nitem\tx\t(unclosed"));

        Assert.StartsWith("Cue table rule 2 has an invalid pattern", error.Message, StringComparison.Ordinal);
        Assert.Throws<MinutesException>(() => CueTable.Parse("only two\tcolumns"));
    }

    [Fact]
    public void An_empty_agenda_file_is_refused()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("agenda.txt"), "# comment only\n\n");

        var error = Assert.Throws<MinutesException>(() => Agenda.Load(temp.File("agenda.txt"), CueTable.Default));

        Assert.Contains("has no items", error.Message, StringComparison.Ordinal);
    }
}
