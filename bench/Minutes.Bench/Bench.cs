using System.Diagnostics;
using System.Globalization;
using System.Text;
using Minutes.Tests.Support;

namespace Minutes.Bench;

/// <summary>
/// The benchmark: generates 60- and 120-minute recordings from the samples, runs every stage in
/// its own process, and appends a dated section to bench/RESULTS.md (earlier sections are kept
/// so that regressions show).
/// </summary>
public static class Bench
{
    public static string Root { get; } = FindRoot();

    public static async Task<int> RunAsync(string[] args)
    {
        var minutes = args.SkipWhile(a => a != "--minutes").Skip(1).FirstOrDefault()?.Split(',').Select(int.Parse).ToArray() ?? [60, 120];
        var work = Path.Combine(Root, "bench", ".work");
        Directory.CreateDirectory(work);
        var model = Path.Combine(work, "crafted-whisper.bin");
        TinyWhisperModel.WriteCrafted(model, ["本日", "の", "会議", "を", "開会", "します"]);

        var baseline = Measurement.RunChild("baseline");
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — commit {Git("rev-parse --short HEAD")}{(Git("status --porcelain --untracked-files=no").Length > 0 ? " (with uncommitted changes)" : string.Empty)}");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine()}. Command: `bench/run --minutes {string.Join(',', minutes)}`. Load average at start: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (other work on the machine slows the figures).");
        report.AppendLine(CultureInfo.InvariantCulture, $"Each stage runs in its own process; peak memory is that process's resident high-water mark (VmHWM), of which {Stages.F(baseline.PeakMb)} MB is the .NET runtime doing nothing. Whisper runs a generated tiny model (no real weights can be downloaded here), so its time is not that of a real model; the share of audio sent to it is.");
        report.AppendLine();
        foreach (var length in minutes)
        {
            Console.Error.WriteLine($"bench: {length}-minute recording");
            var (wav, truth) = await LongRecording.BuildAsync(Root, work, length);
            var pcm = Path.Combine(work, $"meeting-{length}min-16k.wav");
            var rows = new List<StageMeasurement>
            {
                Measurement.RunChild("decode", wav, pcm),
                Measurement.RunChild("vad", pcm, "silero", truth, Path.Combine(work, $"vad-silero-{length}.json")),
                Measurement.RunChild("vad", pcm, "energy", truth, Path.Combine(work, $"vad-energy-{length}.json")),
                Measurement.RunChild("transcribe", pcm, Path.Combine(work, $"vad-silero-{length}.json"), model),
                Measurement.RunChild("transcribe", pcm, "none", model),
                Measurement.RunChild("speakers", pcm, Path.Combine(work, $"vad-silero-{length}.json"), "yes"),
                Measurement.RunChild("speakers", pcm, Path.Combine(work, $"vad-silero-{length}.json"), "no"),
                Measurement.RunChild("sessions", Path.Combine(work, $"meeting-{length}min.vtt"), Path.Combine(work, $"meeting-{length}min.sessions.tsv"), Path.Combine(work, $"run-{length}")),
                Measurement.RunChild("draft", Path.Combine(work, $"run-{length}"), "offline"),
                Measurement.RunChild("draft", Path.Combine(work, $"run-{length}"), "llm"),
            };
            AppendTable(report, length, rows);
        }

