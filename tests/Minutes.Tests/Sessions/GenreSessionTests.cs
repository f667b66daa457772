using Minutes.Sessions;
using Minutes.Tests.Support;

namespace Minutes.Tests.Sessions;

/// <summary>
/// Parts found from how people move on (issue 18): the hand-overs of a 司会, agenda lines that
/// name a presenter or a time, and, on scripts of other genres written apart from the tuning
/// (Fixtures/genres: a training course, an internal meeting), the boundaries found within 5 s.
/// </summary>
public sealed class GenreSessionTests
{
    [Fact]
    public void The_advisory_meetings_parts_are_titled_from_what_the_facilitator_said()
    {
        var plan = SessionSegmenterTests.Plan(RepoPaths.Sample("advisory/reference.vtt"), null, withSpeakers: true);
        var score = SessionScoring.Score(plan, SessionScoring.LoadReference(RepoPaths.Sample("advisory/sessions.tsv")), 5);

        Assert.Equal((1.0, 1.0), (score.Precision, score.Recall));
        Assert.Equal(["開会", "開会挨拶", "山口氏による発表：窓口業務のデジタル化", "川村氏による発表：オープンデータの活用", "閉会挨拶", "閉会"], plan.Sessions.Select(s => s.Title));
        var yamaguchi = plan.Sessions[2].Boundary.Signals!;
        Assert.Contains("hands over to: 山口", yamaguchi);
        Assert.Contains(yamaguchi, s => s.StartsWith("presenter changes: 企画部長 → 山口氏", StringComparison.Ordinal));
    }

    [Fact]
    public void Agenda_lines_that_name_the_presenter_match_the_hand_over_to_them()
    {
        var plan = SessionSegmenterTests.Plan(RepoPaths.Sample("advisory/reference.vtt"), RepoPaths.Sample("advisory/agenda.txt"), withSpeakers: true);

        var parts = plan.Sessions.Where(s => s.Boundary.Reason == BoundaryReasons.Agenda).ToList();
        Assert.Equal(["第1部 事例紹介（山口氏）", "第2部 事例紹介（川村氏）"], parts.Select(s => s.Title));
        Assert.All(parts, p => Assert.Contains(p.Boundary.Signals!, s => s.StartsWith("agenda line names the presenter", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_agenda_line_with_a_time_gives_the_time_and_the_title_without_it()
    {
        var agenda = Agenda.Parse("agenda.txt", "10:30 意見交換\n第1部 事例紹介（北町役場の山口氏）\n", CueTable.Default);

        Assert.Equal(new TimeSpan(10, 30, 0), agenda.Items[0].Time);
        Assert.Equal("意見交換", agenda.Items[0].Title);
        Assert.Equal("山口", agenda.Items[1].Presenter);
        Assert.Null(agenda.Items[1].Time);
    }

    /// <summary>Measured on the unseen scripts at commit time (bench/RESULTS.md): training P 1.00 R 0.75, internal P 1.00 R 0.75.</summary>
    [Theory]
    [InlineData("training")]
    [InlineData("internal")]
    public void Scripts_of_genres_it_was_not_tuned_on_find_most_parts_and_invent_none(string genre)
    {
        var score = SessionSegmenterTests.Score(RepoPaths.Fixture($"genres/{genre}.txt"), null, RepoPaths.Fixture($"genres/{genre}.sessions.tsv"), withSpeakers: true);

        Assert.Equal(1.0, score.Precision);
        Assert.InRange(score.Recall, 0.5, 1.0);
    }
}
