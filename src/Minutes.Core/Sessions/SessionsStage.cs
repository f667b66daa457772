using Minutes.Json;
using Minutes.Runs;

namespace Minutes.Sessions;

/// <summary>
/// The sessions stage: reads <c>03-transcript.json</c> (and <c>04-speakers.json</c> when the run
/// has one), splits the transcript into sessions and writes <c>05-sessions.json</c>.
/// </summary>
public sealed class SessionsStage
{
    public async Task<StageOutcome> RunAsync(StageRunner runner, SessionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var run = runner.Run;
        var agendaPath = options.Agenda is null ? null : Path.GetFullPath(options.Agenda);
        var agenda = agendaPath is null ? null : Agenda.Load(agendaPath, CueTable.Default);
        var hasSpeakers = run.Exists(RunFolder.SpeakersTrace);
        List<string> inputs = [RunFolder.TranscriptTrace];
        if (hasSpeakers)
        {
            inputs.Add(RunFolder.SpeakersTrace);
        }

        if (agendaPath is not null)
        {
            inputs.Add(agendaPath);
        }

        var stage = new StageDefinition(StageNames.Sessions, options.Parameters, inputs, [RunFolder.SessionsTrace]);
        return await runner.RunAsync(
            stage,
            _ =>
            {
                var transcript = run.Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript);
                var speakers = hasSpeakers ? run.Read(RunFolder.SpeakersTrace, MinutesJson.Context.SpeakerMap) : null;
                var plan = new SessionSegmenter(options).Segment(transcript, speakers, agenda);
                run.Write(RunFolder.SessionsTrace, plan, MinutesJson.Context.SessionPlan);
                return Task.CompletedTask;
            },
            cancellationToken).ConfigureAwait(false);
    }
}
