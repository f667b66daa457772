using Minutes.Audio;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Tests.Support;
using Minutes.Vad;

namespace Minutes.Tests.Vad;

public sealed class EnergyVoiceActivityDetectorTests
{
    [Fact]
    public void Finds_every_utterance_within_tolerance_and_ignores_a_step_of_steady_noise()
    {
        using var audio = PcmAudio.Open(VadFixture.Wav);
        var trace = new EnergyVoiceActivityDetector(fallbackReason: "test").Detect(audio, null, CancellationToken.None);

        Assert.Equal("energy", trace.Detector);
        Assert.Equal("test", trace.FallbackReason);
        Assert.Null(trace.Model);
        VadFixture.AssertMatchesTruth(trace);
        Assert.InRange(VadFixture.FrameF1(trace), 0.93, 1.0);
    }

    [Fact]
    public void Is_deterministic_and_its_trace_carries_the_settings()
    {
        using var audio = PcmAudio.Open(VadFixture.Wav);
        var detector = new EnergyVoiceActivityDetector();
        var first = MinutesJson.Serialize(detector.Detect(audio, null, CancellationToken.None), MinutesJson.Context.VadTrace);
        var second = MinutesJson.Serialize(new EnergyVoiceActivityDetector().Detect(audio, null, CancellationToken.None), MinutesJson.Context.VadTrace);

        Assert.Equal(first, second);
        Assert.Contains("\"minSilence\": \"0.5\"", first, StringComparison.Ordinal);
        Assert.Equal("10", detector.Parameters["threshold"]);
    }

    [Fact]
    public async Task Silence_only_fails_the_stage_and_the_manifest_records_it_as_failed()
    {
        using var temp = new TempFolder();
        using var audio = PcmAudio.Open(VadFixture.Silent(temp, 3));
        var run = RunFolder.Create(temp.File("run"), null);
        var runner = new Minutes.Runs.StageRunner(run, resume: false);
        var detector = new EnergyVoiceActivityDetector();

        var ex = await Assert.ThrowsAsync<MinutesException>(() => runner.RunAsync(
            new Minutes.Runs.StageDefinition("vad", detector.Parameters, [], [RunFolder.VadTrace]),
            ct =>
            {
                run.Write(RunFolder.VadTrace, detector.Detect(audio, null, ct), MinutesJson.Context.VadTrace);
                return Task.CompletedTask;
            },
            CancellationToken.None));

        Assert.Equal("no speech found in the recording (peak level digital silence, energy detector); check the recording's channel and level.", ex.Message);
        var stage = run.LoadManifest().Stage("vad");
        Assert.Equal(StageStatus.Failed, stage!.Status);
        Assert.False(run.Exists(RunFolder.VadTrace));
    }

    [Fact]
    public void Post_processing_merges_short_pauses_drops_blips_pads_and_numbers()
    {
        var settings = VadSettings.EnergyDefaults with { MinSilence = 0.5, MinSpeech = 0.25, Padding = 0.1 };
        var regions = SpeechRegionBuilder.Build([(5.0, 6.0), (1.0, 2.0), (2.3, 3.0), (4.0, 4.1), (6.15, 7.0004), (9.95, 10.0)], 10.0, settings);

        Assert.Equal(
            [new SpeechRegion("r0001", 0.9, 3.1), new SpeechRegion("r0002", 4.9, 7.1)],
            regions);
    }
}
