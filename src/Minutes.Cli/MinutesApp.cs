using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Minutes.Cli.Commands;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Cli;

/// <summary>Builds the command tree and maps failures to exit codes and one-line messages.</summary>
public static class MinutesApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var verbose = args.Contains("--verbose");
        // System.CommandLine's help and parse errors follow the UI culture, so they come in the user's language too.
        CultureInfo.CurrentUICulture = Messages.UiCulture;
        var root = BuildRoot(console);
        try
        {
            if (args.Length > 0 && !args[0].StartsWith('-') && root.Subcommands.All(c => c.Name != args[0]))
            {
                await console.Error.WriteLineAsync($"minutes: {Messages.Get("UnknownCommand", args[0])}");
                return ExitCodes.Usage;
            }

            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors)
                {
                    await console.Error.WriteLineAsync($"minutes: {Readable(error, parse)}");
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
            await console.Error.WriteLineAsync($"minutes: {Messages.Get("Cancelled")}");
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
            await console.Error.WriteLineAsync($"minutes: {Messages.Get("UnexpectedError", ex.GetType().Name, ex.Message.ReplaceLineEndings(" "))}");
            if (verbose)
            {
                await console.Error.WriteLineAsync(ex.ToString());
            }

            return ExitCodes.Failure;
        }
    }

    /// <summary>
    /// A parse error as one line without .NET type names: System.CommandLine says a value "cannot
    /// be parsed as System.Nullable`1[System.Int32]"; a clerk is told which value and option, and
    /// where the help is.
    /// </summary>
    private static string Readable(ParseError error, ParseResult parse)
    {
        var type = error.SymbolResult is OptionResult t ? t.Option.ValueType : error.SymbolResult is ArgumentResult u ? u.Argument.ValueType : null;
        var named = type is not null && (Nullable.GetUnderlyingType(type) ?? type).FullName is { } full && error.Message.Contains(full, StringComparison.Ordinal);
        if (!named && !error.Message.Contains("System.", StringComparison.Ordinal) && !error.Message.Contains('`', StringComparison.Ordinal))
        {
            return error.Message.ReplaceLineEndings(" ");
        }

        var option = error.SymbolResult is OptionResult o ? o.Option.Name : error.SymbolResult is ArgumentResult a ? a.Argument.Name : "?";
        var token = error.SymbolResult?.Tokens.FirstOrDefault()?.Value ?? string.Empty;
        return Messages.Get("BadValue", token, option, parse.CommandResult.Command.Name);
    }

    public static RootCommand BuildRoot(CliConsole console)
    {
        var root = new RootCommand(Messages.Get("HelpMinutesAppRootCommand"));
        root.Options.Add(CommonOptions.Verbose());
        // System.CommandLine's ja resources translate --version but leave --help's description in English.
        foreach (var help in root.Options.Where(o => o.Name == "--help"))
        {
            help.Description = Messages.Get("HelpHelp");
        }

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
        EditCommand.Create(console),
        ArchiveCommand.Create(console),
        PurgeCommand.Create(console),
        ExplainCommand.Create(console),
    ];
}
