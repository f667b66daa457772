using System.CommandLine;
using Minutes.Review;
using Minutes.Runs;

namespace Minutes.Cli.Commands;

/// <summary><c>minutes approve &lt;run&gt; --reviewer &lt;name&gt;</c>: appends an approval bound to the artifacts' sha256.</summary>
internal static class ApproveCommand
{
    public static Command Create(CliConsole console)
    {
        var run = CommonOptions.RunArgument();
        var reviewer = new Option<string>("--reviewer") { Description = "Who approves (recorded).", Required = true };
        var comment = new Option<string?>("--comment") { Description = "A comment recorded with the approval." };
        var acceptFlags = new Option<string?>("--accept-flags") { Description = "Approve although statements are flagged; the reason (what you checked) is recorded." };
        var command = new Command("approve", "Approve the draft: append to approvals.json an approval bound to the sha256 of the minutes and every trace.") { run, reviewer, comment, acceptFlags };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = RunFolder.Open(parse.GetRequiredValue(run));
            var result = Approver.Approve(folder, parse.GetRequiredValue(reviewer), parse.GetValue(comment), parse.GetValue(acceptFlags), DateTimeOffset.UtcNow);
            var approval = result.Approval;
            await console.Out.WriteLineAsync($"Recorded {ApprovalState.Describe(approval)} of version {approval.Version} ({approval.Files.Count} files bound).");
            await console.Out.WriteLineAsync(result.Approved
                ? $"Version {approval.Version} is approved."
                : $"Version {approval.Version} needs {result.RequiredReviewers - result.Reviewers} more, different reviewer(s) (confidentiality level {approval.Confidentiality}).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
