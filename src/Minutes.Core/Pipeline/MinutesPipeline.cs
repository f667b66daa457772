using Minutes.Audio;
using Minutes.Configuration;
using Minutes.Corrections;
using Minutes.Drafting;
using Minutes.Editing;
using Minutes.Json;
using Minutes.Policy;
using Minutes.Privacy;
using Minutes.Rendering;
using Minutes.Review;
using Minutes.Review.Workbench;
using Minutes.Runs;
using Minutes.Sessions;
using Minutes.Speakers;
using Minutes.Transcription;
using Minutes.Transcription.Import;
using Minutes.Vad;
using Minutes.Text;

namespace Minutes.Pipeline;

/// <summary>
/// The plans: which stages each command runs, in order. Every stage reads the artifacts before it
/// from the run folder and writes its own before the next starts, and one
/// <see cref="StageRunner"/> per plan records them in the manifest, so any stage can be resumed
/// or re-run. Commands only parse, call one plan and print.
/// </summary>
public sealed class MinutesPipeline
{
    private readonly PipelineServices _services;
    private readonly IStageObserver? _observer;
    private readonly IProgress<StageProgress>? _progress;

    public MinutesPipeline(PipelineServices? services = null, IStageObserver? observer = null, IProgress<StageProgress>? progress = null)
    {
        _services = services ?? PipelineServices.Default;
        _observer = observer;
        _progress = progress;
    }

    /// <summary>
    /// <c>minutes transcribe</c>: audio → vad → transcript → speakers → sessions → draft → render →
    /// review, or up to <see cref="TranscribeOptions.StopAfter"/>.
    /// </summary>
    public async Task<RunFolder> TranscribeAsync(TranscribeOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stop = options.StopAfter;

        // Made before anything runs, so a bad speaker model, speaker count or agenda fails now, not after the transcription.
        using var speakers = stop is StopAfter.None or >= StopAfter.Speakers ? new SpeakersStage(options.Diarization) : null;
        var sessions = stop is StopAfter.None or StopAfter.Sessions ? new SessionsStage(options.Sessions) : null;
        options.Whisper.Check();
        // The glossary file is read once, here: the warning and the transcriber's prompt share it.
        options = options with { Whisper = WhisperSetup.ReadGlossary(options.Whisper) };
        if (WhisperSetup.Glossary(options.Whisper) is { Cut: true } glossary)
        {
            _observer?.StageWarning(StageNames.Transcript, Messages.Get("GlossaryCut", glossary.Kept, glossary.Total, GlossaryPrompt.TokenBudget));
        }

        // The level (the run's own when it exists) and the endpoint it allows are settled before
        // the recording is even hashed: a level-3 run never transcribes only to be refused at the draft.
        var level = RunPolicy.Decide(ExistingRun(options.Output), options.Confidentiality);
        var draft = options.Draft with { Confidentiality = level.Level };
        var drafter = stop == StopAfter.None ? Drafters.Create(options.Llm, level.Level, options.Config) : null;

        var recordings = RunSource.DescribeAll(options.Recordings, cancellationToken);
        var run = RunSource.Open(options.Output, RunSource.Combined(recordings), options.Resume);
        RunPolicy.Record(run, level);
        var runner = new StageRunner(run, options.Resume, _observer);

        await runner.RunAsync(new AudioStage(_services.Decoder(), recordings, Report(StageNames.Audio)), cancellationToken).ConfigureAwait(false);
        WarnOfRepairs(run);
        speakers?.CheckRecording(run);
        if (stop == StopAfter.Audio)
        {
            return run;
        }

        await runner.RunAsync(new VadStage(_services.Vad(options.Vad), Report(StageNames.Vad)), cancellationToken).ConfigureAwait(false);
        if (stop == StopAfter.Vad)
        {
            return run;
        }

        var whisper = await ChooseModelAsync(run, options.Whisper, cancellationToken).ConfigureAwait(false);
        await runner.RunAsync(new TranscriptStage(_services.Transcriber(whisper), options.Resume, Report(StageNames.Transcript)), cancellationToken).ConfigureAwait(false);
        if (speakers is null)
        {
            return run;
        }

        await runner.RunAsync(speakers, cancellationToken).ConfigureAwait(false);
        await CorrectAsync(run, runner, options.Replacements, cancellationToken).ConfigureAwait(false);
        if (sessions is null)
        {
            return run;
        }

        await runner.RunAsync(sessions, cancellationToken).ConfigureAwait(false);
        WarnOf(sessions);
        if (stop == StopAfter.Sessions)
        {
            return run;
        }

        await runner.RunAsync(new DraftStage(drafter!, draft), cancellationToken).ConfigureAwait(false);
        await RenderAndReviewAsync(runner, cancellationToken).ConfigureAwait(false);
        return run;
    }

