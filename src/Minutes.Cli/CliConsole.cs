namespace Minutes.Cli;

/// <summary>Where a command prints; tests pass string writers and run commands in-process.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool ErrorIsTerminal)
{
    public static CliConsole System => new(Console.Out, Console.Error, !Console.IsErrorRedirected);
}
