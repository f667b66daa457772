using System.CommandLine;
using System.Globalization;
using Minutes.Configuration;
using Minutes.Drafting;
using Minutes.Json;
using Minutes.Pipeline;
using Minutes.Runs;
using Minutes.Sessions;
using Minutes.Speakers;
using Minutes.Transcription;
using Minutes.Vad;
using Minutes.Text;

namespace Minutes.Cli.Commands;

/// <summary><c>minutes transcribe</c> (and its alias <c>run</c>): the whole pipeline on a recording.</summary>
internal static class TranscribeCommand
{
    public static Command Create(string name, CliConsole console)
    {
        var recording = new Argument<string[]>("recording") { Description = Messages.Get("HelpTranscribeRecording"), Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string?>("--output", "-o") { Description = Messages.Get("HelpTranscribeOutput") };
        var batch = new Option<string?>("--batch") { HelpName = "folder", Description = Messages.Get("HelpTranscribeBatch") };
        var model = new Option<string?>("--model") { Description = Messages.Get("HelpTranscribeModel") };
        var language = new Option<string>("--language") { Description = Messages.Get("HelpTranscribeLanguage"), DefaultValueFactory = _ => WhisperOptions.DefaultLanguage };
        var glossary = new Option<string?>("--glossary") { Description = Messages.Get("HelpTranscribeGlossary") };
        var threads = new Option<int?>("--threads") { Description = Messages.Get("HelpTranscribeThreads") };
        var beamSize = new Option<int?>("--beam-size") { Description = Messages.Get("HelpTranscribeBeamSize", WhisperDecoding.DefaultBeamSize) };
        var fast = new Option<bool>("--fast") { Description = Messages.Get("HelpTranscribeFast") };
        var processors = new Option<int?>("--processors") { Description = Messages.Get("HelpTranscribeProcessors") };
        var maxRtf = new Option<double?>("--max-rtf") { HelpName = "x", Description = Messages.Get("HelpTranscribeMaxRtf", WhisperOptions.DefaultMaxRtf.ToString(CultureInfo.InvariantCulture)) };
        var vadModel = new Option<string?>("--vad-model") { Description = Messages.Get("HelpTranscribeVadModel") };
        var energyVad = new Option<bool>("--energy-vad") { Description = Messages.Get("HelpTranscribeEnergyVad") };
        var speakers = new Option<int?>("--speakers") { Description = Messages.Get("HelpTranscribeSpeakers") };
        var minSpeakers = new Option<int?>("--min-speakers") { Description = Messages.Get("HelpTranscribeMinSpeakers") };
        var maxSpeakers = new Option<int?>("--max-speakers") { Description = Messages.Get("HelpTranscribeMaxSpeakers") };
        var speakerModel = new Option<string?>("--speaker-model") { Description = Messages.Get("HelpTranscribeSpeakerModel", SpeakerEmbedders.EnvironmentVariable) };
        var speakerThreshold = new Option<double?>("--speaker-threshold") { Description = Messages.Get("HelpTranscribeSpeakerThreshold", DiarizationOptions.DefaultThreshold.ToString(CultureInfo.InvariantCulture)) };
        var speakerPenalty = new Option<double?>("--speaker-penalty") { Description = Messages.Get("HelpTranscribeSpeakerPenalty", DiarizationOptions.DefaultCountPenalty.ToString(CultureInfo.InvariantCulture)) };
        var speakerNames = new Option<string?>("--speaker-names") { Description = Messages.Get("HelpTranscribeSpeakerNames") };
        var channels = new Option<string?>("--channels") { HelpName = string.Join('|', ChannelModes.Names), Description = Messages.Get("HelpTranscribeChannels", ChannelModes.Default.Name()) };
        var meeting = new Option<string?>("--meeting") { Description = Messages.Get("HelpTranscribeMeeting") };
        var llm = new LlmCommandOptions(prefixed: true);
        var style = CommonOptions.Style();
        var confidentiality = CommonOptions.Confidentiality();
        var lower = CommonOptions.LowerConfidentiality();
        var reviewer = CommonOptions.LevelReviewer();
        var agenda = new Option<string?>("--agenda") { Description = Messages.Get("HelpTranscribeAgenda") };
        var resume = new Option<bool>("--resume") { Description = Messages.Get("HelpTranscribeResume") };
        var stopAfter = new Option<StopAfter>("--stop-after") { Description = Messages.Get("HelpTranscribeStopAfter") };
        var replacements = CommonOptions.Replacements();

        var command = new Command(name, Messages.Get(name == "run" ? "HelpRunCommand" : "HelpTranscribeCommand"))
        {
            recording, output, batch, model, maxRtf, language, glossary, threads, beamSize, fast, processors, vadModel, energyVad, speakers, minSpeakers, maxSpeakers, speakerNames, speakerModel, speakerThreshold, speakerPenalty, channels, agenda, meeting, style, confidentiality, lower, reviewer, replacements, resume, stopAfter,
        };
        foreach (var option in llm.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var files = parse.GetValue(recording) ?? [];
            var folder = parse.GetValue(batch);
            if ((folder is null) == (files.Length == 0))
            {
                throw new MinutesException(Messages.Get(folder is null ? "NoRecording" : "BatchAndRecordings"), ExitCodes.Usage);
            }

            var config = MinutesConfig.Load();
            var whisperModel = parse.GetValue(model) ?? config.Model;
            var rtf = parse.GetValue(maxRtf);

            // A limit that nothing reads would be silently ignored: --max-rtf only steers --model auto.
            if (rtf is not null && !WhisperOptions.IsAutoName(whisperModel))
            {
                throw new MinutesException(Messages.Get("MaxRtfWithoutAuto"), ExitCodes.Usage);
            }

            var options = new TranscribeOptions
            {
                Recording = folder ?? files[0],
                ContinuedBy = files.Skip(1).ToList(),
                Output = parse.GetValue(output) ?? (folder is null ? Path.Combine("runs", Path.GetFileNameWithoutExtension(files[0])) : "runs"),
                Resume = parse.GetValue(resume),
                StopAfter = parse.GetValue(stopAfter),
                Vad = new VadOptions { Model = parse.GetValue(vadModel), Energy = parse.GetValue(energyVad) },
                Whisper = new WhisperOptions
                {
                    Model = whisperModel,
                    Language = parse.GetRequiredValue(language),
                    Glossary = parse.GetValue(glossary),
                    GlossaryTerms = config.Glossary,
                    Threads = parse.GetValue(threads) ?? WhisperOptions.DefaultThreads,
                    BeamSize = parse.GetValue(beamSize),
                    Fast = parse.GetValue(fast),
                    Processors = parse.GetValue(processors) ?? 1,
                    MaxRtf = rtf ?? config.MaxRtf ?? WhisperOptions.DefaultMaxRtf,
                },
                Diarization = new DiarizationOptions
                {
                    Speakers = parse.GetValue(speakers),
                    MinSpeakers = parse.GetValue(minSpeakers),
                    MaxSpeakers = parse.GetValue(maxSpeakers),
                    SpeakerNames = DiarizationOptions.ParseNames(parse.GetValue(speakerNames)),
                    SpeakerModel = SpeakerEmbedders.ModelPath(parse.GetValue(speakerModel)),
                    Threshold = parse.GetValue(speakerThreshold) ?? DiarizationOptions.DefaultThreshold,
                    CountPenalty = parse.GetValue(speakerPenalty) ?? DiarizationOptions.DefaultCountPenalty,
                    Channels = (parse.GetValue(channels) ?? config.Channels) is { } mode ? ChannelModes.Parse(mode) : ChannelModes.Default,
                },
                Sessions = new SessionOptions { Agenda = parse.GetValue(agenda) },
                Draft = new DraftOptions
                {
                    Meeting = parse.GetValue(meeting),
                    Style = CommonOptions.StyleOf(parse, style, config),
                    StyleSource = CommonOptions.StyleSourceOf(parse, style, config),
                },
                Confidentiality = CommonOptions.ConfidentialityRequestOf(parse, confidentiality, lower, reviewer, config, name),
                Llm = llm.Read(parse),
                Config = config,
                Replacements = CommonOptions.ReplacementsOf(parse, replacements, config),
            };
            var progress = new ConsoleProgress(console);
            if (folder is not null)
            {
                return await BatchAsync(console, folder, options, progress, cancellationToken);
            }

            var run = await new MinutesPipeline(observer: progress, progress: progress).TranscribeAsync(options, cancellationToken);
            if (run.Exists(RunFolder.MinutesTrace) && Drafters.Level1Warning(run.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument)) is { } warning)
            {
                await console.Error.WriteLineAsync(warning);
            }

            await console.Out.WriteLineAsync(Messages.Get("RunFolderIs", run.Root));
            return 0;
        });
        return command;
    }

    /// <summary>Runs the batch plan, says on stderr how each recording ended, then prints the summary table; exit 2 when any failed.</summary>
    private static async Task<int> BatchAsync(CliConsole console, string folder, TranscribeOptions template, ConsoleProgress progress, CancellationToken cancellationToken)
    {
        var pipeline = new MinutesPipeline(observer: progress, progress: progress);
        var entries = await pipeline.BatchAsync(
            folder,
            template.Output,
            template,
            new SyncProgress<BatchEntry>(e => console.Error.WriteLine(e.Status == BatchStatus.Failed ? Messages.Get("BatchFailed", Path.GetFileName(e.Recording), e.Error) : Messages.Get("BatchFinished", Path.GetFileName(e.Recording)))),
            cancellationToken);
        var rows = entries.Select(e => (IReadOnlyList<string>)new[]
        {
            Path.GetFileName(e.Recording),
            e.Run,
            e.Status == BatchStatus.Done ? Messages.Get("BatchStatusDone") : Messages.Get("BatchStatusFailed"),
            e.Duration is { } d ? TimeSpan.FromSeconds(Math.Round(d)).ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : "-",
            e.Statements?.ToString(CultureInfo.InvariantCulture) ?? "-",
            e.Blockers?.ToString(CultureInfo.InvariantCulture) ?? "-",
        }).ToList();
        // Padded by display width: a Japanese file name or header takes two columns a character in a terminal.
        foreach (var line in DisplayWidth.Table([Messages.Get("BatchColumns").Split(' '), .. rows]))
        {
            await console.Out.WriteLineAsync(line);
        }

        var failed = entries.Count(e => e.Status == BatchStatus.Failed);
        await console.Out.WriteLineAsync(Messages.Get("BatchTotal", entries.Count, entries.Count - failed, failed));
        foreach (var entry in entries.Where(e => e.Status == BatchStatus.Failed))
        {
            await console.Out.WriteLineAsync($"  {Path.GetFileName(entry.Recording)}: {entry.Error}");
        }

        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }
}