    /// <summary>
    /// <c>minutes transcribe --batch</c>: every recording in <paramref name="folder"/>
    /// (<see cref="RecordingFiles.In"/>) through <see cref="TranscribeAsync"/> into its own run
    /// folder under <paramref name="runs"/> (named after the recording), with the stages of
    /// <paramref name="template"/> and resume on, so a run finished before is reused and an
    /// interrupted one continues. A recording that fails is recorded with its reason and the
    /// others go on; only cancellation stops the batch. <paramref name="finished"/> hears of each
    /// recording as it ends.
    /// </summary>
    public async Task<IReadOnlyList<BatchEntry>> BatchAsync(string folder, string runs, TranscribeOptions template, IProgress<BatchEntry>? finished, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(template);
        if (!Directory.Exists(folder))
        {
            throw new MinutesException(File.Exists(folder) ? Messages.Get("BatchIsFile", folder) : Messages.Get("FolderNotFound", folder));
        }

        var recordings = RecordingFiles.In(folder);
        if (recordings.Count == 0)
        {
            throw new MinutesException(Messages.Get("BatchEmpty", folder));
        }

        var stems = recordings.GroupBy(Path.GetFileNameWithoutExtension, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var entries = new List<BatchEntry>();
        foreach (var recording in recordings)
        {
            // Two recordings that differ only by extension (a.wav, a.mp3) keep the extension in their run's name.
            var stem = Path.GetFileNameWithoutExtension(recording);
            var output = Path.GetFullPath(Path.Combine(runs, stems.Contains(stem) ? Path.GetFileName(recording) : stem));
            BatchEntry entry;
            try
            {
                var run = await TranscribeAsync(template with { Recording = recording, ContinuedBy = [], Output = output, Resume = true }, cancellationToken).ConfigureAwait(false);
                entry = Summarize(recording, run);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var reason = ex is MinutesException ? ex.Message : Messages.Get("UnexpectedError", ex.GetType().Name, ex.Message.ReplaceLineEndings(" "));
                entry = new BatchEntry(recording, output, BatchStatus.Failed, null, null, null, reason);
            }

            entries.Add(entry);
            finished?.Report(entry);
        }

        return entries;
    }

    private static BatchEntry Summarize(string recording, RunFolder run)
    {
        double? duration = run.Exists(RunFolder.AudioTrace) ? run.Read(RunFolder.AudioTrace, MinutesJson.Context.AudioInfo).Duration : null;
        if (!run.Exists(RunFolder.MinutesTrace))
        {
            return new BatchEntry(recording, run.Root, BatchStatus.Done, duration, null, null, null);
        }

        var flags = ReviewFlags.Of(run, RunArtifacts.Load(run));
        return new BatchEntry(recording, run.Root, BatchStatus.Done, duration, flags.Statements, flags.Blockers().Count, null);
    }

    /// <summary>
    /// <c>minutes import</c>: [audio] → transcript (and speakers, when the file names them) from
    /// the file → sessions. The file, the options and the recording are read and checked before
    /// the run folder is touched, so a bad file leaves no stage behind.
    /// </summary>
    public async Task<ImportResult> ImportAsync(ImportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sessions = new SessionsStage(options.Sessions);
        var file = Path.GetFullPath(options.File);
        var imported = TranscriptImporter.Read(file);
        var level = RunPolicy.Decide(ExistingRun(options.Output), options.Confidentiality);
        var audio = options.Audio is null ? null : RunSource.Describe(options.Audio, cancellationToken);
        var run = RunSource.Open(options.Output, audio, resume: false);
        RunPolicy.Record(run, level);
        var runner = new StageRunner(run, resume: false, _observer);

        if (audio is not null)
        {
            await runner.RunAsync(new AudioStage(_services.Decoder(), audio, Report(StageNames.Audio)), cancellationToken).ConfigureAwait(false);
            WarnOfRepairs(run);
        }

        await runner.RunAsync(new ImportedTranscriptStage(file, imported, audio?.Path), cancellationToken).ConfigureAwait(false);
        if (imported.Speakers is { } named)
        {
            await runner.RunAsync(new ImportedSpeakersStage(file, named), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            ForgetSpeakers(run);
        }

        await CorrectAsync(run, runner, options.Replacements, cancellationToken).ConfigureAwait(false);
        await runner.RunAsync(sessions, cancellationToken).ConfigureAwait(false);
        WarnOf(sessions);
        return new ImportResult(run, imported, run.Read(RunFolder.SessionsTrace, MinutesJson.Context.SessionPlan));
    }

    /// <summary>
    /// <c>minutes draft</c>: draft → render, at the run's level unless <paramref name="level"/>
    /// raises it (or lowers it, with a reason). Returns the structured minutes written. A draft that
    /// replaces a different one keeps it as <c>trace/07-minutes.previous.json</c>, so the review
    /// page can show what changed between the versions.
    /// </summary>
    public async Task<MinutesDocument> DraftAsync(RunFolder run, DraftOptions options, LlmOptions llm, MinutesConfig? config, ConfidentialityRequest level, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        // A bad level, file or endpoint fails before an LLM connection is set up and before the level is recorded.
        options.Validate();
        var decision = RunPolicy.Decide(run, level);
        var drafter = Drafters.Create(llm, decision.Level, config);
        RunPolicy.Record(run, decision);
        var runner = new StageRunner(run, resume: false, _observer);
        var before = run.Exists(RunFolder.MinutesTrace) ? File.ReadAllText(run.PathOf(RunFolder.MinutesTrace)) : null;
        await runner.RunAsync(new DraftStage(drafter, options with { Confidentiality = decision.Level }), cancellationToken).ConfigureAwait(false);
        DraftVersions.KeepPrevious(run, before);
        await EditsStage.RunIfEditedAsync(run, runner, cancellationToken).ConfigureAwait(false);
        await runner.RunAsync(new RenderStage(), cancellationToken).ConfigureAwait(false);
        return run.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument);
    }

    /// <summary><c>minutes review</c>: render (when 07 or what it cites changed) → review. Returns what needs attention.</summary>
    public async Task<ReviewFlags> ReviewAsync(RunFolder run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await RenderAndReviewAsync(new StageRunner(run, resume: false, _observer), cancellationToken).ConfigureAwait(false);
        return ReviewFlags.Of(run, RunArtifacts.Load(run));
    }

    /// <summary>
    /// <c>minutes render</c>: the canonical draft (<c>minutes.md</c> in the run) through the render
    /// stage; any other format, or another file, is a copy rendered from the artifacts, not a
    /// stage. Returns the file written.
    /// </summary>
    public Task<string> RenderAsync(RunFolder run, RenderFormat format, string? output, bool publicVersion, CancellationToken cancellationToken) =>
        RenderAsync(run, format, output, publicVersion, withCitations: false, cancellationToken);

    /// <summary>
    /// <c>minutes render</c>: a filing copy of the minutes (md, docx, html, txt) under
    /// <c>&lt;run&gt;/filing/</c> or at <paramref name="output"/>, without citation markers unless
    /// <paramref name="withCitations"/>; subtitles (srt, vtt) beside the run's files. The run's own
    /// <c>minutes.md</c> (the review draft, with citations) is never overwritten.
    /// </summary>
    public Task<string> RenderAsync(RunFolder run, RenderFormat format, string? output, bool publicVersion, bool withCitations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        cancellationToken.ThrowIfCancellationRequested();
        var labels = DocumentLabels.Japanese;
        if (publicVersion)
        {
            // The 公開版: what reviewers redacted with 'minutes pii' replaced by the redaction mark;
            // never from minutes whose reviewer-typed words were not scanned (they could hold a finding no one saw).
            Editing.EditsStage.RequireScanned(run);
            var published = PublicVersion.Of(RunArtifacts.Load(run), PrivacyDecisions.Review(run), labels["Redacted"]);
            var target = Path.GetFullPath(output ?? Path.Combine(run.PathOf(DocumentFormats.FilingFolder), "minutes.public." + DocumentFormats.Extension(format)));
            run.RefuseOverwrite(target);
            AtomicFile.WriteAllBytes(target, DocumentFormats.Render(published, format, labels, withCitations));
            return Task.FromResult(target);
        }

        var file = Path.GetFullPath(output ?? (DocumentFormats.IsDocument(format)
            ? Path.Combine(run.PathOf(DocumentFormats.FilingFolder), DocumentFormats.DefaultFileName(format))
            : run.PathOf(DocumentFormats.DefaultFileName(format))));
        run.RefuseOverwrite(file);
        AtomicFile.WriteAllBytes(file, DocumentFormats.Render(RunArtifacts.Load(run), format, labels, withCitations));
        return Task.FromResult(file);
    }

    /// <summary>
    /// <c>minutes correct</c>: one reviewer's correction, checked against the transcript as it
    /// stands, appended to <c>trace/corrections.json</c>; then corrections → (render → review, when
    /// the run has a draft), so the review page shows the corrected text and what it now flags.
    /// <paramref name="reviewPage"/> false leaves <c>review.html</c> to be written later (the review
    /// workbench serves the page itself and writes the file when it stops).
    /// </summary>
    public async Task<CorrectionResult> CorrectAsync(RunFolder run, CorrectionRequest request, string reviewer, string? reason, CancellationToken cancellationToken, bool reviewPage = true)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(request);
        var name = ReviewerName.Normalize(reviewer);
        CorrectionLog log;
        Correction correction;
        using (ApprovalLock.Acquire(run, "correct", ApprovalLock.DefaultTimeout, cancellationToken: cancellationToken))
        {
            log = CorrectionLog.Load(run);
            correction = Corrector.Prepare(CorrectedTranscript.Replay(MachineTranscript(run), MachineSpeakers(run), log), request, name, reason, DateTimeOffset.UtcNow);
            log = log.Append(correction);
            run.Write(RunFolder.CorrectionsTrace, log, MinutesJson.Context.CorrectionLog);
        }

        var runner = new StageRunner(run, resume: false, _observer);
        await runner.RunAsync(new CorrectionsStage(), cancellationToken).ConfigureAwait(false);
        var cited = new List<string>();
        if (run.Exists(RunFolder.MinutesTrace))
        {
            await RenderDraftAsync(runner, reviewPage, cancellationToken).ConfigureAwait(false);
            // The minutes as the reviewer sees them: an inserted statement citing the segment counts, a deleted one does not.
            var minutes = run.Read(EditedMinutes.CurrentFile(run), MinutesJson.Context.MinutesDocument);
            cited.AddRange(minutes.Sections.SelectMany(s => s.Items).Where(i => i.Citations.Intersect(correction.Segments).Any()).Select(i => i.Id));
        }

        return new CorrectionResult(log.Corrections[^1], cited);
    }

