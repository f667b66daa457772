using System.Security.Cryptography;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Tests.Models;
using Minutes.Tests.Support;

namespace Minutes.Tests.Runs;

/// <summary>
/// Faults stay faults without erasing what was done: a failed re-run keeps the completed record
/// (so a failed re-draft leaves the earlier draft and its LLM traces bound) and records the
/// attempt beside it; hashing a long recording stops at Ctrl+C.
/// </summary>
[Collection(nameof(EnvironmentCollection))]
public sealed class StageFailureTests : IDisposable
{
    private static readonly Dictionary<string, string> Parameters = new() { ["model"] = "tiny" };
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_failed_rerun_keeps_the_completed_record_and_records_the_attempt_beside_it()
    {
        var run = RunFolder.Create(_temp.File("run"), null);
        var stage = new StageDefinition(StageNames.Draft, Parameters, [], ["trace/out.txt"]);
        await new StageRunner(run, resume: false).RunAsync(stage, _ => { run.WriteText("trace/out.txt", "draft 1"); return Task.CompletedTask; }, default);
        var completed = run.LoadManifest().Stage(StageNames.Draft)!;

        await Assert.ThrowsAsync<MinutesException>(() => new StageRunner(run, resume: false).RunAsync(
            stage with { Parameters = new Dictionary<string, string> { ["model"] = "big" } }, _ => throw new MinutesException("The LLM endpoint refused the key (401)."), default));

        var record = run.LoadManifest().Stage(StageNames.Draft)!;
        Assert.Equal(StageStatus.Completed, record.Status);
        Assert.Equal(completed.Outputs, record.Outputs);
        Assert.Equal(completed.Parameters, record.Parameters);
        Assert.Equal("The LLM endpoint refused the key (401).", record.LastFailure!.Error);
        Assert.Equal("big", record.LastFailure.Parameters["model"]);
    }

    [Fact]
    public async Task A_failed_run_whose_earlier_outputs_changed_is_recorded_as_failed()
    {
        var run = RunFolder.Create(_temp.File("run"), null);
        var stage = new StageDefinition(StageNames.Draft, Parameters, [], ["trace/out.txt"]);
        await new StageRunner(run, resume: false).RunAsync(stage, _ => { run.WriteText("trace/out.txt", "draft 1"); return Task.CompletedTask; }, default);

        await Assert.ThrowsAsync<MinutesException>(() => new StageRunner(run, resume: false).RunAsync(
            stage, _ => { run.WriteText("trace/out.txt", "half"); throw new MinutesException("failed halfway"); }, default));

        var record = run.LoadManifest().Stage(StageNames.Draft)!;
        Assert.Equal((StageStatus.Failed, "failed halfway"), (record.Status, record.Error));
        Assert.Empty(record.Outputs);
    }

    [Fact]
    public async Task A_redraft_refused_with_401_leaves_the_earlier_draft_and_its_llm_traces_approvable()
    {
        using var server = new ScriptedLlmServer();
        var run = await CliRunner.ImportSampleAsync(_temp.File("committee"), "committee");
        server.Answer(ScriptedLlmServer.Items("開会した。", "s0001"));
        server.Answer(ScriptedLlmServer.Items("補正予算を審査した。", "s0004"));
        server.Answer(ScriptedLlmServer.Items("予約システムを更新する。", "s0020"));
        server.Answer(ScriptedLlmServer.Items("閉会した。", "s0026"));
        var first = await CliRunner.RunAsync("draft", run, "--endpoint", server.Endpoint, "--model", "m");
        Assert.True(first.ExitCode == 0, first.Error);
        var folder = RunFolder.Open(run);
        var drafted = folder.LoadManifest().Stage(StageNames.Draft)!;
        Assert.Contains(drafted.Outputs, o => o.Path.StartsWith(RunFolder.LlmTraceFolder + "/", StringComparison.Ordinal));

        server.Fail(401);
        var again = await CliRunner.RunAsync("draft", run, "--endpoint", server.Endpoint, "--model", "m", "--no-cache");

        Assert.Equal(ExitCodes.Failure, again.ExitCode);
        var kept = folder.LoadManifest().Stage(StageNames.Draft)!;
        Assert.Equal(StageStatus.Completed, kept.Status);
        Assert.Equal(drafted.Outputs, kept.Outputs);
        Assert.NotNull(kept.LastFailure);
        var approved = await CliRunner.RunAsync("approve", run, "--reviewer", "佐藤");
        Assert.True(approved.ExitCode == 0, approved.Error);
        var bound = folder.Read(RunFolder.ApprovalsFile, MinutesJson.Context.ApprovalLog).Approvals[^1].Files.Select(f => f.Path).ToList();
        Assert.All(drafted.Outputs, o => Assert.Contains(o.Path, bound));
        Assert.Equal(0, (await CliRunner.RunAsync("verify", run)).ExitCode);
    }

    [Fact]
    public void Hashing_gives_the_sha256_of_the_file_and_stops_when_cancelled()
    {
        var file = _temp.File("recording.bin");
        var bytes = new byte[(3 << 20) + 17];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(file, bytes);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), Hashing.Sha256OfFile(file, CancellationToken.None));
        Assert.Throws<OperationCanceledException>(() => Hashing.Sha256OfFile(file, cancelled.Token));
    }

    [Fact]
    public async Task Ctrl_c_while_a_long_recording_is_hashed_cancels_transcribe_with_exit_130()
    {
        // A sparse file: 8 GiB to hash (seconds), no disk used; not audio, so a hash that ignored
        // the token would run to the end and fail at decoding with exit 2 instead.
        var recording = _temp.File("long.wav");
        using (var stream = File.Create(recording))
        {
            stream.SetLength(8L << 30);
        }

        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var result = await CliRunner.RunAsync(["transcribe", recording, "-o", _temp.File("run")], ctrlC.Token);

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Equal("minutes: cancelled; run the same command with --resume to continue.", result.Error.Trim());
        Assert.False(File.Exists(Path.Combine(_temp.File("run"), RunFolder.AudioTrace)));
    }
}
