using Minutes.Speakers;

namespace Minutes.Tests.Speakers;

public sealed class DiarizationScoringTests
{
    private static SpeakerTurn T(double start, double end, string speaker) => new(start, end, speaker);

    [Fact]
    public void A_perfect_hypothesis_with_other_labels_scores_zero()
    {
        var score = DiarizationScoring.Score([T(0, 10, "A"), T(10, 20, "B")], [T(0, 10, "x"), T(10, 20, "y")], 0);
        Assert.Equal(0, score.Der, 9);
        Assert.Equal(20, score.ScoredSeconds, 9);
        Assert.Equal("x", score.Mapping["A"]);
    }

    [Fact]
    public void Miss_false_alarm_and_confusion_are_counted_apart()
    {
        // Reference: A 0–10, B 10–20. Hypothesis: x 0–8 (A; 2 s missed), y 10–15 (B), x 15–20 (confused), x 25–27 (false alarm).
        var score = DiarizationScoring.Score(
            [T(0, 10, "A"), T(10, 20, "B")],
            [T(0, 8, "x"), T(10, 15, "y"), T(15, 20, "x"), T(25, 27, "x")],
            0);
        Assert.Equal(20, score.ScoredSeconds, 9);
        Assert.Equal(2, score.MissSeconds, 9);
        Assert.Equal(2, score.FalseAlarmSeconds, 9);
        Assert.Equal(5, score.ConfusionSeconds, 9);
        Assert.Equal(9 / 20.0, score.Der, 9);
    }

    [Fact]
    public void The_collar_removes_time_around_reference_boundaries()
    {
        // The hypothesis change is 0.2 s late: within a 0.25 s collar it costs nothing.
        var reference = new[] { T(0, 10, "A"), T(10, 20, "B") };
        var hypothesis = new[] { T(0, 10.2, "x"), T(10.2, 20, "y") };
        Assert.Equal(0.2, DiarizationScoring.Score(reference, hypothesis, 0).ConfusionSeconds, 9);
        var collared = DiarizationScoring.Score(reference, hypothesis, 0.25);
        Assert.Equal(0, collared.Der, 9);

        // 0 to 0.25, 9.75 to 10.25 and 19.75 to 20 are not scored.
        Assert.Equal(19, collared.ScoredSeconds, 9);
        Assert.Equal(1, collared.CollarSeconds, 9);
    }

    [Fact]
    public void Overlapping_reference_speech_is_left_out_only_when_asked()
    {
        // A 0–10 and B 6–14 overlap for 4 s; the hypothesis gives one speaker at a time: x 0–8, y 8–14.
        var reference = new[] { T(0, 10, "A"), T(6, 14, "B") };
        var hypothesis = new[] { T(0, 8, "x"), T(8, 14, "y") };
        var full = DiarizationScoring.Score(reference, hypothesis, 0);
        Assert.Equal(18, full.ScoredSeconds, 9);
        Assert.Equal(4, full.MissSeconds, 9);
        Assert.Equal(0, full.OverlapSeconds, 9);
        Assert.Equal(4, full.OverlapExcessSeconds, 9);
        Assert.Equal(4 / 18.0, full.OverlapFloor, 9);

        var skipped = DiarizationScoring.Score(reference, hypothesis, 0, skipOverlap: true);
        Assert.Equal(10, skipped.ScoredSeconds, 9);
        Assert.Equal(8, skipped.OverlapSeconds, 9);
        Assert.Equal(0, skipped.Der, 9);
    }

    [Fact]
    public void The_mapping_is_optimal_not_greedy()
    {
        // Greedy would give A→x (6 s) and leave B with nothing; the best one-to-one mapping is A→y, B→x.
        var score = DiarizationScoring.Score(
            [T(0, 10, "A"), T(10, 20, "B")],
            [T(0, 4, "y"), T(4, 10, "x"), T(10, 20, "x")],
            0);
        Assert.Equal("y", score.Mapping["A"]);
        Assert.Equal("x", score.Mapping["B"]);
        Assert.Equal(6, score.ConfusionSeconds, 9);
    }

    [Fact]
    public void Overlapping_reference_speech_counts_each_speaker()
    {
        var score = DiarizationScoring.Score([T(0, 10, "A"), T(5, 10, "B")], [T(0, 10, "x")], 0);
        Assert.Equal(15, score.ScoredSeconds, 9);
        Assert.Equal(5, score.MissSeconds, 9);
        Assert.Equal(0, score.ConfusionSeconds, 9);
    }

    [Fact]
    public void Rttm_files_are_read_and_bad_lines_named()
    {
        using var temp = new Support.TempFolder();
        var good = temp.File("good.rttm");
        File.WriteAllText(good, "SPEAKER m 1 1.000 2.500 <NA> <NA> S1 <NA> <NA>\nSPKR-INFO m 1 <NA> <NA> <NA> unknown S1 <NA> <NA>\n");
        Assert.Equal([T(1, 3.5, "S1")], DiarizationScoring.LoadRttm(good));
        var bad = temp.File("bad.rttm");
        File.WriteAllText(bad, "SPEAKER m 1 one 2.5 <NA> <NA> S1\n");
        var error = Assert.Throws<Minutes.Runs.MinutesException>(() => DiarizationScoring.LoadRttm(bad));
        Assert.Contains("line 1", error.Message);
    }

    [Fact]
    public void One_recording_is_read_from_an_rttm_that_holds_several()
    {
        using var temp = new Support.TempFolder();
        var rttm = temp.File("all.rttm");
        File.WriteAllText(rttm, "SPEAKER trn01 1 0.000 1.000 <NA> <NA> A <NA> <NA>\nSPEAKER trn02 1 2.000 1.000 <NA> <NA> B <NA> <NA>\nSPEAKER trn01 1 5.000 0.500 <NA> <NA> C <NA> <NA>\n");
        Assert.Equal([T(0, 1, "A"), T(5, 5.5, "C")], DiarizationScoring.LoadRttm(rttm, "trn01"));
        Assert.Equal(3, DiarizationScoring.LoadRttm(rttm).Count);
        Assert.Contains("trn09", Assert.Throws<Minutes.Runs.MinutesException>(() => DiarizationScoring.LoadRttm(rttm, "trn09")).Message, StringComparison.Ordinal);
    }
}
