using Minutes.Sessions;
using Minutes.Tests.Support;
using Minutes.Transcription.Import;

namespace Minutes.Tests.Sessions;

/// <summary>
/// Agenda lines that give a time (「10:00 開会」「10:01 報告事項」) on a generated meeting
/// (Fixtures/genres/timed: an internal meeting synthesized by samples/build, whose 座長 hands over
/// in words no cue names, 「各課の取組について、市民課長からご報告いただきます」). The time finds the
/// hand-over nearest to it; a time that disagrees with the speech never moves a boundary the
/// words placed, and a time with nothing said near it places nothing.
/// </summary>
public sealed class AgendaTimeTests
{
    private static readonly string Meeting = RepoPaths.Fixture("genres/timed/reference.vtt");
    private static readonly string Truth = RepoPaths.Fixture("genres/timed/sessions.tsv");

    [Fact]
    public void Agenda_times_find_the_hand_overs_no_cue_names_within_5_s_of_the_true_transitions()
    {
        var withoutAgenda = Score(Plan(null));
        var plan = Plan(File.ReadAllText(RepoPaths.Fixture("genres/timed/agenda.txt")));
        var score = Score(plan);

        Assert.Equal(["報告事項", "協議事項"], withoutAgenda.Missed.Select(m => m.Title));
        Assert.Empty(score.Missed);
        Assert.Empty(score.Spurious);
        Assert.All(score.Matches, m => Assert.InRange(Math.Abs(m.Offset), 0, 5));
        var timed = plan.Sessions.Where(s => s.Boundary.Reason == BoundaryReasons.Agenda).ToList();
        Assert.Equal(["10:01 報告事項", "10:03 協議事項"], timed.Select(s => s.Title));
        Assert.All(timed, s => Assert.Contains(s.Boundary.Signals!, x => x.StartsWith("agenda time ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_time_with_no_hand_over_near_it_places_nothing_and_the_item_is_reported_as_not_announced()
    {
        var plan = Plan("10:00 開会\n10:01 報告事項\n10:20 協議事項\n10:25 閉会\n");
        var score = Score(plan);

        Assert.Empty(score.Spurious);
        Assert.Equal(["協議事項"], score.Missed.Select(m => m.Title));
        Assert.DoesNotContain(plan.Sessions, s => s.Title.Contains("協議事項", StringComparison.Ordinal));
        Assert.Contains(plan.Notes, n => n.StartsWith("warning: agenda items not announced", StringComparison.Ordinal) && n.Contains("10:20 協議事項", StringComparison.Ordinal));
    }

    [Fact]
    public void Words_that_announce_an_item_win_over_a_time_that_disagrees_and_the_trace_says_so()
    {
        // 各課の取組 is said by the 座長 a minute in; the agenda puts it half an hour later.
        var plan = Plan("10:00 開会\n10:30 各課の取組\n10:03 協議事項\n10:04 閉会\n");
        var score = Score(plan);

        Assert.Empty(score.Missed);
        Assert.Empty(score.Spurious);
        Assert.Equal("10:30 各課の取組", plan.Sessions[1].Title);
        Assert.Contains(plan.Notes, n => n.StartsWith("warning: the agenda gives 10:30 for 各課の取組", StringComparison.Ordinal));
        // The console says it in the user's language; the trace keeps the English.
        var warning = Assert.Single(plan.Warnings);
        Assert.Contains("warning: " + warning.English, plan.Notes);
        Assert.StartsWith("議事次第は 各課の取組 を 10:30 としており、録音の ", warning.Japanese, StringComparison.Ordinal);
        // The disagreeing line does not move the clock: 協議事項 is still expected three minutes after 開会.
        Assert.Equal("10:03 協議事項", plan.Sessions[2].Title);
    }

    [Fact]
    public void Without_a_time_on_the_first_line_the_clock_starts_at_the_first_item_its_words_place()
    {
        // The agenda's first line has no time, so nothing says when the recording began: there is
        // no clock until 各課の取組 is placed by its words; from there, 協議事項 two minutes later is found.
        var plan = Plan("開会\n10:01 各課の取組\n10:03 協議事項\n閉会\n");

        Assert.Equal(1.0, Score(plan).Recall);
        Assert.Contains(plan.Sessions[2].Boundary.Signals!, s => s.StartsWith("agenda time 10:03", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("10:00 開会", 10, 0, "開会")]
    [InlineData("10:05 議題1 窓口の混雑について", 10, 5, "窓口の混雑について")]
    [InlineData("１３：０８　報告事項", 13, 8, "報告事項")]
    [InlineData("9時05分 意見交換", 9, 5, "意見交換")]
    public void A_time_whose_minutes_start_with_a_zero_is_read_as_written(string line, int hours, int minutes, string title)
    {
        var item = Assert.Single(Agenda.Parse("agenda.txt", line, CueTable.Default).Items);

        Assert.Equal(new TimeSpan(hours, minutes, 0), item.Time);
        Assert.Equal(title, item.Title);
    }

    private static BoundaryScore Score(SessionPlan plan) => SessionScoring.Score(plan, SessionScoring.LoadReference(Truth), 5);

    private static SessionPlan Plan(string? agenda)
    {
        var imported = TranscriptImporter.Read(Meeting);
        return new SessionSegmenter(new SessionOptions())
            .Segment(imported.Transcript, imported.Speakers, agenda is null ? null : Agenda.Parse("agenda.txt", agenda, CueTable.Default));
    }
}
