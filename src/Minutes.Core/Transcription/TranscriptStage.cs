using Minutes.Audio;
using Minutes.Json;
using Minutes.Runs;

namespace Minutes.Transcription;

/// <summary>
/// The transcript stage: transcribes the speech regions of <c>02-vad.json</c> and writes
/// <c>trace/03-transcript.json</c>. Finished chunks are checkpointed under <c>work/</c>; they are
/// kept for a resumed run and cleared otherwise, so a fresh run never reuses stale chunks.
/// </summary>
public sealed class TranscriptStage(ITranscriber transcriber, bool resume, IProgress<double>? progress = null) : IStage
{
    public StageDefinition Define(RunFolder run) =>
        new(StageNames.Transcript, transcriber.Parameters, [RunFolder.DecodedAudio, RunFolder.VadTrace], [RunFolder.TranscriptTrace]);

    public async Task RunAsync(RunFolder run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var vad = run.Read(RunFolder.VadTrace, MinutesJson.Context.VadTrace);
        var checkpoint = run.PathOf(RunFolder.TranscriptCheckpoint);
        if (!resume)
        {
            TranscriptionCheckpoint.Clear(checkpoint);
        }

        using var audio = PcmAudio.Open(run.PathOf(RunFolder.DecodedAudio));
        var transcript = await transcriber.TranscribeAsync(audio, vad, checkpoint, progress, cancellationToken).ConfigureAwait(false);
        run.Write(RunFolder.TranscriptTrace, transcript, MinutesJson.Context.Transcript);
    }
}
