using Minutes.Json;
using Minutes.Runs;

namespace Minutes.Audio;

/// <summary>
/// The audio stage: decodes the recording into <c>work/audio-16k.wav</c> and describes it in
/// <c>trace/01-audio.json</c>. Used by <c>transcribe</c> and by <c>import --audio</c>, so that an
/// imported transcript can still be played on the review page and diarized.
/// </summary>
public sealed class AudioStage(IAudioDecoder decoder)
{
    public Task<StageOutcome> RunAsync(StageRunner runner, SourceFile recording, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var run = runner.Run;
        ArgumentNullException.ThrowIfNull(recording);
        var source = recording.Path;
        return runner.RunAsync(
            new StageDefinition(StageNames.Audio, new Dictionary<string, string> { ["sampleRate"] = "16000", ["channels"] = "1" }, [source], [RunFolder.AudioTrace, RunFolder.DecodedAudio]),
            async ct =>
            {
                var info = await decoder.DecodeAsync(source, run.PathOf(RunFolder.DecodedAudio), progress, ct).ConfigureAwait(false);
                run.Write(RunFolder.AudioTrace, info with { DecodedFile = RunFolder.DecodedAudio, SourceSha256 = recording.Sha256 }, MinutesJson.Context.AudioInfo);
            },
            cancellationToken);
    }
}
