using System.Globalization;
using Minutes.Audio;
using Minutes.Json;
using Minutes.Pipeline;
using Minutes.Runs;
using Minutes.Transcription;
using Minutes.Vad;

namespace Minutes.Bench;

/// <summary>Each stage of the pipeline, run alone on the files of an earlier stage.</summary>
public static class Stages
{
    public static async Task<int> RunChildAsync(string[] args)
    {
        var measurement = args[0] switch
        {
            "baseline" => await Measurement.TimeAsync("baseline", () => Task.FromResult(new Dictionary<string, double>())),
            "decode" => await Measurement.TimeAsync("decode", () => DecodeAsync(args[1], args[2])),
            "vad" => await Measurement.TimeAsync($"vad-{args[2]}", () => Task.FromResult(Vad(args[1], args[2], args[3], args[4]))),
            "speakers" => await Measurement.TimeAsync(args[3] == "yes" ? "speakers" : "speakers-no-resegment", () => SpeakersAsync(args[1], args[2], args[3] == "yes")),
            "transcribe" => await Measurement.TimeAsync(args[2] == "none" ? "transcribe-ungated" : "transcribe", () => TranscribeAsync(args[1], args[2], args[3])),
            "sessions" => await Measurement.TimeAsync("import+sessions", () => SessionsAsync(args[1], args[2], args[3])),
            "draft" => await Measurement.TimeAsync(args[2] == "offline" ? "draft-offline" : "draft-llm-loopback", () => DraftAsync(args[1], args[2])),
            "samples" => await Measurement.TimeAsync("samples", () => SamplesAsync(args.Length > 1 ? args[1..] : SampleFolders())),
            _ => throw new ArgumentException($"unknown stage {args[0]}"),
        };
        Console.WriteLine(Measurement.ToJson(measurement));
        return 0;
    }

    private static async Task<Dictionary<string, double>> DecodeAsync(string source, string pcm)
    {
        var info = await PipelineServices.Default.Decoder().DecodeAsync(source, pcm, null, CancellationToken.None);
        return new() { ["audioSeconds"] = info.Duration };
    }

    private static Dictionary<string, double> Vad(string pcm, string kind, string truthTsv, string output)
    {
        using var audio = PcmAudio.Open(pcm);
        var options = new VadOptions { Energy = kind == "energy", Model = kind == "silero" ? SileroPath() : null };
        var trace = VoiceActivityDetectors.Create(options).Detect(audio, null, CancellationToken.None);
        if (kind == "silero" && trace.Detector != "silero")
        {
            throw new InvalidOperationException($"Silero was asked for but {trace.Detector} ran: {trace.FallbackReason}");
        }

        File.WriteAllText(output, MinutesJson.Serialize(trace, MinutesJson.Context.VadTrace));
        var truth = SpeechScoring.LoadIntervals(truthTsv);
        var score = SpeechScoring.Score(trace.Regions.Select(r => (r.Start, r.End)).ToList(), truth, audio.Duration);
        return new()
        {
            ["audioSeconds"] = audio.Duration,
            ["speechShare"] = trace.SpeechSeconds / audio.Duration,
            ["regions"] = trace.Regions.Count,
            ["precision"] = score.Precision,
            ["recall"] = score.Recall,
            ["f1"] = score.F1,
        };
    }

    private static async Task<Dictionary<string, double>> TranscribeAsync(string pcm, string vadJson, string model)
    {
        using var audio = PcmAudio.Open(pcm);
        var vad = vadJson == "none"
            ? WholeRecording(audio.Duration)
            : MinutesJson.Deserialize(File.ReadAllText(vadJson), MinutesJson.Context.VadTrace);
        var checkpoint = Path.Combine(Path.GetTempPath(), $"bench-chunks-{Guid.NewGuid():N}");
        try
        {
            var transcriber = new WhisperTranscriber(new WhisperSettings { ModelPath = model, Threads = Environment.ProcessorCount });
            var transcript = await transcriber.TranscribeAsync(audio, vad, checkpoint, null, CancellationToken.None);
            var sent = Chunking.Plan(vad.Regions).Sum(c => c.Duration);
            return new()
            {
                ["audioSeconds"] = audio.Duration,
                ["sentToWhisperShare"] = sent / audio.Duration,
                ["chunks"] = Chunking.Plan(vad.Regions).Count,
                ["segments"] = transcript.Segments.Count,
            };
        }
        finally
        {
            TranscriptionCheckpoint.Clear(checkpoint);
        }
    }

