using System.Diagnostics;
using Minutes.Review;
using Minutes.Runs;
using Minutes.Tests.Support;

namespace Minutes.Tests.Review;

/// <summary>
/// Approvals from separate processes, as from two PCs on a shared folder: the built command line
/// (<c>minutes.dll</c> beside the test binaries) runs in real processes, so only the lock file,
/// not anything inside one process, keeps them apart.
/// </summary>
public sealed class ConcurrentApprovalTests
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Six_processes_approving_at_once_are_all_kept()
    {
        using var temp = new TempFolder();
        var run = await ApprovalTests.ReviewedMeetingAsync(temp);
        const int count = 6;

        var results = await Task.WhenAll(Enumerable.Range(1, count).Select(i =>
            RunCliAsync("approve", run.Root, "--reviewer", $"reviewer{i}", "--accept-flags", "checked", "--wait", "60")));

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Error));
        var log = ApprovalLog.Load(run);
        Assert.Equal(count, log.Approvals.Count);
        Assert.Equal(Enumerable.Range(1, count), log.Approvals.Select(a => a.Sequence));
        Assert.Equal(Enumerable.Range(1, count).Select(i => $"reviewer{i}").Order(), log.Approvals.Select(a => a.Reviewer).Order());
        Assert.Empty(log.BrokenLinks());
        Assert.Equal(new ApprovalSeal(count, log.Approvals[^1].Sha256), run.LoadManifest().Approvals);
        Assert.False(run.Exists(RunFolder.ApprovalsLock));
        var verify = await CliRunner.RunAsync("verify", run.Root, "--require-approval");
        Assert.True(verify.ExitCode == 0, verify.Out);
    }

    [Fact]
    public async Task Two_processes_approving_as_the_same_reviewer_record_one_approval_and_refuse_the_other()
    {
        using var temp = new TempFolder();
        var run = await ApprovalTests.ReviewedMeetingAsync(temp);

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            RunCliAsync("approve", run.Root, "--reviewer", "佐藤", "--accept-flags", "checked", "--wait", "60")));

        Assert.Single(results, r => r.ExitCode == 0);
        Assert.Contains("already approved version 1", Assert.Single(results, r => r.ExitCode != 0).Error, StringComparison.Ordinal);
        Assert.Single(ApprovalLog.Load(run).Approvals);
    }

    [Fact]
    public async Task A_held_lock_makes_approve_wait_then_fail_with_a_line_naming_the_holder()
    {
        using var temp = new TempFolder();
        var run = await ApprovalTests.ReviewedMeetingAsync(temp);
        File.WriteAllText(run.PathOf(RunFolder.ApprovalsLock), "purpose: approve\nhost: PC-12\npid: 4242\nuser: sato\nsince: 2026-11-29T10:00:00.000Z\ntoken: x\n");

        var clock = Stopwatch.StartNew();
        var approve = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "鈴木", "--accept-flags", "checked", "--wait", "0.5");

        Assert.Equal(ExitCodes.Failure, approve.ExitCode);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.5), $"gave up after {clock.Elapsed}");
        var line = Assert.Single(approve.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains("approvals.json is locked by approve by sato on PC-12 (process 4242) since 2026-11-29T10:00:00.000Z", line, StringComparison.Ordinal);
        Assert.Contains("delete " + run.PathOf(RunFolder.ApprovalsLock), line, StringComparison.Ordinal);
        Assert.False(run.Exists(RunFolder.ApprovalsFile));
        Assert.True(run.Exists(RunFolder.ApprovalsLock));
    }

    [Fact]
    public async Task A_lock_released_while_waiting_lets_the_approval_through()
    {
        using var temp = new TempFolder();
        var run = await ApprovalTests.ReviewedMeetingAsync(temp);
        var held = ApprovalLock.Acquire(run, "test", TimeSpan.FromSeconds(5))!;

        var approve = RunCliAsync("approve", run.Root, "--reviewer", "鈴木", "--accept-flags", "checked", "--wait", "60");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(approve.IsCompleted);
        Assert.False(run.Exists(RunFolder.ApprovalsFile));
        held.Dispose();

        var result = await approve;
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Single(ApprovalLog.Load(run).Approvals);
    }

    private static async Task<CliRunner.Result> RunCliAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "minutes.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ProcessTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"minutes {string.Join(' ', args)} did not finish within {ProcessTimeout}.");
        }

        return new CliRunner.Result(process.ExitCode, await output, await error);
    }
}
