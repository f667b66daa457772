using Minutes.Runs;
using Minutes.Tests.Support;
using Minutes.Transcription;
using Minutes.Vad;

namespace Minutes.Tests.Transcription;

public sealed class ChunkingAndGuardTests
{
    [SkippableFact]
    public void Adjacent_regions_share_a_chunk_until_a_long_pause_or_the_length_limit()
    {
        SpeechRegion[] regions =
        [
            new("r0001", 0.5, 4.0), new("r0002", 4.8, 9.0), new("r0003", 12.0, 20.0),
            new("r0004", 20.5, 27.0), new("r0005", 27.5, 33.0), new("r0006", 40.0, 100.0),
        ];

        var chunks = Chunking.Plan(regions, maxSeconds: 28, maxGapSeconds: 1.5);

        Assert.Equal(
            ["r0001,r0002", "r0003,r0004,r0005", "r0006", "r0006", "r0006"],
            chunks.Select(c => string.Join(',', c.RegionIds)));
        Assert.Equal((0.5, 9.0), (chunks[0].Start, chunks[0].End));
        Assert.Equal((40.0, 60.0), (chunks[2].Start, chunks[2].End));
        Assert.Equal(100.0, chunks[^1].End);
        Assert.All(chunks, c => Assert.True(c.Duration <= 28));
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Index));
    }

    [SkippableFact]
    public void A_looped_phrase_is_collapsed_and_flagged()
    {
        var loop = string.Concat(Enumerable.Repeat("よろしくお願いします。", 6));
        var (kept, dropped) = HallucinationGuard.Apply([new RawSegment(1, 5, "本日は" + loop, 0.8, 0.01, -20)], "r0001");

        Assert.Empty(dropped);
        var (segment, flags) = Assert.Single(kept);
        Assert.Equal("本日はよろしくお願いします。", segment.Text);
        Assert.Equal([SegmentFlags.Repetition], flags);
    }

    [SkippableFact]
    public void A_segment_repeated_three_times_in_a_row_is_dropped_from_the_third()
    {
        RawSegment Seg(double t, string text) => new(t, t + 1, text, 0.9, 0.01, -20);

        var (kept, dropped) = HallucinationGuard.Apply(
            [Seg(0, "はい。"), Seg(1, "はい"), Seg(2, "はい。"), Seg(3, "ハイ"), Seg(4, "次に議題2です。")], "r0001");

        Assert.Equal(["はい。", "はい", "ハイ", "次に議題2です。"], kept.Select(k => k.Segment.Text));
        var drop = Assert.Single(dropped);
        Assert.Equal((2.0, SegmentFlags.Repetition), (drop.Start, drop.Reason));
    }

    [SkippableFact]
    public void Subtitle_phrases_over_quiet_audio_are_dropped_and_kept_but_flagged_over_speech()
    {
        var (kept, dropped) = HallucinationGuard.Apply(
            [
                new RawSegment(10, 12, "ご視聴ありがとうございました", 0.7, 0.8, -30),
                new RawSegment(20, 22, "ご視聴ありがとうございました。", 0.7, 0.05, -45),
                new RawSegment(30, 32, "ご視聴、ありがとうございました！", 0.9, 0.05, -18),
                new RawSegment(40, 42, "以上です", 0.2, 0.05, -18),
                new RawSegment(50, 52, "えー", 0.9, 0.05, -70),
            ],
            "r0009");

        Assert.Equal([SegmentFlags.SilenceHallucination, SegmentFlags.SilenceHallucination, "no-audio"], dropped.Select(d => d.Reason));
        Assert.All(dropped, d => Assert.Equal("r0009", d.RegionId));
        Assert.Equal([[SegmentFlags.SilenceHallucination], [SegmentFlags.LowConfidence]], kept.Select(k => k.Flags.ToArray()));
    }

    [SkippableFact]
    public void The_model_header_is_checked_before_native_code_sees_it()
    {
        using var temp = new TempFolder();
        var random = temp.File("random.bin");
        File.WriteAllBytes(random, Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray());
        var tiny = temp.File("tiny.bin");
        File.WriteAllBytes(tiny, [1, 2, 3]);

        Assert.Contains("not a ggml model file", Assert.Throws<MinutesException>(() => WhisperModelFile.Inspect(random)).Message, StringComparison.Ordinal);
        Assert.Contains("too small", Assert.Throws<MinutesException>(() => WhisperModelFile.Inspect(tiny)).Message, StringComparison.Ordinal);
        Assert.Contains("not a Whisper model", Assert.Throws<MinutesException>(() => WhisperModelFile.Inspect(RepoPaths.SileroModel)).Message, StringComparison.Ordinal);
        Assert.Contains("not found", Assert.Throws<MinutesException>(() => WhisperModelFile.Inspect(temp.File("none.bin"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_linked_into_place_is_read_through_the_link()
    {
        using var temp = new TempFolder();
        var model = temp.File("crafted.bin");
        TinyWhisperModel.WriteCrafted(model, ["議題"]);
        var link = temp.File("linked.bin");
        File.CreateSymbolicLink(link, model);

        Assert.Equal(new FileInfo(model).Length, FileLength.Of(link));
        Assert.Equal(WhisperModelFile.Inspect(model).Vocabulary, WhisperModelFile.Inspect(link).Vocabulary);
    }
}
