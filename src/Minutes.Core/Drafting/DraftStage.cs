using Minutes.Json;
using Minutes.Policy;
using Minutes.Runs;

namespace Minutes.Drafting;

/// <summary>What <c>minutes draft</c> was asked to do.</summary>
public sealed record DraftOptions
{
    /// <summary>The meeting header file (会議名/日時/場所 lines).</summary>
    public string? Meeting { get; init; }

    public DraftStyle Style { get; init; } = DraftStyles.Default;

    /// <summary>機密性 1–3.</summary>
    public Confidentiality Confidentiality { get; init; } = Confidentiality.Default;

    /// <summary>Names of people (one per line) whose mention is personal information.</summary>
    public string? Roster { get; init; }

    public void Validate()
    {
        foreach (var file in new[] { Meeting, Roster }.OfType<string>().Where(f => !File.Exists(f)))
        {
            throw new MinutesException($"File not found: {file}");
        }
    }
}

/// <summary>
/// The draft stage: reads 03 (and 04, 05), drafts with the given drafter, verifies every item
/// against its citations, records the personal information found, and writes 07 atomically, so
/// a failed draft never replaces an earlier one.
/// </summary>
public sealed class DraftStage(IMinutesDrafter drafter)
{
    public Task<StageOutcome> RunAsync(StageRunner runner, DraftOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var run = runner.Run;
        var inputs = new List<string> { RunFolder.TranscriptTrace, RunFolder.SessionsTrace };
        if (run.Exists(RunFolder.SpeakersTrace))
        {
            inputs.Add(RunFolder.SpeakersTrace);
        }

        inputs.AddRange(new[] { options.Meeting, options.Roster }.OfType<string>().Select(Path.GetFullPath));
        var parameters = new Dictionary<string, string>(drafter.Parameters)
        {
            ["style"] = options.Style.Name(),
            ["confidentiality"] = options.Confidentiality.ToString(),
        };
        return runner.RunAsync(
            new StageDefinition(StageNames.Draft, parameters, inputs, [RunFolder.MinutesTrace, RunFolder.LlmTraceFolder]),
            async ct =>
            {
                var transcript = run.Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript);
                var sessions = run.Read(RunFolder.SessionsTrace, MinutesJson.Context.SessionPlan);
                var speakers = run.Exists(RunFolder.SpeakersTrace) ? run.Read(RunFolder.SpeakersTrace, MinutesJson.Context.SpeakerMap) : null;
                var roster = options.Roster is null ? [] : File.ReadAllLines(options.Roster).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
                var input = new DraftInput(transcript, speakers, sessions, MeetingInfo.Load(options.Meeting), options.Style, options.Confidentiality, run.PathOf(RunFolder.LlmTraceFolder)) { Roster = roster };
                var action = drafter.Kind == DrafterKind.Offline ? "not-sent" : options.Confidentiality.MasksBeforeSending ? "masked" : "warned";
                var minutes = await drafter.DraftAsync(input, ct).ConfigureAwait(false);
                minutes = MinutesVerifier.Verify(minutes, transcript, sessions) with
                {
                    PersonalInformation = input.PersonalInformation(action),
                };
                run.Write(RunFolder.MinutesTrace, minutes, MinutesJson.Context.MinutesDocument);
            },
            cancellationToken);
    }
}
