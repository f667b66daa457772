using Minutes.Audio;
using Minutes.Json;
using Minutes.Pipeline;
using Minutes.Runs;
using Minutes.Tests.Support;
using Minutes.Vad;

namespace Minutes.Tests.Vad;

/// <summary>
/// The VAD stage inside <see cref="MinutesPipeline"/> with the default detector selection. A
/// stand-in decoder copies recordings that are already 16 kHz mono PCM (all these fixtures are),
/// so that these tests see the VAD stage and the stage runner alone (the decoder has its own tests).
/// </summary>
public sealed class VadStagePipelineTests
{
    private static readonly PipelineServices Services = PipelineServices.Default with { Decoder = () => new CopyDecoder() };

    [SkippableFact]
    public async Task The_vad_stage_writes_its_trace_and_records_the_detector_settings_in_the_manifest()
    {
        using var temp = new TempFolder();
        var options = new TranscribeOptions { Recording = VadFixture.Wav, Output = temp.File("run"), Vad = new VadOptions { Model = RepoPaths.SileroModel }, StopAfter = StopAfter.Vad };

        var run = await new MinutesPipeline(Services).TranscribeAsync(options, CancellationToken.None);

        var trace = run.Read(RunFolder.VadTrace, MinutesJson.Context.VadTrace);
        Assert.Equal("silero", trace.Detector);
        Assert.Equal(5, trace.Regions.Count);
        var stage = run.LoadManifest().Stage(StageNames.Vad)!;
        Assert.Equal(StageStatus.Completed, stage.Status);
        Assert.Equal("ggml-silero-v6.2.0.bin", stage.Parameters["model"]);
        Assert.Equal("0", stage.Parameters["padding"]);
    }

    [SkippableFact]
    public async Task A_silent_recording_fails_in_the_vad_stage_and_the_run_is_not_complete()
    {
        using var temp = new TempFolder();
        var options = new TranscribeOptions { Recording = VadFixture.Silent(temp, 4), Output = temp.File("run"), Vad = new VadOptions { Energy = true } };

        var ex = await Assert.ThrowsAsync<MinutesException>(() => new MinutesPipeline(Services).TranscribeAsync(options, CancellationToken.None));

        Assert.StartsWith("no speech found in the recording (peak level digital silence, energy detector)", ex.Message, StringComparison.Ordinal);
        var manifest = RunFolder.Open(temp.File("run")).LoadManifest();
        Assert.Equal(StageStatus.Failed, manifest.Stage(StageNames.Vad)!.Status);
        Assert.Null(manifest.Stage(StageNames.Transcript));
    }

    private sealed class CopyDecoder : IAudioDecoder
    {
        public Task<AudioInfo> DecodeAsync(string source, string pcmPath, IProgress<double>? progress, CancellationToken cancellationToken)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(pcmPath)!);
            File.Copy(source, pcmPath, overwrite: true);
            using var audio = PcmAudio.Open(pcmPath);
            var info = new AudioInfo(source, Hashing.Sha256OfFile(source), new FileInfo(source).Length, "wav", "pcm_s16le", PcmAudio.Rate, 1, 16,
                audio.Duration, "copy (test)", PcmAudio.Rate, audio.SampleCount, RunFolder.DecodedAudio, 0, 0);
            return Task.FromResult(info);
        }
    }
}
