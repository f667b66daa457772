using Minutes.Sessions;
using Minutes.Tests.Support;
using Minutes.Transcription.Import;

namespace Minutes.Tests.Sessions;

/// <summary>
/// The target of the sessions stage: on meetings whose scripts contain the usual chair
/// announcements, every boundary within 5 s and none spurious. The meetings are the synthetic
/// transcripts under Fixtures/sessions (reference: NAME.sessions.tsv) and, where the repository
/// has them, the samples (reference.vtt, agenda.txt, sessions.tsv).
/// </summary>
public sealed class SessionSegmenterTests
{
    public static TheoryData<string, string?, string> Meetings
    {
        get
        {
            var data = new TheoryData<string, string?, string>
            {
                { Fixture("committee.txt"), null, Fixture("committee.sessions.tsv") },
                { Fixture("committee.txt"), Fixture("committee.agenda.txt"), Fixture("committee.sessions.tsv") },
                { Fixture("council.vtt"), Fixture("council.agenda.txt"), Fixture("council.sessions.tsv") },
                { Fixture("seminar.srt"), null, Fixture("seminar.sessions.tsv") },
                { Fixture("recess.txt"), null, Fixture("recess.sessions.tsv") },
                { Fixture("single.txt"), Fixture("single.agenda.txt"), Fixture("single.sessions.tsv") },
                { Fixture("late-open.txt"), null, Fixture("late-open.sessions.tsv") },
            };
            var samples = Path.Combine(RepoPaths.Root, "samples");
            var found = Directory.Exists(samples) ? Directory.GetDirectories(samples).Order(StringComparer.Ordinal) : Enumerable.Empty<string>();
            foreach (var sample in found.Where(d => File.Exists(Path.Combine(d, "sessions.tsv")) && File.Exists(Path.Combine(d, "reference.vtt"))))
            {
                var (vtt, tsv, agenda) = (Path.Combine(sample, "reference.vtt"), Path.Combine(sample, "sessions.tsv"), Path.Combine(sample, "agenda.txt"));
                data.Add(vtt, null, tsv);
                if (File.Exists(agenda))
                {
                    data.Add(vtt, agenda, tsv);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Meetings))]
    public void Every_boundary_is_found_within_5_s_and_none_is_spurious(string meeting, string? agenda, string reference)
    {
        var score = Score(meeting, agenda, reference, withSpeakers: true);

        Assert.Empty(score.Spurious);
        Assert.Empty(score.Missed);
        Assert.All(score.Matches, m => Assert.InRange(Math.Abs(m.Offset), 0, 5));
    }

    [Theory]
    [MemberData(nameof(Meetings))]
    public void Without_speakers_no_question_becomes_a_boundary(string meeting, string? agenda, string reference)
    {
        var score = Score(meeting, agenda, reference, withSpeakers: false);

        Assert.Empty(score.Spurious);
    }

    [Fact]
    public void The_agenda_finds_an_item_that_no_cue_announces()
    {
        var withoutAgenda = Score(Fixture("council.vtt"), null, Fixture("council.sessions.tsv"), withSpeakers: true);
        var withAgenda = Score(Fixture("council.vtt"), Fixture("council.agenda.txt"), Fixture("council.sessions.tsv"), withSpeakers: true);

        Assert.Empty(withoutAgenda.Spurious);
        Assert.Single(withoutAgenda.Missed);
        Assert.Equal(1.0, withAgenda.Recall);
    }

    [Fact]
    public void Speakers_come_from_the_speaker_map_when_the_segments_do_not_carry_them()
    {
        var imported = TranscriptImporter.Read(Fixture("committee.txt"));
        var bare = imported.Transcript with { Segments = [.. imported.Transcript.Segments.Select(s => s with { Speaker = null })] };
        var segmenter = new SessionSegmenter(new SessionOptions());

        var fromSegments = segmenter.Segment(imported.Transcript, imported.Speakers, null);
        var fromMap = segmenter.Segment(bare, imported.Speakers, null);

        Assert.Equal(fromSegments.Notes, fromMap.Notes);
        Assert.Equal(fromSegments.Sessions.Select(s => (s.Start, s.Title)), fromMap.Sessions.Select(s => (s.Start, s.Title)));
        Assert.StartsWith("Chair (by title)", fromMap.Notes[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_transcript_has_no_sessions_and_says_so()
    {
        var empty = new Minutes.Transcription.Transcript("ja", new("import", "x.txt"), new Dictionary<string, string>(), [], []);

        var plan = new SessionSegmenter(new SessionOptions()).Segment(empty, null, null);

        Assert.Empty(plan.Sessions);
        Assert.Single(plan.Notes);
    }

    internal static string Fixture(string name) => RepoPaths.Fixture($"sessions/{name}");

    internal static BoundaryScore Score(string meeting, string? agenda, string reference, bool withSpeakers) =>
        SessionScoring.Score(Plan(meeting, agenda, withSpeakers), SessionScoring.LoadReference(reference), 5);

    internal static SessionPlan Plan(string meeting, string? agenda, bool withSpeakers)
    {
        var imported = TranscriptImporter.Read(meeting);
        var transcript = withSpeakers
            ? imported.Transcript
            : imported.Transcript with { Segments = [.. imported.Transcript.Segments.Select(s => s with { Speaker = null })] };
        var agendaFile = agenda is null ? null : Agenda.Load(agenda, CueTable.Default);
        return new SessionSegmenter(new SessionOptions()).Segment(transcript, withSpeakers ? imported.Speakers : null, agendaFile);
    }
}
