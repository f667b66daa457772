using Minutes.Drafting;
using Minutes.Json;
using Minutes.Privacy;
using Minutes.Runs;
using Minutes.Sessions;
using Minutes.Text;
using Minutes.Transcription;

namespace Minutes.Editing;

/// <summary>
/// The edits stage: replays <c>trace/minutes-edits.json</c> over the drafted minutes (07) and
/// writes the edited minutes (<c>07-minutes.edited.json</c>), which the render and review stages
/// read. Every reworded or inserted statement is verified again like a drafted one
/// (<see cref="MinutesVerifier"/>: a number nobody said is flagged); drafted statements keep the
/// verdict the draft stage gave them. It runs again whenever 07, the log or the transcript changed,
/// so a redraft keeps every edit whose drafted statement is unchanged and turns the others into
/// conflicts (<see cref="EditedMinutes"/>). It also runs for a run with transcript corrections and
/// no edits: what reviewers typed, in statements or in the transcript, is scanned for personal
/// information (<see cref="ReviewerPersonalInfo"/>) and its findings added to the edited minutes.
/// </summary>
public sealed class EditsStage : IStage
{
    /// <summary>The stage's name in the manifest (between draft and render).</summary>
    public const string Name = StageNames.Edits;

    /// <summary>
    /// What the last run of this stage made: the edited minutes as written (edited statements
    /// verified again) and the conflicts left; null until it has run. A caller that recorded an
    /// edit reads its outcome here instead of replaying the log once more.
    /// </summary>
    public EditedMinutes? Result { get; private set; }

    public StageDefinition Define(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        List<string> inputs = [RunFolder.MinutesTrace, MinutesEditLog.File, run.CurrentTranscript];
        if (!run.Exists(MinutesEditLog.File))
        {
            // A run with transcript corrections and no edits: the stage scans what the corrections typed.
            inputs.Remove(MinutesEditLog.File);
        }

        if (run.Exists(RunFolder.SessionsTrace))
        {
            inputs.Add(RunFolder.SessionsTrace);
        }

        if (run.CurrentTranscript != RunFolder.TranscriptTrace && run.Exists(RunFolder.TranscriptTrace))
        {
            // What the corrections changed is the corrected text that differs from the machine's.
            inputs.Add(RunFolder.TranscriptTrace);
        }

        if (run.CurrentSpeakers is { } speakers)
        {
            // Named speakers are public persons in the corrections' words, as in the draft.
            inputs.Add(speakers);
        }

        return new StageDefinition(Name, new Dictionary<string, string>
        {
            ["format"] = MinutesEditLog.CurrentFormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Edited minutes written before reviewers' words (edits, then also corrections) were scanned for personal information are not current.
            ["personalInformation"] = "scanned edits and corrections",
        }, inputs, [EditedMinutes.File]);
    }

