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
        var recording = new Argument<string>("recording") { Description = "The recording (wav, mp3, ogg; m4a, mp4, flac, wma through ffmpeg)." };
        var output = new Option<string?>("--output", "-o") { Description = "The run folder (default: runs/<recording name>)." };
        var model = new Option<string?>("--model") { Description = "Whisper model: a name (base, small, large-v3-turbo, …) or a path to a ggml file." };
        var language = new Option<string>("--language") { Description = "Spoken language.", DefaultValueFactory = _ => WhisperOptions.DefaultLanguage };
        var glossary = new Option<string?>("--glossary") { Description = "A file of proper nouns (one per line) given to Whisper as the initial prompt." };
        var threads = new Option<int?>("--threads") { Description = "Threads for Whisper (default: all cores)." };
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
            recording, output, model, language, glossary, threads, vadModel, energyVad, speakers, minSpeakers, maxSpeakers, speakerNames, speakerModel, speakerThreshold, speakerPenalty, agenda, meeting, style, confidentiality, lower, reviewer, replacements, resume, stopAfter,
        };
        foreach (var option in llm.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetRequiredValue(recording);
            var config = MinutesConfig.Load();
            var options = new TranscribeOptions
            {
                Recording = file,
                Output = parse.GetValue(output) ?? Path.Combine("runs", Path.GetFileNameWithoutExtension(file)),
                Resume = parse.GetValue(resume),
                StopAfter = parse.GetValue(stopAfter),
                Vad = new VadOptions { Model = parse.GetValue(vadModel), Energy = parse.GetValue(energyVad) },
                Whisper = new WhisperOptions
                {
                    Model = parse.GetValue(model),
                    Language = parse.GetRequiredValue(language),
                    Glossary = parse.GetValue(glossary),
                    Threads = parse.GetValue(threads) ?? WhisperOptions.DefaultThreads,
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
            var run = await new MinutesPipeline(observer: progress, progress: progress).TranscribeAsync(options, cancellationToken);
            if (run.Exists(RunFolder.MinutesTrace) && Drafters.Level1Warning(run.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument)) is { } warning)
            {
                await console.Error.WriteLineAsync(warning);
            }

            await console.Out.WriteLineAsync($"Run folder: {run.Root}");
            return 0;
        });
        return command;
    }
}
