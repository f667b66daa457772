using System.CommandLine;
using Minutes.Cli.Commands;
using Minutes.Runs;

namespace Minutes.Cli;

/// <summary>Builds the command tree and maps failures to exit codes and one-line messages.</summary>
public static class MinutesApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var verbose = args.Contains("--verbose");
        var root = BuildRoot(console);
        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors)
                {
                    await console.Error.WriteLineAsync($"minutes: {error.Message}");
                }

                return ExitCodes.Usage;
            }

            // Ctrl+C is Program.cs's alone (first: cancel the token; second: exit 130 at once):
            // System.CommandLine's own handler would race it and crash with a stack trace on a second signal.
            var invocation = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("minutes: cancelled; run the same command with --resume to continue.");
            return ExitCodes.Cancelled;
        }
        catch (MinutesException ex)
        {
            await console.Error.WriteLineAsync($"minutes: {ex.Message}");
            if (verbose)
            {
                await console.Error.WriteLineAsync(ex.ToString());
            }

            return ex.ExitCode;
        }
        catch (Exception ex)
        {
            // An unexpected failure is still one line; the stack trace only on request.
            await console.Error.WriteLineAsync($"minutes: unexpected error ({ex.GetType().Name}): {ex.Message.ReplaceLineEndings(" ")}");
            if (verbose)
            {
                await console.Error.WriteLineAsync(ex.ToString());
            }

            return ExitCodes.Failure;
        }
    }

    public static RootCommand BuildRoot(CliConsole console)
    {
        var root = new RootCommand("Minutes: from a recorded meeting to draft Japanese minutes (会議録) a person can trust.");
        root.Options.Add(CommonOptions.Verbose);
        foreach (var command in Commands(console))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Every command of the tool; one file per command under <c>Commands/</c>.</summary>
    private static IEnumerable<Command> Commands(CliConsole console) =>
    [
        TranscribeCommand.Create("transcribe", console),
        TranscribeCommand.Create("run", console),
        ReviewCommand.Create(console),
        ApproveCommand.Create(console),
        VerifyCommand.Create(console),
        RenderCommand.Create(console),
        ModelsCommand.Create(console),
        DoctorCommand.Create(console),
        ImportCommand.Create(console),
        DraftCommand.Create(console),
        EvalCommand.Create(console),
        SpeakersCommand.Create(console),
        PiiCommand.Create(console),
        CorrectCommand.Create(console),
    ];
}
