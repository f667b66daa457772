using Minutes.Sessions;
using Minutes.Tests.Support;
using Minutes.Transcription;
using Minutes.Transcription.Import;

namespace Minutes.Tests.Sessions;

/// <summary>
/// The target of the sessions stage: on meetings whose scripts contain the usual chair
/// announcements, every boundary within 5 s and none spurious. The meetings are synthetic
/// transcripts under Fixtures/sessions, with a hand-written reference (NAME.sessions.tsv).
/// </summary>
public sealed class SessionSegmenterTests
{
    public static TheoryData<string, string?> Meetings => new()
    {
        { "committee.txt", null },
        { "committee.txt", "committee.agenda.txt" },
        { "council.vtt", "council.agenda.txt" },
        { "seminar.srt", null },
        { "recess.txt", null },
    };

    [Theory]
    [MemberData(nameof(Meetings))]
    public void Every_boundary_is_found_within_5_s_and_none_is_spurious(string meeting, string? agenda)
    {
        var score = Score(meeting, agenda, withSpeakers: true);

        Assert.Empty(score.Spurious);
        Assert.Empty(score.Missed);
        Assert.All(score.Matches, m => Assert.InRange(Math.Abs(m.Offset), 0, 5));
    }

    [Theory]
    [InlineData("committee.txt")]
    [InlineData("seminar.srt")]
    [InlineData("council.vtt")]
    public void Without_speakers_no_question_becomes_a_boundary(string meeting)
    {
        var score = Score(meeting, null, withSpeakers: false);

        Assert.Empty(score.Spurious);
    }

    [Fact]
    public void The_agenda_finds_an_item_that_no_cue_announces()
    {
        var withoutAgenda = Score("council.vtt", null, withSpeakers: true);
        var withAgenda = Score("council.vtt", "council.agenda.txt", withSpeakers: true);

        Assert.Empty(withoutAgenda.Spurious);
        Assert.Single(withoutAgenda.Missed);
        Assert.Equal(1.0, withAgenda.Recall);
    }

    internal static BoundaryScore Score(string meeting, string? agenda, bool withSpeakers)
    {
        var plan = Plan(meeting, agenda, withSpeakers);
        var reference = SessionScoring.LoadReference(RepoPaths.Fixture($"sessions/{Path.GetFileNameWithoutExtension(meeting)}.sessions.tsv"));
        return SessionScoring.Score(plan, reference, 5);
    }

    internal static SessionPlan Plan(string meeting, string? agenda, bool withSpeakers)
    {
        var imported = TranscriptImporter.Read(RepoPaths.Fixture($"sessions/{meeting}"));
        var transcript = withSpeakers
            ? imported.Transcript
            : imported.Transcript with { Segments = [.. imported.Transcript.Segments.Select(s => s with { Speaker = null })] };
        var agendaFile = agenda is null ? null : Agenda.Load(RepoPaths.Fixture($"sessions/{agenda}"), CueTable.Default);
        return new SessionSegmenter(new SessionOptions()).Segment(transcript, withSpeakers ? imported.Speakers : null, agendaFile);
    }
}