        Console.Error.WriteLine("bench: sample meetings against their ground truth");
        AppendSamples(report, Measurement.RunChild("samples"), "Sample meetings against their ground truth");
        Console.Error.WriteLine("bench: re-voiced meetings (synthesizing with Open JTalk)");
        var (revoiced, reason) = Revoiced.Build(Root, work, 8, seed: 20261129);
        if (revoiced is null)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"### Re-voiced meetings\n\nNot measured: {reason}.\n");
        }
        else
        {
            AppendSamples(report, Measurement.RunChild(["samples", .. revoiced]), "Re-voiced meetings (the calibration's robustness)");
            report.AppendLine("The four scripts spoken again by voices drawn at random (seed 20261129; `bench/.work/revoiced/*/voices.txt` lists them): a base voice (mei, takumi, tohoku-f01) with a pitch shift of −4…+4 semitones, timbre α 0.50–0.60 and speed 0.90–1.15; two speakers on one base voice are at least 3 semitones or 0.05 α apart. The BIC penalty of the speaker count was chosen on these and the four samples.");
            report.AppendLine();
            foreach (var seed in new[] { 20261130, 20261131 })
            {
                var (heldOut, _) = Revoiced.Build(Root, Path.Combine(work, $"held-out-{seed}"), 8, seed);
                AppendSamples(report, Measurement.RunChild(["samples", .. heldOut!]), $"Held-out re-voiced meetings (seed {seed}; nothing was tuned on these)");
            }
        }

        await PrependAsync(report.ToString());
        Console.WriteLine(report);
        return 0;
    }

    /// <summary>Adds a dated section at the top of bench/RESULTS.md (newest first), keeping the others.</summary>
    internal static async Task PrependAsync(string section)
    {
        var results = Path.Combine(Root, "bench", "RESULTS.md");
        var previous = File.Exists(results) ? (await File.ReadAllTextAsync(results)).Split("\n## ", 2) : ["# Benchmark results\n\nNewest first. Produced by `bench/run`; do not edit by hand.\n", ""];
        var text = previous[0].TrimEnd() + "\n\n" + section.TrimEnd() + "\n" + (previous.Length > 1 && previous[1].Length > 0 ? "\n## " + previous[1] : string.Empty);
        await File.WriteAllTextAsync(results, text);
    }

    private static void AppendTable(StringBuilder report, int minutes, IReadOnlyList<StageMeasurement> rows)
    {
        var hours = rows[0].Figures["audioSeconds"] / 3600;
        report.AppendLine(CultureInfo.InvariantCulture, $"### {minutes}-minute recording ({Stages.F(rows[0].Figures["audioSeconds"])} s)");
        report.AppendLine();
        report.AppendLine("| stage | seconds | s per audio hour | peak MB | figures |");
        report.AppendLine("|---|---:|---:|---:|---|");
        foreach (var row in rows)
        {
            var figures = string.Join(", ", row.Figures.Where(f => f.Key != "audioSeconds").Select(f => $"{f.Key} {Stages.F(f.Value)}"));
            report.AppendLine(CultureInfo.InvariantCulture, $"| {row.Stage} | {Stages.F(row.Seconds)} | {Stages.F(row.Seconds / hours)} | {Stages.F(row.PeakMb)} | {figures} |");
        }

        report.AppendLine();
        var silero = rows.First(r => r.Stage == "vad-silero");
        var energy = rows.First(r => r.Stage == "vad-energy");
        var gated = rows.First(r => r.Stage == "transcribe");
        var ungated = rows.First(r => r.Stage == "transcribe-ungated");
        var reseg = rows.First(r => r.Stage == "speakers");
        var plain = rows.First(r => r.Stage == "speakers-no-resegment");
        var others = rows.Where(r => r.Stage is "decode" or "vad-silero" or "speakers" or "import+sessions" or "draft-offline").Sum(r => r.Seconds);
        var offline = rows.First(r => r.Stage == "draft-offline");
        var llm = rows.First(r => r.Stage == "draft-llm-loopback");
        report.AppendLine(CultureInfo.InvariantCulture, $"All stages but Whisper inference (decode + Silero VAD + speakers + import/sessions + offline draft): {Stages.F(others / hours)} s per audio hour; highest peak {Stages.F(rows.Max(r => r.PeakMb))} MB. Diarizer with/without re-segmentation: time {Stages.F(reseg.Seconds / plain.Seconds)}×. Drafting through Semantic Kernel against an instant loopback server ({Stages.F(llm.Figures["llmCalls"])} calls): {Stages.F(llm.Seconds / offline.Seconds)}× the offline drafter's time, without any model time.");
        report.AppendLine(CultureInfo.InvariantCulture, $"Ratios: Silero/energy VAD time {Stages.F(silero.Seconds / energy.Seconds)}×, speech F1 {Stages.F(silero.Figures["f1"])} vs {Stages.F(energy.Figures["f1"])}; Whisper with/without VAD gating: time {Stages.F(gated.Seconds / ungated.Seconds)}×, audio sent {Stages.F(gated.Figures["sentToWhisperShare"] * 100)} % vs 100 %.");
        report.AppendLine();
    }

    private static void AppendSamples(StringBuilder report, StageMeasurement samples, string title)
    {
        report.AppendLine(CultureInfo.InvariantCulture, $"### {title}");
        report.AppendLine();
        report.AppendLine("Decode → Silero VAD → built-in diarizer (DER with a 0.25 s collar; automatic count, and with `--speakers` set to the true count); the reference transcript through import → sessions with the agenda (boundaries within 5 s).");
        report.AppendLine();
        report.AppendLine("| sample | seconds | speech F1 | DER | speakers found / true | flagged as a close call (BIC score) | DER, count given | boundary precision | boundary recall |");
        report.AppendLine("|---|---:|---:|---:|---:|---|---:|---:|---:|");
        foreach (var name in samples.Figures.Keys.Select(k => k.Split('.')[0]).Distinct())
        {
            double F(string key) => samples.Figures[$"{name}.{key}"];
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Stages.F(F("seconds"))} | {F("speechF1"):0.000} | {F("der") * 100:0.00} % | {F("speakersFound")} / {F("speakersTrue")} | {(F("closeCall") > 0 ? "yes" : "no")} ({F("countScore"):0.000}) | {F("derCountGiven") * 100:0.00} % | {Stages.F(F("boundaryPrecision"))} | {Stages.F(F("boundaryRecall"))} |");
        }

        var names = samples.Figures.Keys.Select(k => k.Split('.')[0]).Distinct().ToList();
        int Count(Func<string, bool> test) => names.Count(test);
        bool Right(string n) => samples.Figures[$"{n}.speakersFound"] == samples.Figures[$"{n}.speakersTrue"];
        bool Flagged(string n) => samples.Figures[$"{n}.closeCall"] > 0;
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Count right on {Count(Right)} of {names.Count}; of the {Count(n => !Right(n))} wrong, {Count(n => !Right(n) && Flagged(n))} flagged as a close call; {Count(n => Right(n) && Flagged(n))} right counts flagged too. Highest DER {names.Max(n => samples.Figures[$"{n}.der"]) * 100:0.00} %, with the count given {names.Max(n => samples.Figures[$"{n}.derCountGiven"]) * 100:0.00} %.");
        report.AppendLine();
    }

    internal static string Machine()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memKb = File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return $"{cpu}, {Environment.ProcessorCount} cores, {double.Parse(memKb, CultureInfo.InvariantCulture) / 1024 / 1024:0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    internal static string Git(string arguments)
    {
        var info = new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, WorkingDirectory = Root };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Minutes.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Minutes.sln not found.");
    }
}
