using Minutes.Audio;
using Minutes.Runs;
using Minutes.Tests.Support;
using Minutes.Transcription;
using Minutes.Vad;

namespace Minutes.Tests.Transcription;

/// <summary>The real Whisper.net runtime on generated tiny models (no real weights can be downloaded here).</summary>
public sealed class WhisperTranscriberTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Segments_are_mapped_back_onto_the_recording_across_regions()
    {
        var model = Crafted("本日", "の", "会議", "を", "開会", "します");
        using var audio = Recording((1.2, 4.0), (9.5, 12.25), (12.9, 14.0), (20.0, 23.5));
        var vad = Vad(audio, (1.2, 4.0), (9.5, 12.25), (12.9, 14.0), (20.0, 23.5));

        var transcript = await new WhisperTranscriber(new WhisperSettings { ModelPath = model, Threads = 2 })
            .TranscribeAsync(audio, vad, _temp.File("chunks"), null, default);

        Assert.Equal(
            [("s0001", 1.2, 4.0, "r0001"), ("s0002", 9.5, 14.0, "r0002"), ("s0003", 20.0, 23.5, "r0004")],
            transcript.Segments.Select(s => (s.Id, s.Start, s.End, s.RegionId!)));
        Assert.All(transcript.Segments, s => Assert.Equal("本日の会議を開会します", s.Text));
        Assert.All(transcript.Segments, s => Assert.True(s.Confidence > 0.99 && s.NoSpeechProbability < 0.01));
        Assert.Empty(transcript.Dropped);
        Assert.Equal("whisper", transcript.Source.Kind);
        Assert.Equal(Hashing.Sha256OfFile(model), transcript.Source.Sha256);
        Assert.Equal("3", transcript.Settings["chunks"]);
    }

    [Fact]
    public async Task A_subtitle_phrase_over_silence_is_dropped_and_the_trace_says_why()
    {
        var model = Crafted("ご視聴", "ありがとう", "ございました");
        using var audio = Recording((1.0, 3.0));
        var vad = Vad(audio, (1.0, 3.0), (6.0, 8.0));

        var transcript = await new WhisperTranscriber(new WhisperSettings { ModelPath = model })
            .TranscribeAsync(audio, vad, _temp.File("chunks"), null, default);

        var kept = Assert.Single(transcript.Segments);
        Assert.Equal(1.0, kept.Start);
        Assert.Equal([SegmentFlags.SilenceHallucination], kept.Flags);
        var dropped = Assert.Single(transcript.Dropped);
        Assert.Equal((6.0, 8.0, SegmentFlags.SilenceHallucination, "r0002"), (dropped.Start, dropped.End, dropped.Reason, dropped.RegionId));
    }

    [Fact]
    public async Task A_repetition_loop_is_collapsed_and_flagged_and_its_window_was_decoded_again_hotter()
    {
        var model = Crafted([.. Enumerable.Repeat(new[] { "よろしく", "お願いします。" }, 5).SelectMany(p => p)]);
        using var audio = Recording((0.5, 5.0));

        var transcript = await new WhisperTranscriber(new WhisperSettings { ModelPath = model })
            .TranscribeAsync(audio, Vad(audio, (0.5, 5.0)), _temp.File("chunks"), null, default);

        var segment = Assert.Single(transcript.Segments);
        Assert.Equal("よろしくお願いします。", segment.Text);
        // The loop compresses far better than 2.4: every temperature up to 1.0 was tried.
        Assert.Equal([SegmentFlags.Repetition, SegmentFlags.TemperatureFallback], segment.Flags);
        Assert.Equal("1", transcript.Settings["fallbackWindows"]);
    }

    [Fact]
    public async Task The_glossary_prompt_and_its_digest_are_recorded_and_chunks_are_reused_from_the_checkpoint()
    {
        var model = Crafted("議題", "1");
        using var audio = Recording((0.5, 2.0), (5.0, 7.0));
        var vad = Vad(audio, (0.5, 2.0), (5.0, 7.0));
        var options = new WhisperSettings { ModelPath = model, Prompt = "委員長、田中委員、補正予算" };
        var checkpoint = _temp.File("chunks");

        var first = await new WhisperTranscriber(options).TranscribeAsync(audio, vad, checkpoint, null, default);
        var saved = Directory.GetFiles(checkpoint).Order().ToArray();
        var times = saved.Select(File.GetLastWriteTimeUtc).ToArray();
        var again = await new WhisperTranscriber(options).TranscribeAsync(audio, vad, checkpoint, null, default);

        Assert.Equal(Hashing.Sha256OfText("委員長、田中委員、補正予算"), first.Settings["promptSha256"]);
        Assert.Equal(2, saved.Length);
        Assert.Equal(times, saved.Select(File.GetLastWriteTimeUtc));
        Assert.Equal(first.Segments, again.Segments);

        var otherSettings = await new WhisperTranscriber(options with { Prompt = null }).TranscribeAsync(audio, vad, checkpoint, null, default);
        Assert.NotEqual(times, saved.Select(File.GetLastWriteTimeUtc));
        Assert.Equal("none", otherSettings.Settings["promptSha256"]);
    }

    private string Crafted(params string[] pieces) => WhisperFixtures.Crafted(_temp, pieces);

    private PcmAudio Recording(params (double Start, double End)[] loud) => WhisperFixtures.Recording(_temp, 30, loud);

    private static VadTrace Vad(PcmAudio audio, params (double Start, double End)[] regions) => WhisperFixtures.Vad(audio, regions);
}
