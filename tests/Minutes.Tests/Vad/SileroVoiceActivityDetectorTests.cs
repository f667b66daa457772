using Minutes.Audio;
using Minutes.Runs;
using Minutes.Tests.Support;
using Minutes.Vad;

namespace Minutes.Tests.Vad;

/// <summary>The real Silero v6.2.0 model (from ../shared/models or MINUTES_MODELS) through Whisper.net.</summary>
public sealed class SileroVoiceActivityDetectorTests
{
    [SkippableFact]
    public void Finds_every_utterance_within_tolerance_and_nothing_in_the_pauses_or_the_noise()
    {
        using var audio = PcmAudio.Open(VadFixture.Wav);
        var trace = new SileroVoiceActivityDetector(RepoPaths.SileroModel).Detect(audio, null, CancellationToken.None);

        Assert.Equal("silero", trace.Detector);
        Assert.Equal("ggml-silero-v6.2.0.bin", trace.Model);
        Assert.Equal("0.25", trace.Settings["threshold"]);
        Assert.Equal("0.15", trace.Settings["offsetThreshold"]);
        Assert.Equal("0.1", trace.Settings["startExtension"]);
        // The probabilities came from the native library, so these settings are the ones applied.
        Assert.False(trace.Settings.ContainsKey("segments"));
        Assert.Null(trace.FallbackReason);
        Assert.Equal(["r0001", "r0002", "r0003", "r0004", "r0005"], trace.Regions.Select(r => r.Id));
        VadFixture.AssertMatchesTruth(trace);
        Assert.InRange(VadFixture.FrameF1(trace), 0.93, 1.0);
    }

    [SkippableFact]
    public void Windowed_detection_equals_a_one_shot_run()
    {
        using var temp = new TempFolder();
        using var audio = PcmAudio.Open(VadFixture.Repeated(temp, 3));
        var oneShot = new SileroVoiceActivityDetector(RepoPaths.SileroModel, VadSettings.SileroDefaults with { Window = 1000 })
            .Detect(audio, null, CancellationToken.None);
        var reports = new List<double>();
        var windowed = new SileroVoiceActivityDetector(RepoPaths.SileroModel, VadSettings.SileroDefaults with { Window = 17, WindowOverlap = 3 })
            .Detect(audio, new Minutes.Runs.SyncProgress<double>(reports.Add), CancellationToken.None);

        // Each window starts the model's recurrent state afresh; after the overlap it has settled to
        // within one 32 ms Silero frame of the one-shot run's.
        Assert.Equal(15, oneShot.Regions.Count);
        Assert.Equal(oneShot.Regions.Select(r => r.Id), windowed.Regions.Select(r => r.Id));
        Assert.All(oneShot.Regions.Zip(windowed.Regions), p =>
            Assert.True(Math.Abs(p.First.Start - p.Second.Start) <= 0.05 && Math.Abs(p.First.End - p.Second.End) <= 0.05, $"{p.First} vs {p.Second}"));
        Assert.Equal(5, reports.Count);
        Assert.Equal(1.0, reports[^1]);
    }

    [SkippableFact]
    public void Silence_only_fails_the_stage_with_one_line()
    {
        using var temp = new TempFolder();
        using var audio = PcmAudio.Open(VadFixture.Silent(temp, 5));
        var ex = Assert.Throws<MinutesException>(() => new SileroVoiceActivityDetector(RepoPaths.SileroModel).Detect(audio, null, CancellationToken.None));

        Assert.StartsWith("no speech found in the recording (peak level digital silence", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [SkippableFact]
    public void A_random_file_as_model_is_refused_before_native_code_sees_it()
    {
        using var temp = new TempFolder();
        var path = temp.File("random.bin");
        File.WriteAllBytes(path, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))]);

        var ex = Assert.Throws<MinutesException>(() => new SileroVoiceActivityDetector(path));

        Assert.Equal("'random.bin' is not a Silero VAD model (not a ggml model file); pass a ggml-silero-*.bin file (`minutes models pull silero-v6.2.0`).", ex.Message);
    }

    [SkippableFact]
    public void A_whisper_model_as_vad_model_is_refused_instead_of_aborting_the_process()
    {
        using var temp = new TempFolder();
        var path = temp.File("ggml-tiny.bin");
        File.WriteAllBytes(path, WhisperLikeHeader.Bytes(extra: 4096));

        var ex = Assert.Throws<MinutesException>(() => new SileroVoiceActivityDetector(path));

        Assert.Contains("is not a Silero VAD model (Whisper (n_audio_state 384", ex.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_missing_model_is_one_line()
    {
        var ex = Assert.Throws<MinutesException>(() => new SileroVoiceActivityDetector("/nonexistent/ggml-silero-v6.2.0.bin"));
        Assert.Equal("VAD model not found: /nonexistent/ggml-silero-v6.2.0.bin", ex.Message);
    }

    [SkippableFact]
    public void A_truncated_silero_model_is_one_line()
    {
        using var temp = new TempFolder();
        var path = temp.File("ggml-silero-v6.2.0.bin");
        File.WriteAllBytes(path, File.ReadAllBytes(RepoPaths.SileroModel)[..4000]);
        using var audio = PcmAudio.Open(VadFixture.Wav);

        var ex = Assert.Throws<MinutesException>(() => new SileroVoiceActivityDetector(path).Detect(audio, null, CancellationToken.None));

        Assert.StartsWith("cannot load the VAD model 'ggml-silero-v6.2.0.bin'", ex.Message, StringComparison.Ordinal);
    }
}
