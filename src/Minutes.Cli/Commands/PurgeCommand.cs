using System.CommandLine;
using Minutes.Keeping;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Cli.Commands;

/// <summary><c>minutes purge &lt;run&gt; --recording [--personal-information] --reviewer NAME [--reason R]</c>.</summary>
internal static class PurgeCommand
{
    public static Command Create(CliConsole console)
    {
        var run = CommonOptions.RunArgument();
        var recording = new Option<bool>("--recording") { Description = "Remove the run's copy of the recording and its working data." };
        var personal = new Option<bool>("--personal-information") { Description = "Rewrite the run's files with the personal information decided as redacted replaced by ○○." };
        var reviewer = new Option<string>("--reviewer") { Description = "Who purges (recorded).", Required = true };
        var reason = new Option<string?>("--reason") { Description = "Why (recorded), e.g. the retention rule." };
        var command = new Command("purge", "Remove the recording (and unredacted personal information) from an approved run; what was removed and when is recorded, and verify reports the run as approved with it purged.")
        {
            run, recording, personal, reviewer, reason,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = RunFolder.Open(parse.GetRequiredValue(run));
            var entry = Purger.Purge(folder, new PurgeRequest(parse.GetValue(recording), parse.GetValue(personal), parse.GetRequiredValue(reviewer), parse.GetValue(reason)), DateTimeOffset.UtcNow, cancellationToken);
            await console.Out.WriteLineAsync(Messages.Get("Purged", entry.Sequence, entry.Reviewer, entry.Files.Count(f => f.After is null), entry.Files.Count(f => f.After is not null), PurgeLog.File));
            foreach (var outside in entry.NotRemoved)
            {
                await console.Out.WriteLineAsync(Messages.Get("PurgeOutside", outside));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
