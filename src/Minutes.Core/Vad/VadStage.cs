using Minutes.Audio;
using Minutes.Json;
using Minutes.Runs;

namespace Minutes.Vad;

/// <summary>
/// The VAD stage: finds the speech regions of <c>work/audio-16k.wav</c> with the given detector
/// and writes them to <c>trace/02-vad.json</c>.
/// </summary>
public sealed class VadStage(IVoiceActivityDetector detector, IProgress<double>? progress = null) : IStage
{
    public StageDefinition Define(RunFolder run) =>
        new(StageNames.Vad, detector.Parameters, [RunFolder.DecodedAudio], [RunFolder.VadTrace]);

    public Task RunAsync(RunFolder run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var audio = PcmAudio.Open(run.PathOf(RunFolder.DecodedAudio));
        run.Write(RunFolder.VadTrace, detector.Detect(audio, progress, cancellationToken), MinutesJson.Context.VadTrace);
        return Task.CompletedTask;
    }
}
