using Minutes.Json;
using Minutes.Runs;

namespace Minutes.Transcription.Import;

/// <summary>
/// The transcript stage of an import: writes the transcript read from a file (SRT, WebVTT,
/// transcript JSON, text) as <c>03-transcript.json</c>, with the file, and the recording when
/// there is one, as absolute inputs.
/// </summary>
public sealed class ImportedTranscriptStage(string file, ImportedTranscript imported, string? recording = null) : IStage
{
    public StageDefinition Define(RunFolder run) => new(
        StageNames.Transcript,
        new Dictionary<string, string> { ["source"] = TranscriptImporter.SourceKind, ["format"] = imported.Format },
        recording is null ? [file] : [file, recording],
        [RunFolder.TranscriptTrace]);

    public Task RunAsync(RunFolder run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.Write(RunFolder.TranscriptTrace, imported.Transcript, MinutesJson.Context.Transcript);
        return Task.CompletedTask;
    }
}
