using System.Text.Json.Nodes;
using Minutes.Json;
using Minutes.Review;
using Minutes.Runs;
using Minutes.Tests.Support;

namespace Minutes.Tests.Review;

public sealed class ApprovalTests
{
    [Fact]
    public async Task Approve_refuses_while_a_statement_is_unsupported()
    {
        using var temp = new TempFolder();
        var run = await ReviewedMeetingAsync(temp);

        var result = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "佐藤");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains("m0008", result.Error, StringComparison.Ordinal);
        Assert.Contains("--accept-flags", result.Error, StringComparison.Ordinal);
        Assert.False(run.Exists(RunFolder.ApprovalsFile));
    }

    [Fact]
    public async Task Approve_with_a_reason_records_it_and_binds_the_digests_of_draft_and_traces()
    {
        using var temp = new TempFolder();
        var run = await ReviewedMeetingAsync(temp);

        var result = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "佐藤", "--comment", "checked against the recording", "--accept-flags", "m0008 confirmed with the chair");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("Version 1 is approved.", result.Out, StringComparison.Ordinal);
        var approval = Assert.Single(ApprovalLog.Load(run).Approvals);
        Assert.Equal("m0008 confirmed with the chair", approval.AcceptedFlags!.Reason);
        Assert.Equal(["m0008"], approval.AcceptedFlags.Items);
        Assert.Equal(ApprovalLog.Genesis, approval.Previous);
        var bound = approval.Files.ToDictionary(f => f.Path, f => f.Sha256);
        foreach (var file in new[] { RunFolder.MinutesMarkdown, RunFolder.MinutesTrace, RunFolder.TranscriptTrace, RunFolder.SpeakersTrace, RunFolder.SessionsTrace, RunFolder.DecodedAudio })
        {
            Assert.Equal(Hashing.Sha256OfFile(run.PathOf(file)), bound[file]);
        }

        Assert.DoesNotContain(RunFolder.ReviewPage, bound.Keys);
        var verify = await CliRunner.RunAsync("verify", run.Root, "--require-approval");
        Assert.Equal(ExitCodes.Ok, verify.ExitCode);
        Assert.Contains("status: version 1 approved by 佐藤", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confidentiality_level_3_counts_as_approved_only_after_two_different_reviewers()
    {
        using var temp = new TempFolder();
        var run = await ReviewedMeetingAsync(temp, confidentiality: 3);
        const string reason = "checked";

        var first = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "Tanaka", "--accept-flags", reason);
        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.Contains("needs 1 more, different reviewer", first.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.VerificationFailed, (await CliRunner.RunAsync("verify", run.Root, "--require-approval")).ExitCode);

        // The same person under another spelling (full-width, other case) is still one reviewer.
        var again = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "ＴＡＮＡＫＡ", "--accept-flags", reason);
        Assert.Equal(ExitCodes.Failure, again.ExitCode);
        Assert.Contains("already approved version 1", again.Error, StringComparison.Ordinal);

        var second = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "Suzuki", "--accept-flags", reason);
        Assert.Equal(ExitCodes.Ok, second.ExitCode);
        Assert.Contains("Version 1 is approved.", second.Out, StringComparison.Ordinal);
        var verify = await CliRunner.RunAsync("verify", run.Root, "--require-approval");
        Assert.Equal(ExitCodes.Ok, verify.ExitCode);
        Assert.Contains("status: version 1 approved by Tanaka, Suzuki", verify.Out, StringComparison.Ordinal);
        Assert.Equal(2, ApprovalLog.Load(run).Approvals.Count);
    }

    [Fact]
    public async Task Verify_names_a_file_edited_after_the_approval_and_exits_3()
    {
        using var temp = new TempFolder();
        var run = await ApprovedMeetingAsync(temp);

        File.AppendAllText(run.PathOf(RunFolder.MinutesMarkdown), "\nadded by hand\n");
        var verify = await VerifyFailsAsync(run);

        var line = Assert.Single(verify.Split('\n'), l => l.StartsWith("CHANGED", StringComparison.Ordinal));
        Assert.StartsWith("CHANGED minutes.md: differs from what the render stage recorded", line, StringComparison.Ordinal);
        Assert.Contains("changed after approval 1 by 佐藤", line, StringComparison.Ordinal);
        Assert.Contains("status: verification failed", verify, StringComparison.Ordinal);

        var approve = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "鈴木", "--accept-flags", "checked");
        Assert.Equal(ExitCodes.VerificationFailed, approve.ExitCode);
        Assert.Contains("minutes.md", approve.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_reports_a_missing_trace()
    {
        using var temp = new TempFolder();
        var run = await ApprovedMeetingAsync(temp);

        File.Delete(run.PathOf(RunFolder.SessionsTrace));

        Assert.Contains("MISSING trace/05-sessions.json", await VerifyFailsAsync(run), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrected_transcript_drafted_again_is_a_new_version_not_tampering()
    {
        using var temp = new TempFolder();
        var run = await ApprovedMeetingAsync(temp);

        // The clerk corrects a word in the transcript, then the draft and review stages run again.
        var transcript = File.ReadAllText(run.PathOf(RunFolder.TranscriptTrace));
        File.WriteAllText(run.PathOf(RunFolder.TranscriptTrace), transcript.Replace("三百万円", "三百五十万円", StringComparison.Ordinal));
        await CommitteeMeeting.RedraftAsync(run, minutes => minutes with
        {
            Sections = minutes.Sections.Select(s => s with { Items = s.Items.Select(i => i.Id == "m0004" ? i with { Text = i.Text.Replace("300", "350", StringComparison.Ordinal) } : i).ToList() }).ToList(),
        });
        var early = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "佐藤", "--accept-flags", "checked again");
        Assert.Equal(ExitCodes.Failure, early.ExitCode);
        Assert.Contains("minutes.md was rendered from an older trace/07-minutes.json", early.Error, StringComparison.Ordinal);
        Succeeds(await CliRunner.RunAsync("review", run.Root));

        var verify = await CliRunner.RunAsync("verify", run.Root);
        Assert.Equal(ExitCodes.Ok, verify.ExitCode);
        Assert.DoesNotContain("CHANGED", verify.Out, StringComparison.Ordinal);
        Assert.Contains("approval 1 by 佐藤", verify.Out, StringComparison.Ordinal);
        Assert.Contains("covers version 1; current is version 2: not approved", verify.Out, StringComparison.Ordinal);
        Assert.Contains("status: version 2 not approved", verify.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.VerificationFailed, (await CliRunner.RunAsync("verify", run.Root, "--require-approval")).ExitCode);
        Assert.Contains("350", File.ReadAllText(run.PathOf(RunFolder.MinutesMarkdown)), StringComparison.Ordinal);

        var approve = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "佐藤", "--accept-flags", "checked again");
        Assert.Equal(ExitCodes.Ok, approve.ExitCode);
        var log = ApprovalLog.Load(run);
        Assert.Equal([1, 2], log.Approvals.Select(a => a.Version));
        Assert.Equal(log.Approvals[0].Sha256, log.Approvals[1].Previous);
        var final = await CliRunner.RunAsync("verify", run.Root, "--require-approval");
        Assert.Equal(ExitCodes.Ok, final.ExitCode);
        Assert.Contains("status: version 2 approved by 佐藤", final.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_altered_approval_breaks_the_chain()
    {
        using var temp = new TempFolder();
        var run = await ApprovedMeetingAsync(temp);

        var log = JsonNode.Parse(File.ReadAllText(run.PathOf(RunFolder.ApprovalsFile)))!;
        log["approvals"]![0]!["reviewer"] = "someone else";
        File.WriteAllText(run.PathOf(RunFolder.ApprovalsFile), log.ToJsonString());

        Assert.Contains("ALTERED approvals.json: approval 1", await VerifyFailsAsync(run), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hand_edited_manifest_that_hides_an_edit_is_caught()
    {
        using var temp = new TempFolder();
        var run = await ApprovedMeetingAsync(temp);

        // Edit the draft and write its new digest into the manifest, as if the render stage had.
        File.AppendAllText(run.PathOf(RunFolder.MinutesMarkdown), "\nadded by hand\n");
        var digest = run.Digest(RunFolder.MinutesMarkdown);
        var manifest = run.LoadManifest();
        run.SaveManifest(manifest with
        {
            Stages = manifest.Stages.Select(s => s with
            {
                Inputs = s.Inputs.Select(d => d.Path == digest.Path ? digest : d).ToList(),
                Outputs = s.Outputs.Select(d => d.Path == digest.Path ? digest : d).ToList(),
            }).ToList(),
        });

        Assert.Contains("INCONSISTENT manifest: it records minutes.md as written before approval 1 by 佐藤", await VerifyFailsAsync(run), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_prints_the_flags_and_what_blocks_approval()
    {
        using var temp = new TempFolder();
        var run = await CommitteeMeeting.CreateForReviewAsync(temp.File("run"));

        var review = await CliRunner.RunAsync("review", run.Root);

        Succeeds(review);
        Assert.Contains("statements: 10, unsupported: 1, unresolved citations: 0", review.Out, StringComparison.Ordinal);
        Assert.Contains("personal information found: 2", review.Out, StringComparison.Ordinal);
        Assert.Contains("transcript: 1 low-confidence segment(s), 1 dropped", review.Out, StringComparison.Ordinal);
        Assert.Contains("speakers named by inference: 1", review.Out, StringComparison.Ordinal);
        Assert.Contains("Blocks approval:", review.Out, StringComparison.Ordinal);
        Assert.Contains("1 unsupported statement(s) (m0008)", review.Out, StringComparison.Ordinal);
        Assert.True(run.Exists(RunFolder.ReviewPage));
        Assert.Equal(StageNames.Render, run.LoadManifest().Stage(StageNames.Render)!.Name);
        Assert.Equal(RunFolder.MinutesMarkdown, Assert.Single(run.LoadManifest().Stage(StageNames.Render)!.Outputs).Path);
    }

    internal static async Task<string> VerifyFailsAsync(RunFolder run)
    {
        var verify = await CliRunner.RunAsync("verify", run.Root);
        Assert.True(verify.ExitCode == ExitCodes.VerificationFailed, $"exit {verify.ExitCode}: {verify.Out}");
        return verify.Out;
    }

    internal static void Succeeds(CliRunner.Result result) =>
        Assert.True(result.ExitCode == ExitCodes.Ok, $"exit {result.ExitCode}: {result.Error}");

    internal static async Task<RunFolder> ReviewedMeetingAsync(TempFolder temp, int confidentiality = 2)
    {
        var run = await CommitteeMeeting.CreateForReviewAsync(temp.File("run"), confidentiality);
        Succeeds(await CliRunner.RunAsync("review", run.Root));
        return run;
    }

    internal static async Task<RunFolder> ApprovedMeetingAsync(TempFolder temp)
    {
        var run = await ReviewedMeetingAsync(temp);
        var approve = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "佐藤", "--accept-flags", "m0008 confirmed");
        Assert.Equal(ExitCodes.Ok, approve.ExitCode);
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("verify", run.Root)).ExitCode);
        return run;
    }
}
