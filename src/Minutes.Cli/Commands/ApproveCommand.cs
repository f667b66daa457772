using System.CommandLine;
using Minutes.Review;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Cli.Commands;

/// <summary><c>minutes approve &lt;run&gt; --reviewer &lt;name&gt;</c>: appends an approval bound to the artifacts' sha256.</summary>
internal static class ApproveCommand
{
    public static Command Create(CliConsole console)
    {
        var run = CommonOptions.RunArgument();
        var reviewer = new Option<string>("--reviewer") { Description = Messages.Get("HelpApproveReviewer"), Required = true };
        var comment = new Option<string?>("--comment") { Description = Messages.Get("HelpApproveComment") };
        var acceptFlags = new Option<string?>("--accept-flags") { Description = Messages.Get("HelpApproveAcceptFlags") };
        var key = new Option<string?>("--key") { Description = Messages.Get("HelpApproveKey") };
        var wait = new Option<double>("--wait") { Description = Messages.Get("HelpApproveWait"), DefaultValueFactory = _ => ApprovalLock.DefaultTimeout.TotalSeconds };
        var command = new Command("approve", Messages.Get("HelpApproveApproveCommand")) { run, reviewer, comment, acceptFlags, key, wait };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = RunFolder.Open(parse.GetRequiredValue(run));
            var request = new ApprovalRequest(parse.GetRequiredValue(reviewer), parse.GetValue(comment), parse.GetValue(acceptFlags), parse.GetValue(key))
            {
                LockTimeout = TimeSpan.FromSeconds(Math.Max(0, parse.GetValue(wait))),
            };
            var result = Approver.Approve(folder, request, DateTimeOffset.UtcNow, cancellationToken);
            var approval = result.Approval;
            // The review page and verify keep ApprovalState.Describe's fixed wording; the console line speaks the user's language.
            var described = Messages.Get("ApprovalDescribed", approval.Sequence, ReviewerName.Printable(approval.Reviewer), approval.Approved.ToUniversalTime());
            await console.Out.WriteLineAsync(approval.Signature is { } signature
                ? Messages.Get("ApprovalRecordedSigned", described, approval.Version, approval.Files.Count, signature.KeyId[..16])
                : Messages.Get("ApprovalRecorded", described, approval.Version, approval.Files.Count));
            await console.Out.WriteLineAsync(result.Approved
                ? Messages.Get("VersionApproved", approval.Version)
                : Messages.Get("VersionNeedsReviewers", approval.Version, result.RequiredReviewers - result.Reviewers, approval.Confidentiality));
            return ExitCodes.Ok;
        });
        return command;
    }
}
