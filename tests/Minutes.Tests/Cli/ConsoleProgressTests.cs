using Minutes.Cli;
using Minutes.Runs;

namespace Minutes.Tests.Cli;

public sealed class ConsoleProgressTests
{
    [Fact]
    public void A_terminal_gets_a_bar_with_an_eta_redrawn_in_place()
    {
        using var error = new StringWriter();
        var progress = new ConsoleProgress(new CliConsole(TextWriter.Null, error, ErrorIsTerminal: true));

        progress.StageStarted("transcript");
        Thread.Sleep(120);
        progress.Report(new StageProgress("transcript", 0.5));
        progress.StageFinished("transcript", StageOutcome.Ran, TimeSpan.FromSeconds(2));

        var text = error.ToString();
        Assert.Contains("\r[transcript] [###############...............]  50.0 % ETA 00:00:0", text, StringComparison.Ordinal);
        Assert.Contains("\r[transcript] done in 2.0 s", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_log_gets_plain_lines_every_ten_percent()
    {
        using var error = new StringWriter();
        var progress = new ConsoleProgress(new CliConsole(TextWriter.Null, error, ErrorIsTerminal: false));

        progress.StageStarted("vad");
        foreach (var f in new[] { 0.01, 0.05, 0.12, 0.5, 0.51, 0.99 })
        {
            progress.Report(new StageProgress("vad", f));
        }

        progress.StageFinished("vad", StageOutcome.Reused, TimeSpan.Zero);

        Assert.Equal(
            ["[vad] started", "[vad] 0 %", "[vad] 10 %", "[vad] 50 %", "[vad] 90 %", "[vad] unchanged, reused (--resume)"],
            error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
