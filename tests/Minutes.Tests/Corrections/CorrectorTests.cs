using Minutes.Corrections;
using Minutes.Runs;
using Minutes.Speakers;
using Minutes.Transcription;

namespace Minutes.Tests.Corrections;

/// <summary>Corrections are checked against the transcript as it stands, recorded with before and after, and replayed in order.</summary>
public sealed class CorrectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    private static CorrectedTranscript Machine() => new(
        new Transcript(
            "ja",
            new TranscriptSource("whisper", "test"),
            new Dictionary<string, string>(),
            [
                new TranscriptSegment("s0001", 0, 2, "予算は1,200万円です。"),
                new TranscriptSegment("s0002", 2, 4, "市の北部で実施します。"),
                new TranscriptSegment("s0003", 4, 6, "北部の件は了承します。"),
            ],
            []),
        new SpeakerMap(
            "mfcc-ahc",
            new Dictionary<string, string>(),
            [new Speaker("S1", "話者1", NameSources.Anonymous, null, 4), new Speaker("S2", "話者2", NameSources.Anonymous, null, 2)],
            [new SpeakerTurn(0, 4, "S1"), new SpeakerTurn(4, 6, "S2")],
            [new SpeakerAssignment("s0001", "S1"), new SpeakerAssignment("s0002", "S1"), new SpeakerAssignment("s0003", "S2")]));

    private static (CorrectedTranscript State, CorrectionLog Log) Correct(CorrectedTranscript state, CorrectionLog log, CorrectionRequest request)
    {
        var correction = Corrector.Prepare(state, request, "tanaka", "checked against the recording", Now);
        log = log.Append(correction);
        return (state.Apply(log.Corrections[^1]), log);
    }

    [Fact]
    public void Each_operation_changes_what_it_names_and_records_before_and_after()
    {
        var (state, log) = (Machine(), CorrectionLog.Empty);
        (state, log) = Correct(state, log, new(CorrectionOperation.Text, "s0001", "予算は1,250万円です。"));
        (state, log) = Correct(state, log, new(CorrectionOperation.Replace, "北部", "南部"));
        (state, log) = Correct(state, log, new(CorrectionOperation.Speaker, "s0002", "S2"));
        (state, log) = Correct(state, log, new(CorrectionOperation.RenameSpeaker, "S2", "企画課長"));

        Assert.Equal(["予算は1,250万円です。", "市の南部で実施します。", "南部の件は了承します。"], state.Transcript.Segments.Select(s => s.Text));
        Assert.Equal(["S1", "S2", "S2"], state.Transcript.Segments.Select(s => state.SpeakerOf(s.Id)));
        Assert.Equal(("企画課長", NameSources.Reviewer), state.Speakers!.Speakers.Where(s => s.Id == "S2").Select(s => (s.Name, s.Source)).Single());
        var text = log.Corrections[0];
        Assert.Equal((1, "予算は1,200万円です。", "予算は1,250万円です。", "tanaka", "checked against the recording"), (text.Sequence, text.Before, text.After, text.Reviewer, text.Reason));
        Assert.Equal(["s0002", "s0003"], log.Corrections[1].Segments);
        Assert.Empty(log.BrokenLinks());
    }

    [Fact]
    public void Merging_speakers_moves_every_segment_and_turn_and_adds_up_their_time()
    {
        var (state, _) = Correct(Machine(), CorrectionLog.Empty, new(CorrectionOperation.MergeSpeakers, "S1", "S2"));

        Assert.Equal(["S1"], state.Speakers!.Speakers.Select(s => s.Id));
        Assert.Equal(6, state.Speakers.Speakers[0].SpeakingSeconds);
        Assert.All(state.Speakers.Turns, t => Assert.Equal("S1", t.Speaker));
        Assert.All(state.Transcript.Segments, s => Assert.Equal("S1", state.SpeakerOf(s.Id)));
    }

    [Fact]
    public void Replaying_the_log_over_the_machine_transcript_gives_the_same_result_and_leaves_the_machine_transcript_as_it_was()
    {
        var machine = Machine();
        var (state, log) = (machine, CorrectionLog.Empty);
        (state, log) = Correct(state, log, new(CorrectionOperation.Replace, "北部", "南部"));
        (state, log) = Correct(state, log, new(CorrectionOperation.Text, "s0002", "市の東部で実施します。"));
        (state, log) = Correct(state, log, new(CorrectionOperation.MergeSpeakers, "S2", "S1"));

        var replayed = CorrectedTranscript.Replay(machine.Transcript, machine.Speakers, log);

        Assert.Equal(state.Transcript.Segments, replayed.Transcript.Segments);
        Assert.Equal(state.Speakers!.Segments, replayed.Speakers!.Segments);
        Assert.Equal("市の北部で実施します。", machine.Transcript.Segments[1].Text);
    }

    [Theory]
    [InlineData(CorrectionOperation.Text, "s0099", "x", "No segment s0099 in the transcript (s0001–s0003).")]
    [InlineData(CorrectionOperation.Text, "s0001", "  ", "The new text of s0001 is empty.")]
    [InlineData(CorrectionOperation.Text, "s0001", "予算は1,200万円です。", "s0001 already reads '予算は1,200万円です。'; nothing changed.")]
    [InlineData(CorrectionOperation.Speaker, "s0001", "S9", "No speaker S9; the speakers are S1, S2.")]
    [InlineData(CorrectionOperation.Speaker, "s0001", "S1", "s0001 is already attributed to S1; nothing changed.")]
    [InlineData(CorrectionOperation.RenameSpeaker, "S1", "話者1", "S1 is already named 話者1; nothing changed.")]
    [InlineData(CorrectionOperation.MergeSpeakers, "S1", "S1", "Merging S1 into itself changes nothing.")]
    [InlineData(CorrectionOperation.Replace, "西部", "東部", "No segment contains '西部'; nothing changed.")]
    [InlineData(CorrectionOperation.Replace, "北部", "北部", "'北部' would be replaced by itself; nothing changed.")]
    public void A_bad_or_empty_correction_is_refused_in_one_line(CorrectionOperation operation, string target, string value, string message)
    {
        var ex = Assert.Throws<MinutesException>(() => Corrector.Prepare(Machine(), new(operation, target, value), "tanaka", null, Now));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void An_edited_or_removed_correction_breaks_the_chain()
    {
        var (state, log) = Correct(Machine(), CorrectionLog.Empty, new(CorrectionOperation.Replace, "北部", "南部"));
        (_, log) = Correct(state, log, new(CorrectionOperation.Text, "s0001", "予算は1,250万円です。"));

        var edited = log with { Corrections = [log.Corrections[0] with { After = "西部" }, log.Corrections[1]] };
        var removed = log with { Corrections = [log.Corrections[1]] };

        Assert.Equal([1], edited.BrokenLinks());
        Assert.Equal([2], removed.BrokenLinks());
    }
}