    /// <summary>
    /// <c>minutes pii --keep|--redact</c>: a reviewer's decision on one finding, appended to
    /// <c>trace/privacy-decisions.json</c>; then render → review, which records the decisions in
    /// the manifest so that the next approval binds them. <paramref name="reviewPage"/> false leaves
    /// the page to be written later (the review workbench writes it before an approval).
    /// </summary>
    public async Task<PrivacyDecision> DecideAsync(RunFolder run, string findingId, PrivacyDecisionKind decision, string reviewer, string? reason, CancellationToken cancellationToken, bool reviewPage = true)
    {
        ArgumentNullException.ThrowIfNull(run);
        PrivacyDecision recorded;
        using (ApprovalLock.Acquire(run, "pii", ApprovalLock.DefaultTimeout, cancellationToken: cancellationToken))
        {
            recorded = PrivacyDecisions.Record(run, findingId, decision, ReviewerName.Normalize(reviewer), reason, DateTimeOffset.UtcNow);
        }

        if (reviewPage)
        {
            await RenderAndReviewAsync(new StageRunner(run, resume: false, _observer), cancellationToken).ConfigureAwait(false);
        }

        return recorded;
    }

    /// <summary>
    /// <c>minutes edit</c>: one reviewer's edit of the minutes, checked against the minutes as they
    /// stand, appended to <c>trace/minutes-edits.json</c> under the run's lock; then edits → render
    /// (→ review unless <paramref name="reviewPage"/> is false, as in the workbench), so the
    /// documents show the edited text and the edited statement is verified again.
    /// </summary>
    public async Task<EditResult> EditAsync(RunFolder run, MinutesEditRequest request, string reviewer, string? reason, CancellationToken cancellationToken, bool reviewPage = true)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(request);
        var name = ReviewerName.Normalize(reviewer);
        if (!run.Exists(RunFolder.MinutesTrace))
        {
            throw new MinutesException(Messages.Get("RunHasNoDraft", RunFolder.MinutesTrace));
        }

