using Minutes.Json;
using Minutes.Runs;

namespace Minutes.Sessions;

/// <summary>
/// The sessions stage: reads <c>03-transcript.json</c> (and <c>04-speakers.json</c> when the run
/// has one), splits the transcript into sessions and writes <c>05-sessions.json</c>. The agenda
/// is read when the stage is made, so a bad agenda fails before anything runs.
/// </summary>
public sealed class SessionsStage : IStage
{
    private readonly SessionOptions _options;
    private readonly string? _agendaPath;
    private readonly Agenda? _agenda;

    public SessionsStage(SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _agendaPath = options.Agenda is null ? null : Path.GetFullPath(options.Agenda);
        _agenda = _agendaPath is null ? null : Agenda.Load(_agendaPath, CueTable.Default);
    }

    /// <summary>The warnings of the plan this stage made, for the console (none when the stage was reused).</summary>
    public IReadOnlyList<Text.Message> Warnings { get; private set; } = [];

    public StageDefinition Define(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        List<string> inputs = [run.CurrentTranscript];
        if (run.CurrentSpeakers is { } speakers)
        {
            inputs.Add(speakers);
        }

        if (_agendaPath is not null)
        {
            inputs.Add(_agendaPath);
        }

        return new StageDefinition(StageNames.Sessions, _options.Parameters, inputs, [RunFolder.SessionsTrace]);
    }

    public Task RunAsync(RunFolder run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var transcript = run.Read(run.CurrentTranscript, MinutesJson.Context.Transcript);
        var speakers = run.CurrentSpeakers is { } current ? run.Read(current, MinutesJson.Context.SpeakerMap) : null;
        var plan = new SessionSegmenter(_options).Segment(transcript, speakers, _agenda);
        run.Write(RunFolder.SessionsTrace, plan, MinutesJson.Context.SessionPlan);
        Warnings = plan.Warnings;
        return Task.CompletedTask;
    }
}
