using Minutes.Json;
using Minutes.Runs;
using Minutes.Speakers;

namespace Minutes.Transcription.Import;

/// <summary>
/// The speakers stage of an import: writes the speakers an imported file names (VTT voice tags,
/// <c>話者: 発言</c> lines) as <c>04-speakers.json</c>, with the file as the input.
/// </summary>
public sealed class ImportedSpeakersStage(string file, SpeakerMap speakers) : IStage
{
    public StageDefinition Define(RunFolder run) => new(
        StageNames.Speakers,
        new Dictionary<string, string> { ["method"] = speakers.Method },
        [file],
        [RunFolder.SpeakersTrace]);

    public Task RunAsync(RunFolder run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.Write(RunFolder.SpeakersTrace, speakers, MinutesJson.Context.SpeakerMap);
        return Task.CompletedTask;
    }
}