        MinutesEditLog log;
        using (ApprovalLock.Acquire(run, "edit", ApprovalLock.DefaultTimeout, cancellationToken: cancellationToken))
        {
            log = MinutesEditLog.Load(run);
            var drafted = run.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument);
            var edit = MinutesEditor.Prepare(drafted, log, run.Read(run.CurrentTranscript, MinutesJson.Context.Transcript), request, name, reason, DateTimeOffset.UtcNow);
            log = log.Append(edit);
            run.Write(MinutesEditLog.File, log, MinutesJson.Context.MinutesEditLog);
        }

        // The edits stage replays the log once (the new edit changed it, so it runs); its result is the edit's outcome.
        var edited = await RenderDraftAsync(new StageRunner(run, resume: false, _observer), reviewPage, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The edits stage did not run although its log changed.");
        var recorded = log.Edits[^1];
        var id = recorded.NewItem ?? recorded.Item;
        var statement = edited.Minutes.Sections.SelectMany(s => s.Items).FirstOrDefault(i => i.Id == id);
        return new EditResult(recorded, statement, edited.Conflicts);
    }

    /// <summary>
    /// The replacement dictionary, when one is given, recorded as corrections; then the
    /// corrections stage, when the run has any corrections (a resumed run keeps a reviewer's).
    /// </summary>
    private static async Task CorrectAsync(RunFolder run, StageRunner runner, ReplacementDictionary? dictionary, CancellationToken cancellationToken)
    {
        if (dictionary is not null)
        {
            var log = CorrectionLog.Load(run);
            var updated = dictionary.ApplyTo(log, CorrectedTranscript.Replay(MachineTranscript(run), MachineSpeakers(run), log), DateTimeOffset.UtcNow);
            if (updated.Corrections.Count > log.Corrections.Count)
            {
                run.Write(RunFolder.CorrectionsTrace, updated, MinutesJson.Context.CorrectionLog);
            }
        }

        if (run.Exists(RunFolder.CorrectionsTrace))
        {
            await runner.RunAsync(new CorrectionsStage(), cancellationToken).ConfigureAwait(false);
        }
    }

    private static Transcript MachineTranscript(RunFolder run) =>
        run.Exists(RunFolder.TranscriptTrace)
            ? run.Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript)
            : throw new MinutesException(Messages.Get("NothingToCorrect", RunFolder.TranscriptTrace));

    private static SpeakerMap? MachineSpeakers(RunFolder run) =>
        run.Exists(RunFolder.SpeakersTrace) ? run.Read(RunFolder.SpeakersTrace, MinutesJson.Context.SpeakerMap) : null;

    /// <summary>
    /// The draft is rendered again only when 07 or what it cites changed, with or without resume,
    /// so its version stays stable; then the review page.
    /// </summary>
    private static Task RenderAndReviewAsync(StageRunner runner, CancellationToken cancellationToken) =>
        RenderDraftAsync(runner, reviewPage: true, cancellationToken);

    /// <summary>
    /// After a reviewer's correction or edit: edits → render, each only when not current, then the
    /// review page unless <paramref name="reviewPage"/> is false (the workbench writes it later).
    /// Returns what the edits stage made when it ran, else null.
    /// </summary>
    private static async Task<EditedMinutes?> RenderDraftAsync(StageRunner runner, bool reviewPage, CancellationToken cancellationToken)
    {
        var edited = await EditsStage.RunIfEditedAsync(runner.Run, runner, cancellationToken).ConfigureAwait(false);
        await runner.RunUnlessCurrentAsync(new RenderStage(), cancellationToken).ConfigureAwait(false);
        if (reviewPage)
        {
            await runner.RunAsync(new ReviewStage(), cancellationToken).ConfigureAwait(false);
        }

        return edited;
    }

    /// <summary>
    /// Speakers of an earlier transcript in this folder would point at segments that no longer
    /// exist: the file goes and the manifest says the stage was skipped.
    /// </summary>
    private static void ForgetSpeakers(RunFolder run)
    {
        File.Delete(run.PathOf(RunFolder.SpeakersTrace));
        run.SaveManifest(run.LoadManifest().WithStage(new StageRecord(
            StageNames.Speakers,
            StageStatus.Skipped,
            new Dictionary<string, string> { ["method"] = "none" },
            [],
            [],
            DateTimeOffset.UtcNow,
            0,
            "the imported transcript names no speakers")));
    }

    /// <summary>
    /// <c>--model auto</c>: once the recording's length and speech are known, the model that fits
    /// (<see cref="Models.ModelChooser"/>), said in one line; other options pass through.
    /// </summary>
    private async Task<WhisperOptions> ChooseModelAsync(RunFolder run, WhisperOptions whisper, CancellationToken cancellationToken)
    {
        if (!whisper.IsAuto)
        {
            return whisper;
        }

        var vad = run.Read(RunFolder.VadTrace, MinutesJson.Context.VadTrace);
        var speech = Chunking.Plan(vad.Regions).Sum(c => c.Duration);
        var choice = await new Models.ModelChooser(_services.Models()).ChooseAsync(
            whisper,
            vad.Duration,
            speech,
            line => _observer?.StageNote(StageNames.Transcript, line),
            cancellationToken).ConfigureAwait(false);
        _observer?.StageNote(StageNames.Transcript, Messages.Get("AutoChoice", choice.Model, choice.Reason));
        return whisper with { Choice = choice };
    }

    /// <summary>
    /// A repaired recording (cut off, or a header that lies about its length) is transcribed as
    /// far as it goes; the person running the command hears of each repair, not only the trace.
    /// </summary>
    private void WarnOfRepairs(RunFolder run)
    {
        foreach (var warning in run.Read(RunFolder.AudioTrace, MinutesJson.Context.AudioInfo).Warnings ?? [])
        {
            _observer?.StageWarning(StageNames.Audio, Messages.Get("RecordingRepaired", warning));
        }
    }

    private void WarnOf(SessionsStage sessions)
    {
        foreach (var warning in sessions.Warnings)
        {
            _observer?.StageWarning(StageNames.Sessions, warning.Text);
        }
    }

    /// <summary>The run already in <paramref name="output"/>, or null when the folder holds none yet.</summary>
    private static RunFolder? ExistingRun(string output) =>
        File.Exists(Path.Combine(Path.GetFullPath(output), RunFolder.ManifestFile)) ? RunFolder.Open(output) : null;

    private SyncProgress<double>? Report(string stage) =>
        _progress is null ? null : new SyncProgress<double>(f => _progress.Report(new StageProgress(stage, f)));
}
