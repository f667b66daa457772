using System.Globalization;
using System.Text;
using Minutes.Drafting;
using Minutes.Pipeline;
using Minutes.Sessions;

namespace Minutes.Bench;

/// <summary>
/// <c>bench run sessions</c>: session boundaries (precision and recall within 5 s) on every kind
/// of meeting the repository holds: the samples (written with the cue phrases), and the scripts of
/// other genres written apart from the tuning and the meeting generated for agenda times
/// (tests/Minutes.Tests/Fixtures/genres, genres/timed), each through
/// import → sessions as a user's run goes, without and with its agenda. Appends a dated section
/// to bench/RESULTS.md.
/// </summary>
public static class SessionGenres
{
    private const double ToleranceSeconds = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        _ = args;
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var work = Path.Combine(Path.GetTempPath(), $"bench-sessions-{Guid.NewGuid():N}");
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — session boundaries by kind of meeting — commit {Bench.Git("rev-parse --short HEAD")}{(Bench.Git("status --porcelain --untracked-files=no").Length > 0 ? " (with uncommitted changes)" : string.Empty)}");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Bench.Machine()}. Command: `bench/run sessions`. Load average at start: {load}.");
        report.AppendLine(CultureInfo.InvariantCulture, $"Each reference transcript through `import` (speakers as its labels name them) → sessions, without and with its agenda file; boundaries (every session start but the first) matched one to one within {ToleranceSeconds:0} s. Kind: the meeting file's 種別, else inferred as `draft` does.");
        report.AppendLine();
        report.AppendLine("| meeting | kind | tuned on it? | agenda | reference boundaries | found | precision | recall | missed | spurious |");
        report.AppendLine("|---|---|---|---|---:|---:|---:|---:|---|---|");
        var (precision, recall, rows) = (0.0, 0.0, 0);
        try
        {
            foreach (var meeting in Meetings())
            {
                foreach (var agenda in meeting.Agenda is null ? [null] : new[] { null, meeting.Agenda })
                {
                    var run = Path.Combine(work, $"{meeting.Name}-{rows}");
                    var imported = await new MinutesPipeline().ImportAsync(
                        new() { File = meeting.Transcript, Output = run, Sessions = new SessionOptions { Agenda = agenda } },
                        CancellationToken.None);
                    var score = SessionScoring.Score(imported.Sessions, SessionScoring.LoadReference(meeting.Reference), ToleranceSeconds);
                    var transcript = imported.Imported.Transcript;
                    var names = imported.Imported.Speakers?.Speakers.Select(s => s.Name) ?? [];
                    var kind = MeetingKinds.Choose(MeetingInfo.Load(meeting.MeetingFile), transcript, names, imported.Sessions);
                    report.AppendLine(CultureInfo.InvariantCulture, $"| {meeting.Name} | {kind.Name} ({kind.Source}) | {meeting.Tuned} | {(agenda is null ? "none" : Path.GetFileName(agenda))} | {score.ReferenceCount} | {score.FoundCount} | {score.Precision:0.00} | {score.Recall:0.00} | {Titles(score.Missed)} | {Titles(score.Spurious)} |");
                    (precision, recall, rows) = (precision + score.Precision, recall + score.Recall, rows + 1);
                }
            }
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }

        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Mean over the {rows} rows: precision {precision / rows:0.00}, recall {recall / rows:0.00}. Timing is not measured here (a few seconds in all).");
        report.AppendLine();
        await Bench.PrependAsync(report.ToString());
        Console.WriteLine(report);
        return 0;
    }

    private static string Titles(IReadOnlyList<ScoredBoundary> boundaries) =>
        boundaries.Count == 0 ? "—" : string.Join("; ", boundaries.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Title} ({b.Time:0.0} s)")));

    private sealed record Meeting(string Name, string Transcript, string Reference, string? Agenda, string? MeetingFile, string Tuned);

    private static IEnumerable<Meeting> Meetings()
    {
        string? Optional(string path) => File.Exists(path) ? path : null;
        foreach (var sample in Directory.GetDirectories(Path.Combine(Bench.Root, "samples")).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(sample, "reference.vtt")) && File.Exists(Path.Combine(sample, "sessions.tsv")))
            {
                yield return new Meeting($"samples/{Path.GetFileName(sample)}", Path.Combine(sample, "reference.vtt"), Path.Combine(sample, "sessions.tsv"),
                    Optional(Path.Combine(sample, "agenda.txt")), Optional(Path.Combine(sample, "meeting.txt")), "yes");
            }
        }

        var genres = Path.Combine(Bench.Root, "tests", "Minutes.Tests", "Fixtures", "genres");
        foreach (var script in Directory.GetFiles(genres, "*.txt").Where(f => !f.EndsWith(".agenda.txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var stem = Path.ChangeExtension(script, null);
            yield return new Meeting($"genres/{Path.GetFileName(stem)}", script, stem + ".sessions.tsv", Optional(stem + ".agenda.txt"), null, "no (written apart)");
        }

        foreach (var folder in Directory.GetDirectories(genres).Order(StringComparer.Ordinal))
        {
            yield return new Meeting($"genres/{Path.GetFileName(folder)}", Path.Combine(folder, "reference.vtt"), Path.Combine(folder, "sessions.tsv"),
                Optional(Path.Combine(folder, "agenda.txt")), Optional(Path.Combine(folder, "meeting.txt")), "generated for the agenda-time rule (its window)");
        }
    }
}
