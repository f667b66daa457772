using Minutes.Json;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Corrections;

/// <summary>
/// The corrections stage: replays <c>trace/corrections.json</c> over the machine transcript (03)
/// and speakers (04) and writes the corrected ones (<c>03-transcript.corrected.json</c>,
/// <c>04-speakers.corrected.json</c>), which every later stage reads. The machine's files are
/// never written. A log made on another transcript (a segment it changed is gone) is refused.
/// </summary>
public sealed class CorrectionsStage : IStage
{
    public StageDefinition Define(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        List<string> inputs = [RunFolder.TranscriptTrace, RunFolder.CorrectionsTrace];
        List<string> outputs = [RunFolder.CorrectedTranscriptTrace];
        if (run.Exists(RunFolder.SpeakersTrace))
        {
            inputs.Add(RunFolder.SpeakersTrace);
            outputs.Add(RunFolder.CorrectedSpeakersTrace);
        }

        return new StageDefinition(StageNames.Corrections, new Dictionary<string, string> { ["format"] = CorrectionLog.CurrentFormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) }, inputs, outputs);
    }

    public Task RunAsync(RunFolder run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var transcript = run.Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript);
        var speakers = run.Exists(RunFolder.SpeakersTrace) ? run.Read(RunFolder.SpeakersTrace, MinutesJson.Context.SpeakerMap) : null;
        var log = CorrectionLog.Load(run);
        if (log.BrokenLinks() is { Count: > 0 } broken)
        {
            throw new MinutesException(Messages.Get("CorrectionsAltered", RunFolder.CorrectionsTrace, string.Join(", ", broken)), ExitCodes.VerificationFailed);
        }

        var ids = transcript.Segments.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        if (log.Corrections.SelectMany(c => c.Segments).FirstOrDefault(id => !ids.Contains(id)) is { } missing)
        {
            throw new MinutesException(Messages.Get("CorrectionsOtherTranscript", RunFolder.CorrectionsTrace, missing));
        }

        var corrected = CorrectedTranscript.Replay(transcript, speakers, log);
        run.Write(RunFolder.CorrectedTranscriptTrace, corrected.Transcript, MinutesJson.Context.Transcript);
        if (corrected.Speakers is { } map)
        {
            run.Write(RunFolder.CorrectedSpeakersTrace, map, MinutesJson.Context.SpeakerMap);
        }

        return Task.CompletedTask;
    }
}
