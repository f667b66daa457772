using System.CommandLine;
using Minutes.Json;
using Minutes.Pipeline;
using Minutes.Review;
using Minutes.Runs;

namespace Minutes.Cli.Commands;

/// <summary><c>minutes review &lt;run&gt;</c>: writes review.html and prints what needs attention.</summary>
internal static class ReviewCommand
{
    public static Command Create(CliConsole console)
    {
        var run = CommonOptions.RunArgument();
        var json = CommonOptions.Json();
        var check = new Option<bool>("--check") { Description = "Exit 3 when something blocks approval of the current version (the page is still written)." };
        var command = new Command("review", "Write review.html (the draft with its citations, flags and traces) and print what blocks approval.") { run, json, check };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = RunFolder.Open(parse.GetRequiredValue(run));
            var flags = await new MinutesPipeline().ReviewAsync(folder, cancellationToken);
            var report = ReviewReport.Of(folder, flags);
            if (parse.GetValue(json))
            {
                await CommonOptions.WriteJsonAsync(console, report, MinutesJson.Context.ReviewReport);
            }
            else
            {
                await console.Out.WriteLineAsync(Text.ReviewPage + folder.PathOf(RunFolder.ReviewPage));
                foreach (var line in flags.Summary())
                {
                    await console.Out.WriteLineAsync("  " + line);
                }

                await console.Out.WriteLineAsync(report.Blockers.Count == 0 ? Text.NothingBlocks : Text.Blocks);
                foreach (var blocker in report.Blockers)
                {
                    await console.Out.WriteLineAsync("  - " + blocker);
                }
            }

            return parse.GetValue(check) && report.Blocked ? ExitCodes.VerificationFailed : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>What the command prints, in one place (to move into resources with the Japanese messages).</summary>
    private static class Text
    {
        public const string ReviewPage = "Review page: ";
        public const string NothingBlocks = "Nothing blocks approval.";
        public const string Blocks = "Blocks approval:";
    }
}
