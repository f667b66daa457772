using System.CommandLine;
using Minutes.Pipeline;
using Minutes.Runs;

namespace Minutes.Cli.Commands;

/// <summary><c>minutes review &lt;run&gt;</c>: writes review.html and prints what needs attention.</summary>
internal static class ReviewCommand
{
    public static Command Create(CliConsole console)
    {
        var run = CommonOptions.RunArgument();
        var command = new Command("review", "Write review.html (the draft with its citations, flags and traces) and print what blocks approval.") { run };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = RunFolder.Open(parse.GetRequiredValue(run));
            var flags = await new MinutesPipeline().ReviewAsync(folder, cancellationToken);
            await console.Out.WriteLineAsync($"Review page: {folder.PathOf(RunFolder.ReviewPage)}");
            foreach (var line in flags.Summary())
            {
                await console.Out.WriteLineAsync("  " + line);
            }

            var blockers = flags.Blockers();
            await console.Out.WriteLineAsync(blockers.Count == 0 ? "Nothing blocks approval." : "Blocks approval:");
            foreach (var blocker in blockers)
            {
                await console.Out.WriteLineAsync("  - " + blocker);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
