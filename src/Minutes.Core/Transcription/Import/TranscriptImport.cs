using Minutes.Audio;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Sessions;

namespace Minutes.Transcription.Import;

/// <summary>What <c>minutes import</c> was asked to do.</summary>
public sealed record ImportOptions
{
    /// <summary>The transcript file (SRT, WebVTT, transcript JSON, text).</summary>
    public required string File { get; init; }

    /// <summary>The run folder.</summary>
    public required string Output { get; init; }

    /// <summary>The recording the transcript belongs to, recorded as the run's source.</summary>
    public string? Audio { get; init; }

    public SessionOptions Sessions { get; init; } = new();
}

/// <summary>The run an import made, what was read, and the sessions found.</summary>
public sealed record ImportResult(RunFolder Run, ImportedTranscript Imported, SessionPlan Sessions);

/// <summary>
/// Starts a run from an existing transcript: writes <c>03-transcript.json</c> (and
/// <c>04-speakers.json</c> when the file names speakers) through the stage runner, with the file
/// as an absolute input, then runs the sessions stage. The file is read and checked before the
/// run folder is touched, so a bad file leaves no stage behind.
/// </summary>
public sealed class TranscriptImport
{
    public async Task<ImportResult> RunAsync(ImportOptions options, IStageObserver? observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var file = Path.GetFullPath(options.File);
        options.Sessions.Validate();
        var imported = TranscriptImporter.Read(file);
        if (options.Sessions.Agenda is { } agenda && !System.IO.File.Exists(agenda))
        {
            throw new MinutesException($"Agenda file not found: {agenda}");
        }

        var audio = options.Audio is null ? null : Recording(options.Audio);
        var run = RunFolder.Create(options.Output, audio);
        if (audio is not null && run.LoadManifest().Source is { } existing && existing.Sha256 != audio.Sha256)
        {
            throw new MinutesException($"The run folder '{run.Root}' holds a run of another recording ({existing.FileName}); choose a new -o folder.");
        }

        var runner = new StageRunner(run, resume: false, observer);
        List<string> inputs = [file];
        if (audio is not null)
        {
            await new AudioStage(new AudioDecoder()).RunAsync(runner, audio, null, cancellationToken).ConfigureAwait(false);
            inputs.Add(audio.Path);
        }

        var parameters = new Dictionary<string, string> { ["source"] = TranscriptImporter.SourceKind, ["format"] = imported.Format };
        await runner.RunAsync(
            new StageDefinition(StageNames.Transcript, parameters, inputs, [RunFolder.TranscriptTrace]),
            _ =>
            {
                run.Write(RunFolder.TranscriptTrace, imported.Transcript, MinutesJson.Context.Transcript);
                return Task.CompletedTask;
            },
            cancellationToken).ConfigureAwait(false);

        if (imported.Speakers is { } speakers)
        {
            await runner.RunAsync(
                new StageDefinition(StageNames.Speakers, new Dictionary<string, string> { ["method"] = speakers.Method }, [file], [RunFolder.SpeakersTrace]),
                _ =>
                {
                    run.Write(RunFolder.SpeakersTrace, speakers, MinutesJson.Context.SpeakerMap);
                    return Task.CompletedTask;
                },
                cancellationToken).ConfigureAwait(false);
        }
        else
        {
            ForgetSpeakers(run);
        }

        await new SessionsStage().RunAsync(runner, options.Sessions, cancellationToken).ConfigureAwait(false);
        return new ImportResult(run, imported, run.Read(RunFolder.SessionsTrace, MinutesJson.Context.SessionPlan));
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

    private static SourceFile Recording(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new MinutesException($"Recording not found: {path}");
        }

        return new SourceFile(full, Path.GetFileName(full), Hashing.Sha256OfFile(full), new FileInfo(full).Length);
    }
}
