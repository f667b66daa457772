using System.Security.Cryptography;
using Minutes.Editing;
using Minutes.Review;
using Minutes.Review.Workbench;
using Minutes.Runs;
using Minutes.Tests.Review;
using Minutes.Tests.Support;

namespace Minutes.Tests.Editing;

/// <summary>The workbench's pen: statements edited and added from the list of what the draft left out, stale edits refused, approvals signed with the reviewer's key.</summary>
public sealed class WorkbenchEditTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_statement_edited_in_the_workbench_is_recorded_verified_and_a_stale_edit_is_refused()
    {
        var run = await ApprovalTests.ReviewedMeetingAsync(_temp);
        using var workbench = new ReviewWorkbench(run);
        var seen = (await workbench.StateAsync(CancellationToken.None)).Statements.Single(s => s.Id == "m0004").Text;

        var update = await workbench.EditAsync(new WorkbenchRequest("佐藤", "text", "m0004", "初期費用は500万円を見込んでいる。", seen), CancellationToken.None);

        var m0004 = update.Statements.Single(s => s.Id == "m0004");
        Assert.Equal(("初期費用は500万円を見込んでいる。", "unsupported"), (m0004.Text, m0004.Status));
        Assert.Contains("500万円", File.ReadAllText(run.PathOf(RunFolder.MinutesMarkdown)), StringComparison.Ordinal);
        var stale = await Assert.ThrowsAsync<WorkbenchConflictException>(() =>
            workbench.EditAsync(new WorkbenchRequest("鈴木", "text", "m0004", "初期費用は400万円を見込んでいる。", seen), CancellationToken.None));
        Assert.Contains("500万円", stale.Message, StringComparison.Ordinal);
        Assert.Single(MinutesEditLog.Load(run).Edits);
    }

    [Fact]
    public async Task Of_two_concurrent_edits_made_on_the_same_text_one_is_recorded_and_the_other_is_refused_as_stale()
    {
        var run = await ApprovalTests.ReviewedMeetingAsync(_temp);
        // Two workbenches (two processes on a shared run): only the run's lock orders their edits.
        using var first = new ReviewWorkbench(run);
        using var second = new ReviewWorkbench(run);
        var seen = (await first.StateAsync(CancellationToken.None)).Statements.Single(s => s.Id == "m0004").Text;
        Task<WorkbenchUpdate> a, b;
        using (ApprovalLock.Acquire(run, "test", ApprovalLock.DefaultTimeout))
        {
            a = Task.Run(() => first.EditAsync(new WorkbenchRequest("佐藤", "text", "m0004", "初期費用は500万円を見込んでいる。", seen), CancellationToken.None));
            b = Task.Run(() => second.EditAsync(new WorkbenchRequest("鈴木", "text", "m0004", "初期費用は400万円を見込んでいる。", seen), CancellationToken.None));
            // Both get as far as the lock while the statement still reads as both pages showed it.
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        var outcomes = await Task.WhenAll(new[] { a, b }.Select(async t =>
        {
            try
            {
                await t.WaitAsync(TimeSpan.FromSeconds(60));
                return "recorded";
            }
            catch (WorkbenchConflictException)
            {
                return "stale";
            }
        }));

        Assert.Equal(["recorded", "stale"], outcomes.Order(StringComparer.Ordinal));
        Assert.Single(MinutesEditLog.Load(run).Edits);
    }

    [Fact]
    public async Task A_segment_the_draft_left_out_gets_a_statement_from_the_page_with_one_action()
    {
        var run = await ApprovalTests.ReviewedMeetingAsync(_temp);
        using var workbench = new ReviewWorkbench(run);
        await workbench.EditAsync(new WorkbenchRequest("佐藤", "delete", "m0004"), CancellationToken.None);
        var page = await workbench.PageAsync(CancellationToken.None);
        Assert.Contains("data-segment=\"s0007\" data-anchor=\"m0003\"", page, StringComparison.Ordinal);

        var update = await workbench.EditAsync(new WorkbenchRequest("佐藤", "insert", "m0003", "初期費用は300万円を見込んでいる。") { Cites = "s0007" }, CancellationToken.None);

        var added = update.Statements.Single(s => s.Id == "e0002");
        Assert.Equal("supported", added.Status);
        Assert.Equal(["s0007"], added.Citations);
        Assert.DoesNotContain("data-segment=\"s0007\"", await workbench.PageAsync(CancellationToken.None), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approval_in_the_workbench_signed_with_the_reviewers_key_names_the_signer_in_verify_trust()
    {
        var run = await ApprovalTests.ReviewedMeetingAsync(_temp);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var trust = _temp.File("trust");
        Directory.CreateDirectory(trust);
        File.WriteAllText(Path.Combine(trust, "sato.pem"), key.ExportSubjectPublicKeyInfoPem());
        using var workbench = new ReviewWorkbench(run);
        var pem = key.ExportPkcs8PrivateKeyPem();

        var bad = await Assert.ThrowsAnyAsync<MinutesException>(() =>
            workbench.ApproveAsync(new WorkbenchRequest("佐藤", AcceptFlags: "checked", Key: "-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----"), DateTimeOffset.UtcNow, CancellationToken.None));
        Assert.DoesNotContain("c2VjcmV0", bad.Message, StringComparison.Ordinal);
        Assert.False(run.Exists(RunFolder.ApprovalsFile));

        await workbench.ApproveAsync(new WorkbenchRequest("佐藤", AcceptFlags: "checked", Key: pem), DateTimeOffset.UtcNow, CancellationToken.None);

        var signature = Assert.Single(ApprovalLog.Load(run).Approvals).Signature!;
        var verify = await CliRunner.RunAsync("verify", run.Root, "--trust", trust, "--require-approval");
        Assert.True(verify.ExitCode == 0, verify.Out + verify.Error);
        Assert.Contains($"approval 1 by 佐藤 ", verify.Out, StringComparison.Ordinal);
        Assert.Contains($", signed by sato (key {signature.KeyId[..16]}) covers version 1 (current)", verify.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", File.ReadAllText(run.PathOf(RunFolder.ApprovalsFile)), StringComparison.Ordinal);
    }
}
