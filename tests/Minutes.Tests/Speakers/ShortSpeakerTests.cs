using Minutes.Speakers;

namespace Minutes.Tests.Speakers;

/// <summary>Short pieces and short clusters do not become speakers of their own (issue 15).</summary>
public sealed class ShortSpeakerTests
{
    private static float[] Around(int axis, Random random) =>
        Vectors.Normalised([.. Enumerable.Range(0, 8).Select(d => (float)((d == axis ? 3.0 : 0.0) + (random.NextDouble() - 0.5)))]);

    [Fact]
    public void A_cluster_speaking_less_than_the_minimum_joins_the_nearest_voice_and_its_time_is_recorded()
    {
        var random = new Random(3);
        // Voice 0: 20 windows, voice 1: 20 windows, a third cluster of 3 windows near voice 1 (2.25 s at 0.75 s a window).
        var vectors = Enumerable.Range(0, 20).Select(_ => Around(0, random))
            .Concat(Enumerable.Range(0, 20).Select(_ => Around(1, random)))
            .Concat(Enumerable.Range(0, 3).Select(_ => Vectors.Normalised([.. Around(1, random).Zip(Around(2, random), (a, b) => (a * 2) + b)])))
            .ToList();
        int[] labels = [.. Enumerable.Repeat(0, 20), .. Enumerable.Repeat(1, 20), .. Enumerable.Repeat(2, 3)];

        var (merged, seconds) = ShortSpeakers.Merge(vectors, labels, Diarizer.HopSeconds, 4, 1);

        Assert.Equal(2, merged.Distinct().Count());
        Assert.All(merged[40..], l => Assert.Equal(1, l));
        Assert.Equal([2.25], seconds);
        Assert.Equal(labels, ShortSpeakers.Merge(vectors, labels, Diarizer.HopSeconds, 2, 1).Labels);
    }

    [Fact]
    public void The_minimum_never_takes_the_count_below_the_one_given()
    {
        var random = new Random(4);
        var vectors = Enumerable.Range(0, 12).Select(i => Around(i / 4, random)).ToList();
        int[] labels = [.. Enumerable.Range(0, 12).Select(i => i / 4)];

        Assert.Equal(3, ShortSpeakers.Merge(vectors, labels, Diarizer.HopSeconds, 60, 3).Labels.Distinct().Count());
        var (one, seconds) = ShortSpeakers.Merge(vectors, labels, Diarizer.HopSeconds, 60, 1);
        Assert.Single(one.Distinct());
        Assert.Equal(2, seconds.Count);
    }

    [Fact]
    public void A_speaker_change_inside_a_region_is_cut_where_the_voices_meet_and_nowhere_when_off()
    {
        var random = new Random(5);
        var vectors = Enumerable.Range(0, 10).Select(i => Around(i < 6 ? 0 : 1, random)).ToList();

        Assert.Equal([6], SpeakerChanges.Find(vectors, 0, 10, 0.5));
        Assert.Empty(SpeakerChanges.Find(vectors, 0, 10, 0));
        Assert.Empty(SpeakerChanges.Find(vectors, 0, 6, 0.5));
    }

    [Fact]
    public void Turns_of_a_cluster_too_short_to_count_are_flagged_in_the_result()
    {
        var (samples, truth) = SyntheticVoices.Meeting([0, 1, 2, 0, 1, 2], 6);
        using var temp = new Support.TempFolder();
        var wav = temp.File("meeting.wav");
        SampleRuns.WriteWav(wav, samples);
        using var audio = Minutes.Audio.PcmAudio.Open(wav);
        var regions = truth.Select((t, i) => new Minutes.Vad.SpeechRegion($"r{i + 1:D4}", t.Start, t.End)).ToList();

        var without = new Diarizer(new DiarizationOptions { MinSpeakerSeconds = 0 }).Diarize(audio, regions, CancellationToken.None);
        var strict = new Diarizer(new DiarizationOptions { MinSpeakerSeconds = 13 }).Diarize(audio, regions, CancellationToken.None);

        Assert.True(without.Centroids.Count >= 3, $"{without.Centroids.Count} voices without a minimum");
        Assert.Empty(without.ShortSpeakerSeconds);
        Assert.DoesNotContain(without.Turns, t => t.Doubt == TurnDoubts.Short);
        // Each voice speaks about 10.5 s of windows: under a 13 s minimum every cluster but one is joined to the nearest voice, flagged.
        Assert.Single(strict.Centroids);
        Assert.Equal(without.Centroids.Count - 1, strict.ShortSpeakerSeconds.Count);
        Assert.Contains(strict.Turns, t => t.Doubt == TurnDoubts.Short);
    }
}