    /// <summary>
    /// The speakers stage on a run folder made of the decoded recording and its VAD regions (one
    /// transcript segment per region, as the stage only needs their times).
    /// </summary>
    private static async Task<Dictionary<string, double>> SpeakersAsync(string pcm, string vadJson, bool resegment)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"bench-run-{Guid.NewGuid():N}");
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var map = await DiarizeAsync(pcm, vadJson, resegment, folder);
            using var audio = PcmAudio.Open(pcm);
            return new() { ["audioSeconds"] = audio.Duration, ["speakersFound"] = map.Speakers.Count, ["windows"] = map.Count?.Windows ?? 0, ["pieces"] = map.Count?.Pieces ?? 0, ["stageSeconds"] = clock.Elapsed.TotalSeconds };
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A run folder made of the decoded recording and its VAD regions (one transcript segment per region: the stage only needs their times), diarized.</summary>
    private static async Task<Minutes.Speakers.SpeakerMap> DiarizeAsync(string pcm, string vadJson, bool resegment, string folder, int? speakers = null)
    {
        var run = Minutes.Runs.RunFolder.Create(folder, null);
        Directory.CreateDirectory(Path.GetDirectoryName(run.PathOf(Minutes.Runs.RunFolder.DecodedAudio))!);
        File.Copy(pcm, run.PathOf(Minutes.Runs.RunFolder.DecodedAudio));
        var vad = MinutesJson.Deserialize(File.ReadAllText(vadJson), MinutesJson.Context.VadTrace);
        run.Write(Minutes.Runs.RunFolder.VadTrace, vad, MinutesJson.Context.VadTrace);
        var segments = vad.Regions.Select((r, i) => new TranscriptSegment($"s{i + 1:D4}", r.Start, r.End, "x", RegionId: r.Id)).ToList();
        run.Write(Minutes.Runs.RunFolder.TranscriptTrace, new Transcript("ja", new TranscriptSource("bench", "regions"), new Dictionary<string, string>(), segments, []), MinutesJson.Context.Transcript);
        using var stage = new Minutes.Speakers.SpeakersStage(new Minutes.Speakers.DiarizationOptions { Resegment = resegment, Speakers = speakers, ProfilesFolder = Path.Combine(folder, "no-profiles") });
        await new StageRunner(run, resume: false).RunAsync(stage, CancellationToken.None);
        return run.Read(Minutes.Runs.RunFolder.SpeakersTrace, MinutesJson.Context.SpeakerMap);
    }

    /// <summary>
    /// The reference transcript imported into a run folder (speakers as named in it), then the
    /// sessions stage by cue phrases and pauses; boundaries scored against the true agenda parts.
    /// </summary>
    private static async Task<Dictionary<string, double>> SessionsAsync(string vtt, string truthTsv, string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var result = await new MinutesPipeline().ImportAsync(new() { File = vtt, Output = folder }, CancellationToken.None);
        var score = Minutes.Sessions.SessionScoring.Score(result.Sessions, Minutes.Sessions.SessionScoring.LoadReference(truthTsv), 5);
        return new()
        {
            ["segments"] = result.Imported.Transcript.Segments.Count,
            ["sessions"] = result.Sessions.Sessions.Count,
            ["boundaryPrecision"] = score.Precision,
            ["boundaryRecall"] = score.Recall,
        };
    }

    /// <summary>
    /// The draft stage on the imported run: the offline drafter, or the Semantic Kernel drafter
    /// against a loopback server that answers at once (so the figure is the tool's own cost:
    /// chunking to the context, requests, validation, traces), then verification.
    /// </summary>
    private static async Task<Dictionary<string, double>> DraftAsync(string folder, string kind)
    {
        var run = Minutes.Runs.RunFolder.Open(folder);
        using var server = kind == "offline" ? null : new Minutes.Tests.Support.ScriptedLlmServer();
        Minutes.Drafting.IMinutesDrafter drafter = server is null
            ? new Minutes.Drafting.OfflineDrafter()
            : new Minutes.Drafting.SemanticKernelDrafter(
                new Minutes.Drafting.LlmSettings { Provider = Minutes.Drafting.LlmSettings.Compatible, Endpoint = new Uri(server.Endpoint), Model = "bench", ContextTokens = 8192, MaxOutputTokens = 2048 },
                noCache: true);
        if (Directory.Exists(run.PathOf(Minutes.Runs.RunFolder.LlmTraceFolder)))
        {
            Directory.Delete(run.PathOf(Minutes.Runs.RunFolder.LlmTraceFolder), recursive: true);
        }

        await new StageRunner(run, resume: false).RunAsync(new Minutes.Drafting.DraftStage(drafter, new Minutes.Drafting.DraftOptions()), CancellationToken.None);
        var minutes = run.Read(Minutes.Runs.RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument);
        var items = minutes.Sections.SelectMany(s => s.Items).ToList();
        var figures = new Dictionary<string, double>
        {
            ["items"] = items.Count,
            ["unsupported"] = items.Count(i => i.Verification?.Status == Minutes.Drafting.ItemVerification.Unsupported),
        };
        if (server is not null)
        {
            figures["llmCalls"] = server.Requests.Count;
            figures["promptChars"] = server.Requests.Sum(r => r.Body.Length);
        }

        return figures;
    }

    /// <summary>
    /// The sample meetings against their ground truth, as a user's run would go: decode, Silero
    /// VAD, the built-in diarizer (speech F1, DER with a 0.25 s collar, speakers found), and the
    /// reference transcript through import and sessions with the agenda (boundaries within 5 s).
    /// </summary>
    private static async Task<Dictionary<string, double>> SamplesAsync(IReadOnlyList<string> meetings)
    {
        var figures = new Dictionary<string, double>();
        var work = Path.Combine(Path.GetTempPath(), $"bench-samples-{Guid.NewGuid():N}");
        try
        {
            foreach (var sample in meetings)
            {
                var name = Path.GetFileName(sample);
                var pcm = Path.Combine(work, $"{name}.wav");
                await PipelineServices.Default.Decoder().DecodeAsync(Path.Combine(sample, "recording.ogg"), pcm, null, CancellationToken.None);
                var vadJson = Path.Combine(work, $"{name}-vad.json");
                var vad = Vad(pcm, "silero", Path.Combine(sample, "speech.tsv"), vadJson);
                var run = Path.Combine(work, name);
                var map = await DiarizeAsync(pcm, vadJson, true, run);
                var reference = Minutes.Speakers.DiarizationScoring.LoadRttm(Path.Combine(sample, "reference.rttm"));
                var der = Minutes.Speakers.DiarizationScoring.Score(reference, map.Turns, 0.25);
                var trueCount = reference.Select(t => t.Speaker).Distinct().Count();
                var given = await DiarizeAsync(pcm, vadJson, true, run + "-given", trueCount);
                figures[$"{name}.derCountGiven"] = Minutes.Speakers.DiarizationScoring.Score(reference, given.Turns, 0.25).Der;
                var imported = await new MinutesPipeline().ImportAsync(
                    new() { File = Path.Combine(sample, "reference.vtt"), Output = run + "-import", Sessions = new Minutes.Sessions.SessionOptions { Agenda = Path.Combine(sample, "agenda.txt") } },
                    CancellationToken.None);
                var boundaries = Minutes.Sessions.SessionScoring.Score(imported.Sessions, Minutes.Sessions.SessionScoring.LoadReference(Path.Combine(sample, "sessions.tsv")), 5);
                figures[$"{name}.seconds"] = vad["audioSeconds"];
                figures[$"{name}.speechF1"] = vad["f1"];
                figures[$"{name}.der"] = der.Der;
                figures[$"{name}.speakersFound"] = map.Speakers.Count;
                var check = Minutes.Review.SpeakerCountCheck.Of(map);
                figures[$"{name}.closeCall"] = check?.Doubtful == true ? 1 : 0;
                figures[$"{name}.countScore"] = check?.Nearest ?? double.NaN;
                figures[$"{name}.speakersTrue"] = trueCount;
                figures[$"{name}.boundaryPrecision"] = boundaries.Precision;
                figures[$"{name}.boundaryRecall"] = boundaries.Recall;
            }
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }

        return figures;
    }

    private static string[] SampleFolders() =>
        [.. Directory.GetDirectories(Path.Combine(Bench.Root, "samples")).Where(d => File.Exists(Path.Combine(d, "reference.rttm"))).Order(StringComparer.Ordinal)];

    /// <summary>Without VAD gating: the whole recording in consecutive windows, as a plain Whisper run would.</summary>
    private static VadTrace WholeRecording(double duration)
    {
        var regions = new List<SpeechRegion>();
        for (double t = 0; t < duration; t += 28)
        {
            regions.Add(new SpeechRegion($"r{regions.Count + 1:D4}", t, Math.Min(duration, t + 28)));
        }

        return new VadTrace("none", null, null, new Dictionary<string, string>(), duration, duration, regions);
    }

    /// <summary>The models folder's Silero model (as the tool finds it), else the development copy in ../shared.</summary>
    public static string SileroPath()
    {
        var shared = Path.GetFullPath(Path.Combine(Bench.Root, "..", "shared", "models", "ggml-silero-v6.2.0.bin"));
        return Minutes.Models.ModelStore.FromEnvironment().FindVadModel()
            ?? (File.Exists(shared) ? shared : throw new Minutes.Runs.MinutesException("The Silero VAD model was not found (MINUTES_MODELS or ../shared/models)."));
    }

    public static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