    public Task RunAsync(RunFolder run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var log = MinutesEditLog.Load(run);
        if (log.BrokenLinks() is { Count: > 0 } broken)
        {
            throw new MinutesException(Messages.Get("EditsAltered", MinutesEditLog.File, string.Join(", ", broken)), ExitCodes.VerificationFailed);
        }

        var drafted = run.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument);
        var edited = EditedMinutes.Replay(drafted, log);
        var transcript = run.Read(run.CurrentTranscript, MinutesJson.Context.Transcript);
        var sessions = run.Exists(RunFolder.SessionsTrace) ? run.Read(RunFolder.SessionsTrace, MinutesJson.Context.SessionPlan) : Review.StatementCheck.NoSessions;
        var verdicts = MinutesVerifier.Verify(edited.Minutes, transcript, sessions).Sections.SelectMany(s => s.Items).GroupBy(i => i.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Verification, StringComparer.Ordinal);
        var changed = edited.EditedItems.ToHashSet(StringComparer.Ordinal);
        var minutes = edited.Minutes with
        {
            Sections = edited.Minutes.Sections.Select(s => s with
            {
                Items = s.Items.Select(i => changed.Contains(i.Id) ? i with { Verification = verdicts[i.Id] } : i).ToList(),
            }).ToList(),
            PersonalInformation = [.. edited.Minutes.PersonalInformation, .. ReviewerFindings(edited)],
        };
        minutes = minutes with { PersonalInformation = [.. minutes.PersonalInformation, .. CorrectionFindings(run, transcript, minutes.PersonalInformation)] };
        run.Write(EditedMinutes.File, minutes, MinutesJson.Context.MinutesDocument);
        Result = edited with { Minutes = minutes };
        return Task.CompletedTask;
    }

    /// <summary>
    /// The personal information in the reviewers' own words (reworded and inserted statements),
    /// found as the draft stage finds it in the transcript, so that it is flagged, decided and
    /// redacted like what was said. The finding's segment is the statement's id; the drafted
    /// findings' public names stay public and their private names are found here too.
    /// </summary>
    private static IReadOnlyList<PersonalInfoFinding> ReviewerFindings(EditedMinutes edited)
    {
        var changed = edited.EditedItems.ToHashSet(StringComparer.Ordinal);
        var texts = edited.Minutes.Sections.SelectMany(s => s.Items).Where(i => changed.Contains(i.Id)).Select(i => (i.Id, i.Text)).ToList();
        return ReviewerPersonalInfo.Find(texts, edited.Minutes.PersonalInformation, PersonalInfoActions.Edited);
    }

    /// <summary>
    /// The personal information in the reviewers' transcript corrections (the segments whose text a
    /// correction changed): a correction does not redraft, so what it typed reaches the transcript
    /// in the documents without the draft having seen it. The finding's segment is the corrected
    /// segment; what the draft already found there (drafted after the correction) is not found again.
    /// </summary>
    private static IReadOnlyList<PersonalInfoFinding> CorrectionFindings(RunFolder run, Transcript transcript, IReadOnlyList<PersonalInfoFinding> known)
    {
        if (run.CurrentTranscript == RunFolder.TranscriptTrace || !run.Exists(RunFolder.TranscriptTrace))
        {
            return [];
        }

        var machine = run.Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript);
        var speakers = run.CurrentSpeakers is { } current ? run.Read(current, MinutesJson.Context.SpeakerMap) : null;
        return ReviewerPersonalInfo.InCorrections(machine, transcript, speakers, known);
    }

    /// <summary>
    /// Whether what reviewers typed has been through this stage as it is now: false for a drafted run
    /// with edits or corrections whose edited minutes were written by an older stage (before
    /// corrections were scanned for personal information) or never, which must not be approved
    /// before <c>minutes review</c> runs the stage.
    /// </summary>
    public static bool IsScanned(RunFolder run, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(manifest);
        if (!EditedMinutes.HasReviewersWords(run) || !run.Exists(RunFolder.MinutesTrace))
        {
            return true;
        }

        var definition = new EditsStage().Define(run);
        var parameters = definition.Parameters;
        // Its inputs as they are now, too: a correction made after the stage last ran (an interrupted
        // correct, before the edits stage) is in a transcript the stage has not scanned.
        return manifest.Stage(Name) is { } record
            && definition.Inputs.All(run.Exists)
            && StageRunner.Ran(record, parameters, [.. definition.Inputs.Select(i => run.Digest(i))]);
    }

    /// <summary>Fails with one line, naming what to run, unless <see cref="IsScanned"/>: for what shows or publishes personal information.</summary>
    public static void RequireScanned(RunFolder run, Manifest? manifest = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!IsScanned(run, manifest ?? run.LoadManifest()))
        {
            throw new MinutesException(Messages.Get("ReviewersWordsNotScanned", EditedMinutes.File));
        }
    }

    /// <summary>
    /// Runs the stage when the run has edits or transcript corrections and its output is not current (before every render);
    /// returns what it made, or null when it did not run.
    /// </summary>
    public static async Task<EditedMinutes?> RunIfEditedAsync(RunFolder run, StageRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(runner);
        if (!EditedMinutes.HasReviewersWords(run) || !run.Exists(RunFolder.MinutesTrace))
        {
            return null;
        }

        var stage = new EditsStage();
        await runner.RunUnlessCurrentAsync(stage, cancellationToken).ConfigureAwait(false);
        return stage.Result;
    }
}
