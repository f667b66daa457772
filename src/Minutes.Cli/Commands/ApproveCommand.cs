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
        var key = new Option<string?>("--key") { Description = "Sign the approval with this ECDSA P-256 private key (unencrypted PEM)." };
        var wait = new Option<double>("--wait") { Description = "Seconds to wait while another approval holds approvals.json.lock.", DefaultValueFactory = _ => ApprovalLock.DefaultTimeout.TotalSeconds };
        var command = new Command("approve", "Approve the draft: append to approvals.json an approval bound to the sha256 of the minutes and every trace.") { run, reviewer, comment, acceptFlags, key, wait };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = RunFolder.Open(parse.GetRequiredValue(run));
            var request = new ApprovalRequest(parse.GetRequiredValue(reviewer), parse.GetValue(comment), parse.GetValue(acceptFlags), parse.GetValue(key))
            {
                LockTimeout = TimeSpan.FromSeconds(Math.Max(0, parse.GetValue(wait))),
            };
            var result = Approver.Approve(folder, request, DateTimeOffset.UtcNow, cancellationToken);
            var approval = result.Approval;
            await console.Out.WriteLineAsync($"Recorded {ApprovalState.Describe(approval)} of version {approval.Version} ({approval.Files.Count} files bound{(approval.Signature is { } signature ? $", signed with key {signature.KeyId[..16]}" : string.Empty)}).");
            await console.Out.WriteLineAsync(result.Approved
                ? $"Version {approval.Version} is approved."
                : $"Version {approval.Version} needs {result.RequiredReviewers - result.Reviewers} more, different reviewer(s) (confidentiality level {approval.Confidentiality}).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
