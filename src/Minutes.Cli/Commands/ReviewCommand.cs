using System.CommandLine;
using Minutes.Configuration;
using Minutes.Json;
using Minutes.Pipeline;
using Minutes.Review;
using Minutes.Review.Workbench;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Cli.Commands;

/// <summary>
/// <c>minutes review &lt;run&gt; [--json] [--check] [--serve [--port N]]</c>: writes review.html and
/// prints what needs attention (or one JSON document); <c>--check</c> exits 3 while something blocks
/// approval; with <c>--serve</c>, serves the page as the review workbench on 127.0.0.1 until Ctrl+C.
/// </summary>
internal static class ReviewCommand
{
    public static Command Create(CliConsole console)
    {
        var run = CommonOptions.RunArgument();
        var json = CommonOptions.Json();
        var check = new Option<bool>("--check") { Description = Messages.Get("HelpReviewCheck") };
        var serve = new Option<bool>("--serve") { Description = Messages.Get("HelpReviewServe") };
        var port = new Option<int>("--port") { Description = Messages.Get("HelpReviewPort", WorkbenchOptions.Defaults.Port), DefaultValueFactory = _ => WorkbenchOptions.Defaults.Port };
        var meeting = new Option<string?>("--meeting") { Description = Messages.Get("HelpReviewMeeting") };
        var roster = new Option<string?>("--roster") { Description = Messages.Get("HelpReviewRoster") };
        var command = new Command("review", Messages.Get("HelpReviewReviewCommand")) { run, json, check, serve, port, meeting, roster };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = RunFolder.Open(parse.GetRequiredValue(run));
            var options = new WorkbenchOptions { Port = parse.GetValue(port), Meeting = parse.GetValue(meeting), Roster = parse.GetValue(roster) };
            if (parse.GetValue(serve))
            {
                // Options are checked before the run's pages are written.
                options.Validate();
            }

            var flags = await new MinutesPipeline().ReviewAsync(folder, cancellationToken);
            var report = ReviewReport.Of(folder, flags);
            if (parse.GetValue(json))
            {
                await CommonOptions.WriteJsonAsync(console, report, MinutesJson.Context.ReviewReport);
            }
            else
            {
                await console.Out.WriteLineAsync(Messages.Get("ReviewPageIs", folder.PathOf(RunFolder.ReviewPage)));
                foreach (var line in flags.Summary())
                {
                    await console.Out.WriteLineAsync("  " + line);
                }

                await console.Out.WriteLineAsync(Messages.Get(report.Blockers.Count == 0 ? "NothingBlocks" : "BlocksApproval"));
                foreach (var blocker in flags.Blockers())
                {
                    await console.Out.WriteLineAsync("  - " + blocker.Text);
                }
            }

            if (parse.GetValue(serve))
            {
                return await ServeAsync(console, folder, options with { Config = MinutesConfig.Load() }, cancellationToken);
            }

            return parse.GetValue(check) && report.Blocked ? ExitCodes.VerificationFailed : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Serves until Ctrl+C (the command's cancellation), then stops the server and returns 0: stopping is how it ends.</summary>
    private static async Task<int> ServeAsync(CliConsole console, RunFolder folder, WorkbenchOptions options, CancellationToken cancellationToken)
    {
        using var workbench = new ReviewWorkbench(folder, options);
        await using var server = await WorkbenchServer.StartAsync(workbench, options.Port, cancellationToken);
        await console.Out.WriteLineAsync(Messages.Get("WorkbenchAt", server.Address));
        await console.Out.WriteLineAsync(Messages.Get("WorkbenchOpenIt"));
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await server.StopAsync(CancellationToken.None);
        }

        // The corrections made in the workbench reach the static page now.
        await workbench.WriteReviewPageAsync(CancellationToken.None);

        await console.Out.WriteLineAsync(Messages.Get("WorkbenchStopped"));
        return ExitCodes.Ok;
    }
}
