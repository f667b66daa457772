using Minutes.Json;
using Minutes.Policy;
using Minutes.Runs;

namespace Minutes.Drafting;

/// <summary>
/// The draft stage: reads 03 (and 04, 05), drafts with the given drafter, verifies every item
/// against its citations, records the personal information found, and writes 07 atomically, so
/// a failed draft never replaces an earlier one.
/// </summary>
public sealed class DraftStage : IStage
{
    private readonly IMinutesDrafter _drafter;
    private readonly DraftOptions _options;

    public DraftStage(IMinutesDrafter drafter, DraftOptions options)
    {
        ArgumentNullException.ThrowIfNull(drafter);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _drafter = drafter;
        _options = options;
    }

    public StageDefinition Define(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var inputs = new List<string> { run.CurrentTranscript, RunFolder.SessionsTrace };
        if (run.CurrentSpeakers is { } speakers)
        {
            inputs.Add(speakers);
        }

        inputs.AddRange(new[] { _options.Meeting, _options.Roster }.OfType<string>().Select(Path.GetFullPath));
        var parameters = new Dictionary<string, string>(_drafter.Parameters)
        {
            ["style"] = _options.Style.Name(),
            ["styleSource"] = _options.StyleSource.ToString().ToLowerInvariant(),
            ["confidentiality"] = _options.Confidentiality.ToString(),
        };
        return new StageDefinition(StageNames.Draft, parameters, inputs, [RunFolder.MinutesTrace, RunFolder.LlmTraceFolder]);
    }

    public async Task RunAsync(RunFolder run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var transcript = run.Read(run.CurrentTranscript, MinutesJson.Context.Transcript);
        var sessions = run.Read(RunFolder.SessionsTrace, MinutesJson.Context.SessionPlan);
        var speakers = run.CurrentSpeakers is { } current ? run.Read(current, MinutesJson.Context.SpeakerMap) : null;
        var roster = _options.Roster is null ? [] : File.ReadAllLines(_options.Roster).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var meeting = MeetingInfo.Load(_options.Meeting);
        var input = new DraftInput(transcript, speakers, sessions, meeting, _options.Style, _options.Confidentiality, run.PathOf(RunFolder.LlmTraceFolder)) { Roster = roster };
        var kind = MeetingKinds.Choose(meeting, transcript, transcript.Segments.Select(input.SpeakerOf).Distinct(StringComparer.Ordinal).Select(input.NameOf), sessions);
        input = input with { Style = StyleFor(kind), Kind = kind };
        var action = _drafter.Kind == DrafterKind.Offline ? PersonalInfoActions.NotSent : _options.Confidentiality.MasksBeforeSending ? PersonalInfoActions.Masked : PersonalInfoActions.Warned;
        var drafter = input.Style == DraftStyle.Overview && _drafter.Kind == DrafterKind.Offline ? new OverviewDrafter(_drafter) : _drafter;
        var minutes = await drafter.DraftAsync(input, cancellationToken).ConfigureAwait(false);
        minutes = MinutesVerifier.Verify(minutes, transcript, sessions) with
        {
            PersonalInformation = input.PersonalInformation(action),
            MeetingKind = kind,
            StyleRequest = new StyleRequest(_options.StyleSource == StyleSource.Default ? null : _options.Style, _options.StyleSource),
        };
        run.Write(RunFolder.MinutesTrace, minutes, MinutesJson.Context.MinutesDocument);
    }

    /// <summary>--style, else the meeting file's 種別, else minutes.json, else the inferred kind.</summary>
    private DraftStyle StyleFor(MeetingKindChoice kind) => _options.StyleSource switch
    {
        StyleSource.Given => _options.Style,
        StyleSource.Configured when kind.Source == MeetingKindChoice.Inferred => _options.Style,
        _ => MeetingKinds.DefaultStyle(kind.Kind),
    };
}
