using Minutes.Cli;

namespace Minutes.Tests.Support;

/// <summary>Runs the command line in-process and captures what it prints.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    /// <summary>The longest one command may take in a test; a stuck command fails the test instead of hanging the run.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromMinutes(5);

    public static async Task<Result> RunAsync(params string[] args) => await RunAsync(args, CancellationToken.None);

    public static async Task<Result> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await MinutesApp.RunAsync(args, new CliConsole(output, error, ErrorIsTerminal: false), cancellationToken).WaitAsync(Timeout, CancellationToken.None);
        return new Result(code, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Runs the command and cancels it, as Ctrl+C would, from inside the write of the first stderr
    /// line that <paramref name="cancelAt"/> accepts. Progress is reported synchronously by the
    /// stage that makes it, so the cancel lands at a known point of the work, not after a race.
    /// </summary>
    public static async Task<Result> RunCancellingAsync(string[] args, Func<string, bool> cancelAt)
    {
        using var cancellation = new CancellationTokenSource();
        using var output = new StringWriter();
        using var error = new CancellingWriter(cancelAt, cancellation);
        var code = await MinutesApp.RunAsync(args, new CliConsole(output, error, ErrorIsTerminal: false), cancellation.Token).WaitAsync(Timeout, CancellationToken.None);
        return new Result(code, output.ToString(), error.ToString());
    }

    private sealed class CancellingWriter(Func<string, bool> cancelAt, CancellationTokenSource cancellation) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value is not null && cancelAt(value))
            {
                cancellation.Cancel();
            }
        }

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }
    }

    /// <summary>A run folder started from a sample's reference transcript and agenda (<c>minutes import</c>), as the drafting tests need it.</summary>
    public static async Task<string> ImportSampleAsync(string run, string sample)
    {
        var result = await RunAsync("import", RepoPaths.Sample($"{sample}/reference.vtt"), "-o", run, "--agenda", RepoPaths.Sample($"{sample}/agenda.txt"));
        Assert.True(result.ExitCode == 0, result.Error);
        return run;
    }
}
