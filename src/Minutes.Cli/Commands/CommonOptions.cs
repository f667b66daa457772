using System.CommandLine;

namespace Minutes.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<bool> Verbose { get; } = new("--verbose") { Description = "Print stack traces of failures.", Recursive = true };

    public static Argument<string> RunArgument() => new("run") { Description = "The run folder." };
}
