using System.Globalization;
using System.Text.Json;
using Minutes.Json;
using Minutes.Review;
using Minutes.Runs;
using Minutes.Speakers;
using Minutes.Tests.Support;
using Minutes.Transcription;

namespace Minutes.Tests.Review;

/// <summary>The review flags segments whose speaker the diarizer doubts (issue 15).</summary>
public sealed class SpeakerDoubtReviewTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_segment_mostly_inside_doubtful_turns_is_flagged_with_the_reason()
    {
        TranscriptSegment Segment(string id, double start, double end) => new(id, start, end, "x");
        var map = new SpeakerMap(
            "mfcc-ahc",
            new Dictionary<string, string>(),
            [],
            [new SpeakerTurn(0, 4, "S1"), new SpeakerTurn(4, 6, "S2") { Doubt = TurnDoubts.Margin }, new SpeakerTurn(6, 10, "S1") { Doubt = TurnDoubts.Short }],
            [new SpeakerAssignment("s0001", "S1"), new SpeakerAssignment("s0002", "S2"), new SpeakerAssignment("s0003", "S1"), new SpeakerAssignment("s0004", "S1")]);

        var doubts = SpeakerDoubt.Of([Segment("s0001", 0, 3.5), Segment("s0002", 3.5, 6), Segment("s0003", 6.5, 9), Segment("s0004", 2, 4.5)], map);

        Assert.Equal([new SpeakerDoubt("s0002", "S2", TurnDoubts.Margin), new SpeakerDoubt("s0003", "S1", TurnDoubts.Short)], doubts);
        Assert.Empty(SpeakerDoubt.Of([Segment("s0001", 0, 3.5)], map with { Turns = [new SpeakerTurn(0, 10, "S1")] }));
    }

    [SkippableFact]
    public async Task The_voices_of_a_close_count_are_flagged_on_the_review_page_and_in_review_json()
    {
        var run = _temp.File("run");
        var transcription = SpeakerCountReviewTests.CommitteeTranscription(_temp, run);
        string[] Transcribe(params string[] extra) => transcription(extra);

        var first = await CliRunner.RunAsync(Transcribe());
        Assert.True(first.ExitCode == 0, first.Error);
        var next = RunFolder.Open(run).Read(RunFolder.SpeakersTrace, MinutesJson.Context.SpeakerMap).Count!.CountNext!.Value;

        // A penalty 0.05 under the score of the pair the BIC left apart: the pair stays apart, a close call.
        var close = (next - 0.05).ToString("0.000", CultureInfo.InvariantCulture);
        var second = await CliRunner.RunAsync(Transcribe("--speaker-penalty", close));
        Assert.True(second.ExitCode == 0, second.Error);
        var map = RunFolder.Open(run).Read(RunFolder.SpeakersTrace, MinutesJson.Context.SpeakerMap);
        var review = await CliRunner.RunAsync("review", run, "--json");

        var flagged = map.Turns.Where(t => t.Doubt == TurnDoubts.Count).Select(t => t.Speaker).Distinct().ToList();
        Assert.Equal(2, flagged.Count);
        using var json = JsonDocument.Parse(review.Out);
        var doubts = json.RootElement.GetProperty("speakerDoubts").EnumerateArray().ToList();
        Assert.NotEmpty(doubts);
        Assert.Contains(doubts, d => flagged.Contains(d.GetProperty("speaker").GetString()!));
        Assert.Contains(doubts, d => d.GetProperty("reason").GetString() == TurnDoubts.Count);
        var page = File.ReadAllText(Path.Combine(run, "review.html"));
        Assert.Contains("話者要確認", page, StringComparison.Ordinal);
        Assert.Contains($"id=\"seg-{doubts[0].GetProperty("segmentId").GetString()}\"", page, StringComparison.Ordinal);
    }
}
