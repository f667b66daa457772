using Minutes.Json;
using Minutes.Runs;

namespace Minutes.Audio;

/// <summary>
/// The audio stage: decodes the recording into <c>work/audio-16k.wav</c> and describes it in
/// <c>trace/01-audio.json</c>. Used by <c>transcribe</c> and by <c>import --audio</c>, so that an
/// imported transcript can still be played on the review page and diarized.
/// </summary>
public sealed class AudioStage(IAudioDecoder decoder, SourceFile recording, IProgress<double>? progress = null) : IStage
{
    public StageDefinition Define(RunFolder run) => new(
        StageNames.Audio,
        new Dictionary<string, string> { ["sampleRate"] = "16000", ["channels"] = "1" },
        [recording.Path],
        [RunFolder.AudioTrace, RunFolder.DecodedAudio]);

    public async Task RunAsync(RunFolder run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var info = await decoder.DecodeAsync(recording.Path, run.PathOf(RunFolder.DecodedAudio), progress, cancellationToken).ConfigureAwait(false);
        run.Write(RunFolder.AudioTrace, info with { DecodedFile = RunFolder.DecodedAudio, SourceSha256 = recording.Sha256 }, MinutesJson.Context.AudioInfo);
    }
}
