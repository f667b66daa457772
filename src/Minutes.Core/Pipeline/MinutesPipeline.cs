using Minutes.Audio;
using Minutes.Drafting;
using Minutes.Review;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Sessions;
using Minutes.Speakers;
using Minutes.Transcription;

namespace Minutes.Pipeline;

/// <summary>
/// The whole job of <c>minutes transcribe</c>: each stage reads the artifacts before it from the
/// run folder and writes its own before the next starts, so any stage can be resumed or re-run.
/// </summary>
public sealed class MinutesPipeline
{
    private readonly PipelineServices _services;

    public MinutesPipeline(PipelineServices? services = null) => _services = services ?? PipelineServices.Default;

    public async Task<RunFolder> TranscribeAsync(
        TranscribeOptions options,
        IStageObserver? observer,
        IProgress<StageProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.SpeakerModel is not null && options.StopAfter is StopAfter.None or >= StopAfter.Speakers)
        {
            // An unusable speaker model fails now, not after the transcription.
            SpeakerEmbedders.Open(options.SpeakerModel).Dispose();
        }

        var source = DescribeSource(options.Recording);
        var run = RunFolder.Create(options.Output, source);
        CheckSameSource(run, source, options.Resume);
        var runner = new StageRunner(run, options.Resume, observer);

        await new AudioStage(_services.Decoder()).RunAsync(runner, source, Report(progress, StageNames.Audio), cancellationToken).ConfigureAwait(false);
        if (options.StopAfter == StopAfter.Audio)
        {
            return run;
        }

        using var audio = PcmAudio.Open(run.PathOf(RunFolder.DecodedAudio));
        var vad = _services.Vad(options);
        await runner.RunAsync(
            new StageDefinition(StageNames.Vad, vad.Parameters, [RunFolder.DecodedAudio], [RunFolder.VadTrace]),
            ct =>
            {
                run.Write(RunFolder.VadTrace, vad.Detect(audio, Report(progress, StageNames.Vad), ct), MinutesJson.Context.VadTrace);
                return Task.CompletedTask;
            },
            cancellationToken).ConfigureAwait(false);
        if (options.StopAfter == StopAfter.Vad)
        {
            return run;
        }

        var transcriber = _services.Transcriber(options);
        await runner.RunAsync(
            new StageDefinition(StageNames.Transcript, transcriber.Parameters, [RunFolder.DecodedAudio, RunFolder.VadTrace], [RunFolder.TranscriptTrace]),
            async ct =>
            {
                var vadTrace = run.Read(RunFolder.VadTrace, MinutesJson.Context.VadTrace);
                var checkpoint = run.PathOf(RunFolder.TranscriptCheckpoint);
                if (!options.Resume)
                {
                    TranscriptionCheckpoint.Clear(checkpoint);
                }

                var transcript = await transcriber.TranscribeAsync(audio, vadTrace, checkpoint, Report(progress, StageNames.Transcript), ct).ConfigureAwait(false);
                run.Write(RunFolder.TranscriptTrace, transcript, MinutesJson.Context.Transcript);
            },
            cancellationToken).ConfigureAwait(false);
        if (options.StopAfter == StopAfter.Transcript)
        {
            return run;
        }

        var diarization = new DiarizationOptions
        {
            Speakers = options.Speakers,
            MinSpeakers = options.MinSpeakers,
            MaxSpeakers = options.MaxSpeakers,
            SpeakerNames = DiarizationOptions.ParseNames(options.SpeakerNames),
            SpeakerModel = options.SpeakerModel,
            Threshold = options.SpeakerThreshold ?? DiarizationOptions.DefaultThreshold,
            CountPenalty = options.SpeakerPenalty ?? DiarizationOptions.DefaultCountPenalty,
        };
        await new SpeakersStage().RunAsync(runner, diarization, cancellationToken).ConfigureAwait(false);
        if (options.StopAfter == StopAfter.Speakers)
        {
            return run;
        }

        await new SessionsStage().RunAsync(runner, new SessionOptions { Agenda = options.Agenda }, cancellationToken).ConfigureAwait(false);
        if (options.StopAfter == StopAfter.Sessions)
        {
            return run;
        }

        var draft = new DraftOptions { Meeting = options.Meeting, Style = options.Style, Confidentiality = options.Confidentiality };
        await new DraftStage(Drafters.Create(options.Llm, options.Confidentiality, options.Config)).RunAsync(runner, draft, cancellationToken).ConfigureAwait(false);
        await new ReviewStage().RunAsync(runner, cancellationToken).ConfigureAwait(false);
        return run;
    }

    private static SourceFile DescribeSource(string recording)
    {
        var path = Path.GetFullPath(recording);
        if (Directory.Exists(path))
        {
            throw new MinutesException($"'{recording}' is a folder, not a recording.");
        }

        if (!File.Exists(path))
        {
            throw new MinutesException($"Recording not found: {recording}");
        }

        return new SourceFile(path, Path.GetFileName(path), Hashing.Sha256OfFile(path), new FileInfo(path).Length);
    }

    /// <summary>
    /// A run folder belongs to one recording: reusing it for another would mix traces of two
    /// meetings, so that is refused unless the caller starts a fresh folder.
    /// </summary>
    private static void CheckSameSource(RunFolder run, SourceFile source, bool resume)
    {
        var manifest = run.LoadManifest();
        if (manifest.Source is { } existing && existing.Sha256 != source.Sha256)
        {
            throw new MinutesException(
                $"The run folder '{run.Root}' holds a run of another recording ({existing.FileName}); choose a new -o folder.");
        }

        if (manifest.Source is null && manifest.Stages.Count > 0 && resume)
        {
            throw new MinutesException($"The run folder '{run.Root}' was started from an imported transcript, not a recording.");
        }
    }

    private static SyncProgress<double>? Report(IProgress<StageProgress>? progress, string stage) =>
        progress is null ? null : new SyncProgress<double>(f => progress.Report(new StageProgress(stage, f)));
}
