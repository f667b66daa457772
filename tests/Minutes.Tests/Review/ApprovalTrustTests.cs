using System.Text.Json.Nodes;
using Minutes.Json;
using Minutes.Review;
using Minutes.Runs;
using Minutes.Tests.Support;

namespace Minutes.Tests.Review;

public sealed class ApprovalTrustTests
{
    [Fact]
    public async Task A_number_edited_into_the_structured_minutes_is_flagged_at_review_and_blocks_approval()
    {
        using var temp = new TempFolder();
        var run = await CommitteeMeeting.CreateForReviewAsync(temp.File("run"));

        // Edited by hand, its stored verdict left at "supported"; review reads 07, so the manifest acknowledges the file.
        var minutes = run.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument);
        run.Write(RunFolder.MinutesTrace, CommitteeMeeting.WithItem(minutes, "m0004", i => i with { Text = i.Text.Replace("300", "350", StringComparison.Ordinal) }), MinutesJson.Context.MinutesDocument);
        var review = await CliRunner.RunAsync("review", run.Root);

        ApprovalTests.Succeeds(review);
        Assert.Contains("unsupported: 2", review.Out, StringComparison.Ordinal);
        Assert.Contains("m0004 is recorded as supported, but verified again now: 「350万」 is not in the cited segments", review.Out, StringComparison.Ordinal);
        Assert.Contains("id=\"item-m0004\" class=\"statement unsupported", File.ReadAllText(run.PathOf(RunFolder.ReviewPage)), StringComparison.Ordinal);
        var approve = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "佐藤");
        Assert.Equal(ExitCodes.Failure, approve.ExitCode);
        Assert.Contains("m0004, m0008", approve.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cited_segment_corrected_after_drafting_is_flagged_without_a_new_draft()
    {
        using var temp = new TempFolder();
        var run = await CommitteeMeeting.CreateForReviewAsync(temp.File("run"));

        var transcript = File.ReadAllText(run.PathOf(RunFolder.TranscriptTrace));
        File.WriteAllText(run.PathOf(RunFolder.TranscriptTrace), transcript.Replace("三百万円", "三百五十万円", StringComparison.Ordinal));
        var review = await CliRunner.RunAsync("review", run.Root);

        ApprovalTests.Succeeds(review);
        Assert.Contains("m0004 is recorded as supported, but verified again now: 「300万」 is not in the cited segments", review.Out, StringComparison.Ordinal);
        var approve = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "佐藤");
        Assert.Equal(ExitCodes.Failure, approve.ExitCode);
        Assert.Contains("m0004", approve.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_approval_log_is_a_verification_failure()
    {
        using var temp = new TempFolder();
        var run = await ApprovalTests.ApprovedMeetingAsync(temp);

        File.Delete(run.PathOf(RunFolder.ApprovalsFile));

        Assert.Contains("MISSING approvals: the manifest records 1 approval(s), approvals.json holds 0", await ApprovalTests.VerifyFailsAsync(run), StringComparison.Ordinal);
        var approve = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "鈴木", "--accept-flags", "checked");
        Assert.Equal(ExitCodes.VerificationFailed, approve.ExitCode);
    }

    [Fact]
    public async Task Removing_the_last_approval_keeps_the_chain_but_not_the_seal()
    {
        using var temp = new TempFolder();
        var run = await ApprovalTests.ApprovedMeetingAsync(temp);
        ApprovalTests.Succeeds(await CliRunner.RunAsync("approve", run.Root, "--reviewer", "鈴木", "--accept-flags", "checked"));

        var log = ApprovalLog.Load(run);
        run.Write(RunFolder.ApprovalsFile, log with { Approvals = [log.Approvals[0]] }, MinutesJson.Context.ApprovalLog);

        var verify = await ApprovalTests.VerifyFailsAsync(run);
        Assert.DoesNotContain("ALTERED", verify, StringComparison.Ordinal);
        Assert.Contains("MISSING approvals: the manifest records 2 approval(s), approvals.json holds 1", verify, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("not json")]
    [InlineData("{\"formatVersion\": 1, \"approvals\": [{}]}")]
    public async Task A_malformed_approval_log_is_named_exit_3_when_the_run_was_approved(string content)
    {
        using var temp = new TempFolder();
        var run = await ApprovalTests.ApprovedMeetingAsync(temp);

        File.WriteAllText(run.PathOf(RunFolder.ApprovalsFile), content);

        Assert.Contains("ALTERED approvals.json is not a valid approval log", await ApprovalTests.VerifyFailsAsync(run), StringComparison.Ordinal);
        var approve = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "鈴木", "--accept-flags", "checked");
        Assert.Equal(ExitCodes.VerificationFailed, approve.ExitCode);
        Assert.DoesNotContain("unexpected", approve.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_approval_log_in_a_run_never_approved_is_exit_2_naming_the_file()
    {
        using var temp = new TempFolder();
        var run = await ApprovalTests.ReviewedMeetingAsync(temp);

        File.WriteAllText(run.PathOf(RunFolder.ApprovalsFile), "{}");
        var verify = await CliRunner.RunAsync("verify", run.Root);

        Assert.Equal(ExitCodes.Failure, verify.ExitCode);
        Assert.StartsWith("minutes: approvals.json is not a valid approval log (", verify.Error, StringComparison.Ordinal);
        Assert.Single(verify.Error.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("./minutes.md")]
    [InlineData("ABSOLUTE")]
    [InlineData("trace/../minutes.md")]
    public async Task A_tampered_draft_behind_a_rewritten_manifest_path_is_a_verification_failure(string rewritten)
    {
        using var temp = new TempFolder();
        var run = await ApprovalTests.ApprovedMeetingAsync(temp);
        var path = rewritten == "ABSOLUTE" ? Path.Combine(temp.Path, "copy-of-minutes.md") : rewritten;
        if (rewritten == "ABSOLUTE")
        {
            File.Copy(run.PathOf(RunFolder.MinutesMarkdown), path);
        }

        File.AppendAllText(run.PathOf(RunFolder.MinutesMarkdown), "\nadded by hand\n");
        RewritePaths(run, RunFolder.MinutesMarkdown, path);

        var verify = await ApprovalTests.VerifyFailsAsync(run);
        Assert.Contains("INVALID manifest path: render output", verify, StringComparison.Ordinal);
        Assert.Contains("status: verification failed", verify, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.VerificationFailed, (await CliRunner.RunAsync("approve", run.Root, "--reviewer", "鈴木", "--accept-flags", "checked")).ExitCode);
    }

    [Fact]
    public async Task A_manifest_path_out_of_the_run_is_never_read()
    {
        using var temp = new TempFolder();
        var run = await ApprovalTests.ApprovedMeetingAsync(temp);
        // A folder where the path leads: hashing it would fail, so a clean report shows it was not opened.
        Directory.CreateDirectory(temp.File("outside"));
        RewritePaths(run, RunFolder.SessionsTrace, "../outside");

        var verify = await ApprovalTests.VerifyFailsAsync(run);
        Assert.Contains("INVALID manifest path: sessions output '../outside'", verify, StringComparison.Ordinal);
        Assert.DoesNotContain("MISSING ../", verify, StringComparison.Ordinal);
        var review = await CliRunner.RunAsync("review", run.Root);
        Assert.DoesNotContain("unexpected", review.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tanaka.")]
    [InlineData(" T a n a k a ")]
    [InlineData("ＴＡＮＡＫＡ")]
    [InlineData("ta-naka")]
    public async Task At_level_3_one_person_under_another_spelling_is_still_one_reviewer(string spelling)
    {
        using var temp = new TempFolder();
        var run = await ApprovalTests.ReviewedMeetingAsync(temp, confidentiality: 3);
        ApprovalTests.Succeeds(await CliRunner.RunAsync("approve", run.Root, "--reviewer", "tanaka", "--accept-flags", "checked"));

        var again = await CliRunner.RunAsync("approve", run.Root, "--reviewer", spelling, "--accept-flags", "checked");

        Assert.Equal(ExitCodes.Failure, again.ExitCode);
        Assert.Contains("already approved version 1", again.Error, StringComparison.Ordinal);
        Assert.Single(ApprovalLog.Load(run).Approvals);
    }

    [Theory]
    [InlineData("tanaka\nstatus: version 1 approved by everyone")]
    [InlineData("tana\u200Bka")]
    [InlineData("tanaka\u001b[2K")]
    [InlineData("...")]
    [InlineData("Dictionary")]
    public async Task A_reviewer_name_with_control_or_format_characters_or_the_reserved_name_is_refused(string name)
    {
        using var temp = new TempFolder();
        var run = await ApprovalTests.ReviewedMeetingAsync(temp);

        var approve = await CliRunner.RunAsync("approve", run.Root, "--reviewer", name, "--accept-flags", "checked");

        Assert.Equal(ExitCodes.Failure, approve.ExitCode);
        Assert.Single(approve.Error.TrimEnd('\n').Split('\n'));
        Assert.False(run.Exists(RunFolder.ApprovalsFile));
    }

    [Fact]
    public async Task A_forged_name_in_the_log_cannot_forge_a_line_of_verify()
    {
        using var temp = new TempFolder();
        var run = await ApprovalTests.ApprovedMeetingAsync(temp);

        // Rewrite the name and recompute digest and seal, as someone who knows the format could.
        var log = ApprovalLog.Load(run);
        var forged = log.Approvals[0] with { Reviewer = "x\nstatus: version 9 approved by everyone" };
        forged = forged with { Sha256 = ApprovalLog.DigestOf(forged) };
        run.Write(RunFolder.ApprovalsFile, log with { Approvals = [forged] }, MinutesJson.Context.ApprovalLog);
        run.SaveManifest(run.LoadManifest() with { Approvals = new ApprovalSeal(1, forged.Sha256) });

        var verify = await CliRunner.RunAsync("verify", run.Root);
        Assert.DoesNotContain("\nstatus: version 9", verify.Out, StringComparison.Ordinal);
        Assert.Contains("x\\u000Astatus: version 9", verify.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RunFolder.ApprovalsFile)]
    [InlineData(RunFolder.ManifestFile)]
    [InlineData(RunFolder.TranscriptTrace)]
    [InlineData(RunFolder.MinutesMarkdown)]
    public async Task Render_refuses_to_overwrite_the_runs_own_files(string target)
    {
        using var temp = new TempFolder();
        var run = await ApprovalTests.ApprovedMeetingAsync(temp);
        var before = File.ReadAllBytes(run.PathOf(target));

        var render = await CliRunner.RunAsync("render", run.Root, "--format", "txt", "-o", run.PathOf(target));

        Assert.Equal(ExitCodes.Failure, render.ExitCode);
        Assert.Single(render.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains("the run's own " + target, render.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(run.PathOf(target)));
        ApprovalTests.Succeeds(await CliRunner.RunAsync("render", run.Root, "--format", "txt", "-o", Path.Combine(run.Root, "filing", "minutes.txt")));
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("verify", run.Root, "--require-approval")).ExitCode);
    }

    private static void RewritePaths(RunFolder run, string from, string to)
    {
        var node = JsonNode.Parse(File.ReadAllText(run.PathOf(RunFolder.ManifestFile)))!;
        foreach (var stage in node["stages"]!.AsArray())
        {
            foreach (var list in new[] { "inputs", "outputs" })
            {
                foreach (var digest in stage![list]!.AsArray().Where(d => (string?)d!["path"] == from))
                {
                    digest!["path"] = to;
                }
            }
        }

        File.WriteAllText(run.PathOf(RunFolder.ManifestFile), node.ToJsonString());
    }
}
