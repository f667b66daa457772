using Minutes.Runs;
using Minutes.Sessions;
using Minutes.Tests.Support;

namespace Minutes.Tests.Sessions;

public sealed class SessionScoringTests
{
    private static ScoredBoundary B(string id, double time) => new(id, id, time);

    [Fact]
    public void Boundaries_pair_one_to_one_closest_first_within_the_tolerance()
    {
        var reference = new[] { B("r1", 10), B("r2", 20), B("r3", 100) };
        var found = new[] { B("f1", 12), B("f2", 19), B("f3", 21), B("f4", 60) };

        var score = SessionScoring.Score(found, reference, 5);

        Assert.Equal([("r1", "f1"), ("r2", "f2")], score.Matches.Select(m => (m.Reference.Id, m.Found.Id)));
        Assert.Equal(["r3"], score.Missed.Select(b => b.Id));
        Assert.Equal(["f3", "f4"], score.Spurious.Select(b => b.Id));
        Assert.Equal(0.5, score.Precision);
        Assert.Equal(2.0 / 3, score.Recall, 9);
        Assert.Equal(4.0 / 7, score.F1, 9);
    }

    [Fact]
    public void Empty_sides_score_as_perfect_only_when_both_are_empty()
    {
        Assert.Equal(1, SessionScoring.Score([], [], 5).F1);
        Assert.Equal(0, SessionScoring.Score([B("f", 1)], [], 5).Precision);
        Assert.Equal(0, SessionScoring.Score([], [B("r", 1)], 5).Recall);
    }

    [Fact]
    public async Task Eval_sessions_prints_precision_recall_and_f1()
    {
        using var temp = new TempFolder();
        var run = temp.File("run");
        Assert.Equal(0, (await CliRunner.RunAsync("import", SessionSegmenterTests.Fixture("committee.txt"), "-o", run, "--agenda", SessionSegmenterTests.Fixture("committee.agenda.txt"))).ExitCode);

        var result = await CliRunner.RunAsync("eval", "sessions", run, "--reference", SessionSegmenterTests.Fixture("committee.sessions.tsv"));

        Assert.Equal(0, result.ExitCode);
        Golden.Verify("sessions/eval-committee.txt", result.Out);
        Golden.Verify("sessions/committee.05-sessions.json", File.ReadAllText(RunFolder.Open(run).PathOf(RunFolder.SessionsTrace)));
    }

    /// <summary>The committee fixture imported, and its reference with the second boundary 3 s late (missed and spurious at 2 s).</summary>
    internal static async Task<(string Run, string Reference)> ImportWithShiftedReferenceAsync(TempFolder temp)
    {
        var run = temp.File("run");
        Assert.Equal(0, (await CliRunner.RunAsync("import", SessionSegmenterTests.Fixture("committee.txt"), "-o", run)).ExitCode);
        var shifted = temp.File("shifted.tsv");
        File.WriteAllLines(shifted, File.ReadAllLines(SessionSegmenterTests.Fixture("committee.sessions.tsv")).Select((l, i) => i == 2 ? l.Replace("\t18.0\t", "\t21.0\t", StringComparison.Ordinal) : l));
        return (run, shifted);
    }

    [Fact]
    public async Task Eval_sessions_lists_what_is_missed_and_spurious_under_a_tight_tolerance()
    {
        using var temp = new TempFolder();
        var (run, shifted) = await ImportWithShiftedReferenceAsync(temp);

        var result = await CliRunner.RunAsync("eval", "sessions", run, "--reference", shifted, "--tolerance", "2");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("precision 0.800  recall 0.800  F1 0.800", result.Out, StringComparison.Ordinal);
        Assert.Contains("missed    p02", result.Out, StringComparison.Ordinal);
        Assert.Contains("spurious  p02", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_sessions_reports_a_bad_reference_in_one_line()
    {
        using var temp = new TempFolder();
        var run = temp.File("run");
        Assert.Equal(0, (await CliRunner.RunAsync("import", SessionSegmenterTests.Fixture("recess.txt"), "-o", run)).ExitCode);
        File.WriteAllText(temp.File("bad.tsv"), "name\tbegin\nx\t1\n");

        var result = await CliRunner.RunAsync("eval", "sessions", run, "--reference", temp.File("bad.tsv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("minutes: bad.tsv: the header line must name the columns id, title, start, end (tab-separated).", result.Error.Trim());
    }

    [Fact]
    public void The_reference_reader_takes_the_samples_header_and_clock_times()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("s.tsv"), "session\ttitle\tstart\tend\np1\tA\t1.000\t00:00:12.5\np2\tB\t00:01:00.250\t70\n");

        var sessions = SessionScoring.LoadReference(temp.File("s.tsv"));

        Assert.Equal([("p1", 1.0, 12.5), ("p2", 60.25, 70.0)], sessions.Select(s => (s.Id, s.Start, s.End)));
    }
}
