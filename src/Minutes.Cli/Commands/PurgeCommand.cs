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
        var recording = new Option<bool>("--recording") { Description = Messages.Get("HelpPurgeRecording") };
        var personal = new Option<bool>("--personal-information") { Description = Messages.Get("HelpPurgePersonalInformation") };
        var reviewer = new Option<string>("--reviewer") { Description = Messages.Get("HelpPurgeReviewer"), Required = true };
        var reason = CommonOptions.Reason();
        var command = new Command("purge", Messages.Get("HelpPurgeCommand"))
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
