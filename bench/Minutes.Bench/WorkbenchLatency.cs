using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Minutes.Drafting;
using Minutes.Json;
using Minutes.Pipeline;
using Minutes.Review.Workbench;
using Minutes.Runs;

namespace Minutes.Bench;

/// <summary>
/// The review workbench's latency on a long meeting: the sample meetings' reference transcripts
/// repeated into one of the given length (no audio: the workbench never decodes), imported,
/// drafted offline and reviewed; then the served workbench on loopback takes corrections of
/// cited segments spread over the meeting, one after the other, as a reviewer's page sends them.
/// Each figure is the time from sending the correction to holding the answer with every
/// statement's verification parsed (what the page turns into flags); the browser's own DOM update
/// (a few class changes) is not included.
/// </summary>
public static class WorkbenchLatency
{
    public static async Task<int> RunAsync(string[] args)
    {
        var minutes = int.Parse(Value(args, "--minutes") ?? "120", CultureInfo.InvariantCulture);
        var edits = int.Parse(Value(args, "--edits") ?? "20", CultureInfo.InvariantCulture);
        var work = Path.Combine(Bench.Root, "bench", ".work");
        var folder = Path.Combine(work, $"workbench-{minutes}min");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(work);
        var vtt = Path.Combine(work, $"workbench-{minutes}min.vtt");
        await File.WriteAllLinesAsync(vtt, Transcript(minutes * 60.0));
        var pipeline = new MinutesPipeline();
        var imported = await pipeline.ImportAsync(new() { File = vtt, Output = folder }, CancellationToken.None);
        var run = imported.Run;
        await pipeline.DraftAsync(run, new DraftOptions(), new LlmOptions { Offline = true }, null, new Minutes.Policy.ConfidentialityRequest(), CancellationToken.None);
        await pipeline.ReviewAsync(run, CancellationToken.None);

        using var workbench = new ReviewWorkbench(run);
        await using var server = await WorkbenchServer.StartAsync(workbench, 0, CancellationToken.None);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add(WorkbenchServer.TokenHeader, server.Token);
        var root = $"http://127.0.0.1:{server.Port}";

        var clock = Stopwatch.StartNew();
        var state = JsonSerializer.Deserialize(await http.GetStringAsync(root + "/api/state"), MinutesJson.Context.WorkbenchState)!;
        var stateMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var page = await http.GetStringAsync(server.Address);
        var pageMs = clock.Elapsed.TotalMilliseconds;

        var cited = state.Statements.SelectMany(s => s.Citations).Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        // Cited segments that say a number: correcting it takes the support away from what cites it.
        var targets = state.Segments.Where(s => cited.Contains(s.Id) && Minutes.Text.JapaneseText.FindNumbers(s.Text).Any()).ToList();
        var chosen = Enumerable.Range(0, edits).Select(i => targets[(int)((long)i * targets.Count / edits)]).ToList();
        var times = new List<double>();
        var cpu = new List<double>();
        using var self = Process.GetCurrentProcess();
        var flagged = 0;
        var before = state.Statements.Count(s => s.Status == ItemVerification.Unsupported);
        foreach (var segment in chosen)
        {
            var number = Minutes.Text.JapaneseText.FindNumbers(segment.Text).First().Written;
            var body = JsonSerializer.Serialize(new WorkbenchRequest("bench", "text", segment.Id, segment.Text.Replace(number, "9876", StringComparison.Ordinal), segment.Digest), MinutesJson.Context.WorkbenchRequest);
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            clock.Restart();
            using var answer = await http.PostAsync(root + "/api/corrections", new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")));
            var update = JsonSerializer.Deserialize(await answer.Content.ReadAsStringAsync(), MinutesJson.Context.WorkbenchUpdate)!;
            times.Add(clock.Elapsed.TotalMilliseconds);
            self.Refresh();
            cpu.Add((self.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            if (!answer.IsSuccessStatusCode)
            {
                throw new MinutesException($"The workbench refused a correction of {segment.Id}: {(int)answer.StatusCode}.");
            }

            var now = update.Statements.Count(s => s.Status == ItemVerification.Unsupported);
            flagged += now > before ? 1 : 0;
            before = now;
        }

        times.Sort();
        cpu.Sort();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — commit {Bench.Git("rev-parse --short HEAD")}{(Bench.Git("status --porcelain --untracked-files=no").Length > 0 ? " (with uncommitted changes)" : string.Empty)} — review workbench latency");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Bench.Machine()}. Command: `bench/run workbench --minutes {minutes} --edits {edits}`. Load average at start: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (other work on the machine slows the figures).");
        report.AppendLine(CultureInfo.InvariantCulture, $"A {minutes}-minute meeting (the samples' reference transcripts repeated: {state.Segments.Count} segments, {state.Statements.Count} statements drafted offline), served by `minutes review --serve` (Kestrel on loopback); {edits} text corrections of cited segments spread over the meeting, one after another, each replacing a number the segment says by one it does not (so a statement citing that number loses its support: {flagged} of {edits} flagged a statement anew). Time from sending the correction to holding every statement's verification parsed: the corrections log, the corrections stage, minutes.md rendered again, the re-verification of every statement (review.html is written when the workbench stops, not per edit); the browser's DOM update is not included.");
        report.AppendLine();
        report.AppendLine("| figure | ms |");
        report.AppendLine("|---|---:|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| correction → updated flags, median of {edits} | {Stages.F(Median(times))} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| fastest / slowest | {Stages.F(times[0])} / {Stages.F(times[^1])} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| 90th percentile | {Stages.F(times[(int)Math.Ceiling(0.9 * times.Count) - 1])} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| CPU time per correction (server and client, all threads), median | {Stages.F(Median(cpu))} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| page load: state (segments, statements, digests) | {Stages.F(stateMs)} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| page load: the served page ({page.Length / 1024} KiB) | {Stages.F(pageMs)} |");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Target: under 200 ms for the median — {(Median(times) < 200 ? "met" : "not met")} on this run. The path is one thread at a time, so on an idle machine an edit takes about its CPU time ({Stages.F(Median(cpu))} ms median, which also counts the garbage collector's and Kestrel's threads); the wall-clock figures above grow with the load average.");
        await Bench.PrependAsync(report.ToString());
        Console.WriteLine(report);
        return 0;
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    private static string? Value(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    /// <summary>The samples' reference transcripts (committee, council, …) one after another, with their speakers, until the length is reached.</summary>
    private static List<string> Transcript(double seconds)
    {
        var samples = new[] { "committee", "council", "education", "planning", "assembly" }
            .Select(s => Path.Combine(Bench.Root, "samples", s, "reference.tsv"))
            .Where(File.Exists)
            .Select(f => File.ReadAllLines(f).Skip(1).Select(l => l.Split('\t')).ToList())
            .ToList();
        var cues = new List<string> { "WEBVTT", string.Empty };
        var offset = 0.0;
        for (var i = 0; offset < seconds; i++)
        {
            // reference.tsv: line, speaker_id, speaker_name, session, start, end, text
            var lines = samples[i % samples.Count];
            foreach (var f in lines)
            {
                cues.Add($"{Time(offset + Seconds(f[4]))} --> {Time(offset + Seconds(f[5]))}");
                cues.Add($"<v {f[2]}>{f[6]}");
                cues.Add(string.Empty);
            }

            offset += lines.Max(f => Seconds(f[5])) + 2;
        }

        return cues;
    }

    private static double Seconds(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static string Time(double seconds) => TimeSpan.FromSeconds(seconds).ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
}
