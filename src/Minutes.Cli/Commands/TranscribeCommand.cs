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

namespace Minutes.Cli.Commands;

/// <summary><c>minutes transcribe</c> (and its alias <c>run</c>): the whole pipeline on a recording.</summary>
internal static class TranscribeCommand
{
    public static Command Create(string name, CliConsole console)
    {
        var recording = new Argument<string[]>("recording") { Description = "The recording (wav, mp3, ogg; m4a, mp4, flac, wma through ffmpeg); several recordings of one meeting are joined in this order into one run.", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string?>("--output", "-o") { Description = "The run folder (default: runs/<recording name>); with --batch, the folder the runs go into (default: runs)." };
        var batch = new Option<string?>("--batch") { HelpName = "folder", Description = "A folder of recordings: each into its own run folder under -o, resumed when run before; one failure does not stop the rest; a summary table at the end." };
        var model = new Option<string?>("--model") { Description = "Whisper model: a name (base, small, large-v3-turbo, …) or a path to a ggml file." };
        var language = new Option<string>("--language") { Description = "Spoken language.", DefaultValueFactory = _ => WhisperOptions.DefaultLanguage };
        var glossary = new Option<string?>("--glossary") { Description = "A file of proper nouns (one per line) given to Whisper as the initial prompt (default: glossary in minutes.json); the first ones are kept when they do not all fit." };
        var threads = new Option<int?>("--threads") { Description = "Threads for Whisper (default: all cores)." };
        var beamSize = new Option<int?>("--beam-size") { Description = $"Beams of Whisper's beam search (default {WhisperDecoding.DefaultBeamSize}, as whisper.cpp's command-line tool; 1 is greedy)." };
        var fast = new Option<bool>("--fast") { Description = "Greedy decoding: faster, a little less accurate." };
        var processors = new Option<int?>("--processors") { Description = "Whisper processors decoding chunks in parallel; the threads are shared among them (default 1)." };
        var vadModel = new Option<string?>("--vad-model") { Description = "Silero VAD model (ggml); default: found in MINUTES_MODELS." };
        var energyVad = new Option<bool>("--energy-vad") { Description = "Use the energy detector even when a Silero model is available." };
        var speakers = new Option<int?>("--speakers") { Description = "The number of speakers, when known." };
        var minSpeakers = new Option<int?>("--min-speakers") { Description = "At least this many speakers." };
        var maxSpeakers = new Option<int?>("--max-speakers") { Description = "At most this many speakers." };
        var speakerModel = new Option<string?>("--speaker-model") { Description = $"An ONNX speaker-embedding model (fbank in, embedding out) for the diarizer; default: {SpeakerEmbedders.EnvironmentVariable}, else the built-in embedder." };
        var speakerThreshold = new Option<double?>("--speaker-threshold") { Description = $"Cosine distance at which the first clustering of voices stops merging, deliberately fine (default {DiarizationOptions.DefaultThreshold.ToString(CultureInfo.InvariantCulture)} for the built-in embedder; an ONNX model needs its own; 04-speakers.json's lastMerges shows the distances)." };
        var speakerPenalty = new Option<double?>("--speaker-penalty") { Description = $"BIC penalty that decides which of those clusters are one voice (default {DiarizationOptions.DefaultCountPenalty.ToString(CultureInfo.InvariantCulture)}, chosen for the built-in embedder; higher gives fewer speakers; 04-speakers.json's countMerges and countNext show the scores)." };
        var speakerNames = new Option<string?>("--speaker-names") { Description = "Names for the speakers found: S1=委員長,S2=田中委員." };
        var meeting = new Option<string?>("--meeting") { Description = "会議名/日時/場所 as 'key: value' lines, for the draft's header." };
        var llm = new LlmCommandOptions(prefixed: true);
        var style = CommonOptions.Style();
        var confidentiality = CommonOptions.Confidentiality();
        var lower = CommonOptions.LowerConfidentiality();
        var reviewer = CommonOptions.LevelReviewer();
        var agenda = new Option<string?>("--agenda") { Description = "Agenda file: one item per line." };
        var resume = new Option<bool>("--resume") { Description = "Reuse the stages of an earlier (interrupted) run whose inputs are unchanged." };
        var stopAfter = new Option<StopAfter>("--stop-after") { Description = "Stop after this stage." };
        var replacements = CommonOptions.Replacements();

        var command = new Command(name, name == "run"
            ? "The same as transcribe."
            : "The whole pipeline: from the recording to the draft minutes.")
        {
            recording, output, batch, model, language, glossary, threads, beamSize, fast, processors, vadModel, energyVad, speakers, minSpeakers, maxSpeakers, speakerNames, speakerModel, speakerThreshold, speakerPenalty, agenda, meeting, style, confidentiality, lower, reviewer, replacements, resume, stopAfter,
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
                throw new MinutesException(folder is null ? Text.NoRecording : Text.BatchAndRecordings, ExitCodes.Usage);
            }

            var config = MinutesConfig.Load();
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
                    Model = parse.GetValue(model),
                    Language = parse.GetRequiredValue(language),
                    Glossary = parse.GetValue(glossary),
                    GlossaryTerms = config.Glossary,
                    Threads = parse.GetValue(threads) ?? WhisperOptions.DefaultThreads,
                    BeamSize = parse.GetValue(beamSize),
                    Fast = parse.GetValue(fast),
                    Processors = parse.GetValue(processors) ?? 1,
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
                },
                Sessions = new SessionOptions { Agenda = parse.GetValue(agenda) },
                Draft = new DraftOptions
                {
                    Meeting = parse.GetValue(meeting),
                    Style = CommonOptions.StyleOf(parse, style, config),
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

            await console.Out.WriteLineAsync(Text.RunFolder + run.Root);
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
            new SyncProgress<BatchEntry>(e => console.Error.WriteLine(e.Status == BatchStatus.Failed ? string.Format(CultureInfo.InvariantCulture, Text.Failed, Path.GetFileName(e.Recording), e.Error) : string.Format(CultureInfo.InvariantCulture, Text.Finished, Path.GetFileName(e.Recording)))),
            cancellationToken);
        var rows = entries.Select(e => new[]
        {
            Path.GetFileName(e.Recording),
            e.Run,
            e.Status == BatchStatus.Done ? Text.StatusDone : Text.StatusFailed,
            e.Duration is { } d ? TimeSpan.FromSeconds(Math.Round(d)).ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : "-",
            e.Statements?.ToString(CultureInfo.InvariantCulture) ?? "-",
            e.Blockers?.ToString(CultureInfo.InvariantCulture) ?? "-",
        }).ToList();
        string[] header = [.. Text.Columns];
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            await console.Out.WriteLineAsync(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }

        var failed = entries.Count(e => e.Status == BatchStatus.Failed);
        await console.Out.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, Text.Total, entries.Count, entries.Count - failed, failed));
        foreach (var entry in entries.Where(e => e.Status == BatchStatus.Failed))
        {
            await console.Out.WriteLineAsync($"  {Path.GetFileName(entry.Recording)}: {entry.Error}");
        }

        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }

    /// <summary>What the command prints, in one place (to move into resources with the Japanese messages).</summary>
    private static class Text
    {
        public const string RunFolder = "Run folder: ";
        public const string NoRecording = "Give a recording (or several recordings of one meeting, in order), or --batch FOLDER.";
        public const string BatchAndRecordings = "--batch takes a folder of recordings; give either recordings or --batch, not both.";
        public const string Finished = "[batch] {0}: done";
        public const string Failed = "[batch] {0}: failed: {1}";
        public const string StatusDone = "done";
        public const string StatusFailed = "FAILED";
        public const string Total = "{0} recording(s): {1} done, {2} failed";

        public static IReadOnlyList<string> Columns { get; } = ["RECORDING", "RUN", "STATUS", "DURATION", "STATEMENTS", "BLOCKERS"];
    }
}
