using System.Globalization;
using Minutes.Audio;
using Minutes.Json;
using Minutes.Pipeline;
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
        var options = new TranscribeOptions { Recording = pcm, Output = Path.GetDirectoryName(output)!, EnergyVad = kind == "energy", VadModel = kind == "silero" ? SileroPath() : null };
        var trace = PipelineServices.Default.Vad(options).Detect(audio, null, CancellationToken.None);
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
            var transcriber = new WhisperTranscriber(new WhisperOptions { ModelPath = model, Threads = Environment.ProcessorCount });
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
            var run = Minutes.Runs.RunFolder.Create(folder, null);
            Directory.CreateDirectory(Path.GetDirectoryName(run.PathOf(Minutes.Runs.RunFolder.DecodedAudio))!);
            File.Copy(pcm, run.PathOf(Minutes.Runs.RunFolder.DecodedAudio));
            var vad = MinutesJson.Deserialize(File.ReadAllText(vadJson), MinutesJson.Context.VadTrace);
            run.Write(Minutes.Runs.RunFolder.VadTrace, vad, MinutesJson.Context.VadTrace);
            var segments = vad.Regions.Select((r, i) => new TranscriptSegment($"s{i + 1:D4}", r.Start, r.End, "x", RegionId: r.Id)).ToList();
            run.Write(Minutes.Runs.RunFolder.TranscriptTrace, new Transcript("ja", new TranscriptSource("bench", "regions"), new Dictionary<string, string>(), segments, []), MinutesJson.Context.Transcript);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await new Minutes.Speakers.SpeakersStage().RunAsync(new StageRunner(run, resume: false), new Minutes.Speakers.DiarizationOptions { Resegment = resegment }, CancellationToken.None);
            var map = run.Read(Minutes.Runs.RunFolder.SpeakersTrace, MinutesJson.Context.SpeakerMap);
            using var audio = PcmAudio.Open(pcm);
            return new() { ["audioSeconds"] = audio.Duration, ["speakersFound"] = map.Speakers.Count, ["stageSeconds"] = clock.Elapsed.TotalSeconds };
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

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
