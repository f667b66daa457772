using Minutes.Cli;

namespace Minutes.Tests.Support;

/// <summary>Runs the command line in-process and captures what it prints.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static async Task<Result> RunAsync(params string[] args) => await RunAsync(args, CancellationToken.None);

    public static async Task<Result> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await MinutesApp.RunAsync(args, new CliConsole(output, error, ErrorIsTerminal: false), cancellationToken);
        return new Result(code, output.ToString(), error.ToString());
    }
}
