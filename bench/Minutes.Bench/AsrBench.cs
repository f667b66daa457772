using System.Globalization;
using System.Text;
using Minutes.Audio;
using Minutes.Json;
using Minutes.Pipeline;
using Minutes.Tests.Support;
using Minutes.Transcription;
using Minutes.Vad;

namespace Minutes.Bench;

/// <summary>
/// <c>bench/run asr</c>: Whisper through the real <see cref="WhisperTranscriber"/> on shape-true
/// models (published shapes and types, random weights: <see cref="ShapeTrueWhisperModel"/>), each
/// configuration in its own process for its peak memory. Appends a section to bench/RESULTS.md.
/// </summary>
/// <remarks>
/// Random weights never say end-of-text, so the decoder's tokens per window are bounded to what
/// Japanese speech produces: <see cref="WhisperDecoding.TypicalTokensPerSecond"/> tokens per second of the chunk. And
/// random weights fail every quality test, so the temperature fallback is off in the timed rows
/// (docs/DESIGN decision of 2026-11-29); its cost is one row of its own, where every window falls back
/// through all of the decoder's fallback temperatures, from which the cost of one retry follows.
/// </remarks>
public static class AsrBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var models = Arg(args, "--models")?.Split(',') ?? ["base", "small", "large-v3-turbo", "large-v3-turbo-q5_0"];
        var minutes = int.Parse(Arg(args, "--minutes") ?? "1", CultureInfo.InvariantCulture);
        var threads = (Arg(args, "--threads") ?? "1,2").Split(',').Select(int.Parse).ToArray();
        var processors = (Arg(args, "--processors") ?? "1,2").Split(',').Select(int.Parse).ToArray();
        var modes = (Arg(args, "--modes") ?? "greedy,beam").Split(',');
        var fallbackRow = Arg(args, "--fallback") != "no";
        var work = Path.Combine(Bench.Root, "bench", ".work");
        var cache = Path.Combine(work, "shape-true");
        var started = DateTime.UtcNow;
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];

        var (pcm, vad) = await SampleAsync(work, minutes);
        var rows = new List<(string Model, long Bytes, string Mode, int Processors, int Threads, StageMeasurement M)>();
        foreach (var name in models)
        {
            Console.Error.WriteLine($"bench asr: {name}: generating the shape-true model (cached in {cache})");
            var model = ShapeTrueWhisperModel.Ensure(name, cache);
            var configurations = modes.SelectMany(m => threads.Select(t => (Mode: m, Processors: 1, Threads: t)))
                .Concat(modes.SelectMany(m => processors.Where(p => p > 1).Select(p => (Mode: m, Processors: p, Threads: p))))
                .ToList();
            if (fallbackRow && name == models[0])
            {
                configurations.Add(("greedy+fallback", 1, threads.Max()));
            }

            foreach (var (mode, count, total) in configurations)
            {
                Console.Error.WriteLine($"bench asr: {name} {mode} processors {count} threads {total}");
                var m = Measurement.RunVerb("asr-child", pcm, vad, model, mode, count.ToString(CultureInfo.InvariantCulture), total.ToString(CultureInfo.InvariantCulture));
                rows.Add((name, new FileInfo(model).Length, mode, count, total, m));
            }
        }

        var report = Report(rows, minutes, load, started, string.Join(' ', args));
        await Bench.PrependAsync(report);
        Console.WriteLine(report);
        return 0;
    }

    /// <summary>In the child: one model, one decoding mode, one processor and thread count.</summary>
    public static async Task<int> RunChildAsync(string[] args)
    {
        var (pcm, vadJson, model, mode) = (args[0], args[1], args[2], args[3]);
        var processors = int.Parse(args[4], CultureInfo.InvariantCulture);
        var threads = int.Parse(args[5], CultureInfo.InvariantCulture);
        using var audio = PcmAudio.Open(pcm);
        var vad = MinutesJson.Deserialize(File.ReadAllText(vadJson), MinutesJson.Context.VadTrace);
        var chunks = Chunking.Plan(vad.Regions);
        // The beam rows keep the beam ForTiming drops, to show what random weights do with it (the tokens column).
        var decoding = new WhisperDecoding().ForTiming(chunks.Average(c => c.Duration)) with
        {
            BeamSize = mode.StartsWith("beam", StringComparison.Ordinal) ? WhisperDecoding.DefaultBeamSize : 1,
            TemperatureFallback = mode.EndsWith("+fallback", StringComparison.Ordinal),
        };
        var tokens = decoding.MaxTokensPerWindow;
        var checkpoint = Path.Combine(Path.GetTempPath(), $"bench-asr-{Guid.NewGuid():N}");
        try
        {
            var measurement = await Measurement.TimeAsync(mode, async () =>
            {
                var transcriber = new WhisperTranscriber(new WhisperSettings { ModelPath = model, Threads = threads, Processors = processors, Decoding = decoding });
                var transcript = await transcriber.TranscribeAsync(audio, vad, checkpoint, null, CancellationToken.None);
                return new Dictionary<string, double>
                {
                    ["audioSeconds"] = audio.Duration,
                    ["sentSeconds"] = chunks.Sum(c => c.Duration),
                    ["chunks"] = chunks.Count,
                    ["windows"] = double.Parse(transcript.Settings["windows"], CultureInfo.InvariantCulture),
                    ["fallbackWindows"] = double.Parse(transcript.Settings["fallbackWindows"], CultureInfo.InvariantCulture),
                    ["tokens"] = double.Parse(transcript.Settings["tokens"], CultureInfo.InvariantCulture),
                    ["tokensPerWindow"] = tokens,
                };
            });
            Console.WriteLine(Measurement.ToJson(measurement));
            return 0;
        }
        finally
        {
            TranscriptionCheckpoint.Clear(checkpoint);
        }
    }

    /// <summary>N minutes of the samples' meeting (as the main bench builds it), decoded, with Silero's speech regions (energy when Silero is missing).</summary>
    private static async Task<(string Pcm, string Vad)> SampleAsync(string work, int minutes)
    {
        var (wav, _) = await LongRecording.BuildAsync(Bench.Root, work, minutes);
        var pcm = Path.Combine(work, $"meeting-{minutes}min-16k.wav");
        if (!File.Exists(pcm))
        {
            await PipelineServices.Default.Decoder().DecodeAsync(wav, pcm, null, CancellationToken.None);
        }

        var vad = Path.Combine(work, $"asr-vad-{minutes}.json");
        if (!File.Exists(vad))
        {
            using var audio = PcmAudio.Open(pcm);
            string? silero;
            try
            {
                silero = Stages.SileroPath();
            }
            catch (Minutes.Runs.MinutesException)
            {
                silero = null;
            }

            var trace = VoiceActivityDetectors.Create(new VadOptions { Model = silero, Energy = silero is null }).Detect(audio, null, CancellationToken.None);
            File.WriteAllText(vad, MinutesJson.Serialize(trace, MinutesJson.Context.VadTrace));
        }

        return (pcm, vad);
    }

    private static string Report(List<(string Model, long Bytes, string Mode, int Processors, int Threads, StageMeasurement M)> rows, int minutes, string load, DateTime started, string args)
    {
        var report = new StringBuilder();
        var first = rows[0].M.Figures;
        report.AppendLine(CultureInfo.InvariantCulture, $"## {started:yyyy-MM-dd HH:mm} UTC — commit {Bench.Git("rev-parse --short HEAD")}{(Bench.Git("status --porcelain --untracked-files=no").Length > 0 ? " (with uncommitted changes)" : string.Empty)} — Whisper on shape-true models");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Bench.Machine()}. Command: `bench/run asr {args}`. Load average at start: {load}, at end: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (other work on the machine slows the figures).");
        report.AppendLine(CultureInfo.InvariantCulture, $"{minutes} minute(s) of the samples' meeting ({Stages.F(first["audioSeconds"])} s; {Stages.F(first["sentSeconds"])} s of speech in {first["chunks"]} chunks sent to Whisper) through the real `WhisperTranscriber` on models with the published shapes and types and random weights (`ShapeTrueWhisperModel`): the encoder costs what the real model's does, the decoder what it does per token. Tokens per window bounded to {Stages.F(WhisperDecoding.TypicalTokensPerSecond)} per second of chunk ({first["tokensPerWindow"]} a window; 300 characters a minute × 1.2 tokens a character, see `WhisperDecoding.TypicalTokensPerSecond`). Temperature fallback off except in the `greedy+fallback` row, where random weights make every window fall back through all {Retries} fallback temperatures. RTF = processing seconds per audio second; peak = the process's VmHWM.");
        report.AppendLine();
        report.AppendLine("| model | file MiB | mode | processors × threads | seconds | RTF | s per audio hour | peak MB | windows | tokens per window |");
        report.AppendLine("|---|---:|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            var audio = r.M.Figures["audioSeconds"];
            var per = r.Processors > 1 ? $"{r.Processors} × {r.Threads / r.Processors}" : $"1 × {r.Threads}";
            report.AppendLine(CultureInfo.InvariantCulture, $"| {r.Model} | {r.Bytes / 1048576.0:0} | {r.Mode} | {per} | {Stages.F(r.M.Seconds)} | {r.M.Seconds / audio:0.000} | {Stages.F(r.M.Seconds / audio * 3600)} | {Stages.F(r.M.PeakMb)} | {r.M.Figures["windows"]} | {r.M.Figures["tokens"] / Math.Max(1, r.M.Figures["windows"]):0} |");
        }

        report.AppendLine();
        foreach (var model in rows.Select(r => r.Model).Distinct())
        {
            double? Seconds(string mode, int processors, int threads) => rows.FirstOrDefault(r => r.Model == model && r.Mode == mode && r.Processors == processors && r.Threads == threads).M?.Seconds;
            var maxThreads = rows.Where(r => r.Model == model).Max(r => r.Threads);
            var parts = new List<string>();
            if (Seconds("beam", 1, maxThreads) is { } beam && Seconds("greedy", 1, maxThreads) is { } greedy)
            {
                parts.Add($"beam/greedy {beam / greedy:0.00}× (1 × {maxThreads}; not a cost ratio: beam on random weights stops after a few tokens a window, see the tokens column)");
            }

            if (Seconds("greedy", 2, 2) is { } parallel && Seconds("greedy", 1, 2) is { } serial)
            {
                parts.Add($"2 processors/1 at 2 threads {parallel / serial:0.00}× (greedy)");
            }

            if (Seconds("greedy", 1, 2) is { } two && Seconds("greedy", 1, 1) is { } one)
            {
                parts.Add($"2 threads/1 {two / one:0.00}× (greedy)");
            }

            if (Seconds("greedy+fallback", 1, maxThreads) is { } hot && Seconds("greedy", 1, maxThreads) is { } cold)
            {
                parts.Add($"fallback through all {Retries} temperatures on every window {hot / cold:0.00}×, so one retry ≈ {(hot / cold - 1) / Retries:0.00}× a window's greedy cost (a run where a share f of windows falls back once costs 1 + f × that)");
            }

            // Only greedy rows decode to the token bound; their time is a floor for beam search.
            var greedyRows = rows.Where(r => r.Model == model && r.Mode == "greedy").ToList();
            if (greedyRows.Count == 0)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"- **{model}**: {string.Join("; ", parts.DefaultIfEmpty("no greedy row, so no estimate"))}.");
                continue;
            }

            var best = greedyRows.MinBy(r => r.M.Seconds);

            var twoHours = best.M.Seconds / best.M.Figures["audioSeconds"] * 7200;
            parts.Add($"a two-hour meeting ≈ {TimeSpan.FromMinutes(Math.Round(twoHours / 60)):h\\:mm} at least (greedy to the token bound; beam search costs more), {(best.Processors > 1 ? $"{best.Processors} processors × {best.Threads / best.Processors} thread" : $"{best.Threads} thread(s)")}");
            report.AppendLine(CultureInfo.InvariantCulture, $"- **{model}**: {string.Join("; ", parts)}.");
        }

        report.AppendLine();
        return report.ToString();
    }

    /// <summary>The decoder's own fallback temperatures after the first (0.2 … 1.0: five with the default increment).</summary>
    private static int Retries => new WhisperDecoding().Temperatures.Count - 1;

    private static string? Arg(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
}
