using Minutes.Drafting;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Sessions;
using Minutes.Text;

namespace Minutes.Editing;

/// <summary>
/// The edits stage: replays <c>trace/minutes-edits.json</c> over the drafted minutes (07) and
/// writes the edited minutes (<c>07-minutes.edited.json</c>), which the render and review stages
/// read. Every reworded or inserted statement is verified again like a drafted one
/// (<see cref="MinutesVerifier"/>: a number nobody said is flagged); drafted statements keep the
/// verdict the draft stage gave them. It runs again whenever 07, the log or the transcript changed,
/// so a redraft keeps every edit whose drafted statement is unchanged and turns the others into
/// conflicts (<see cref="EditedMinutes"/>).
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
        if (run.Exists(RunFolder.SessionsTrace))
        {
            inputs.Add(RunFolder.SessionsTrace);
        }

        return new StageDefinition(Name, new Dictionary<string, string>
        {
            ["format"] = MinutesEditLog.CurrentFormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Edited minutes written before reviewers' words were scanned for personal information are not current.
            ["personalInformation"] = "scanned",
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
    private static IEnumerable<PersonalInfoFinding> ReviewerFindings(EditedMinutes edited)
    {
        var changed = edited.EditedItems.ToHashSet(StringComparer.Ordinal);
        var texts = edited.Minutes.Sections.SelectMany(s => s.Items).Where(i => changed.Contains(i.Id)).Select(i => (i.Id, i.Text)).ToList();
        if (texts.Count == 0)
        {
            return [];
        }

        var drafted = edited.Minutes.PersonalInformation.Where(f => f.Kind == PersonalInfoDetector.NameKind).ToList();
        var publicNames = drafted.Where(f => f.Person == PersonalInfoPerson.Public).Select(f => f.Text).Distinct(StringComparer.Ordinal).ToList();
        var privateNames = drafted.Where(f => f.Person != PersonalInfoPerson.Public).Select(f => f.Text).Distinct(StringComparer.Ordinal);
        return PersonalInfoDetector.FindIn(texts, publicNames, PersonalInfoActions.Edited, privateNames: privateNames);
    }

    /// <summary>
    /// Runs the stage when the run has edits and its output is not current (before every render);
    /// returns what it made, or null when it did not run.
    /// </summary>
    public static async Task<EditedMinutes?> RunIfEditedAsync(RunFolder run, StageRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(runner);
        if (!run.Exists(MinutesEditLog.File) || !run.Exists(RunFolder.MinutesTrace))
        {
            return null;
        }

        var stage = new EditsStage();
        await runner.RunUnlessCurrentAsync(stage, cancellationToken).ConfigureAwait(false);
        return stage.Result;
    }
}
