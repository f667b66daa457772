using System.Text.Json;
using Minutes.Runs;
using Minutes.Tests.Review;
using Minutes.Tests.Support;

namespace Minutes.Tests.Cli;

/// <summary><c>--json</c> and <c>review --check</c>: what scripts read from the review and verify commands.</summary>
public sealed class ScriptOutputTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Review_json_is_one_document_naming_the_flags_and_what_blocks_approval()
    {
        // A Japanese folder name shows that the output keeps Japanese as it is.
        var run = await CommitteeMeeting.CreateForReviewAsync(_temp.File("委員会"));

        var result = await CliRunner.RunAsync("review", run.Root, "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("委員会", result.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("formatVersion").GetInt32());
        Assert.Equal(run.Root, root.GetProperty("run").GetString());
        Assert.Equal(run.PathOf(RunFolder.ReviewPage), root.GetProperty("reviewPage").GetString());
        Assert.True(File.Exists(root.GetProperty("reviewPage").GetString()));
        Assert.Contains("m0008", root.GetProperty("unsupported").EnumerateArray().Select(e => e.GetString()));
        Assert.True(root.GetProperty("statements").GetInt32() > 0);
        Assert.Equal(2, root.GetProperty("confidentiality").GetInt32());
        Assert.True(root.GetProperty("blocked").GetBoolean());
        Assert.False(root.GetProperty("approved").GetBoolean());
        Assert.Contains(root.GetProperty("blockers").EnumerateArray(), b => b.GetString()!.Contains("unsupported statement", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("lowConfidence").ValueKind);
        Assert.NotEmpty(root.GetProperty("inferredSpeakers").EnumerateArray());
        // The fixture's speakers carry no count evidence: a field that does not apply is left out.
        Assert.False(root.TryGetProperty("speakerCount", out _));
    }

    [Fact]
    public async Task Review_check_exits_3_while_something_blocks_approval_and_0_once_the_version_is_approved()
    {
        var run = await CommitteeMeeting.CreateForReviewAsync(_temp.File("run"));

        var blocked = await CliRunner.RunAsync("review", run.Root, "--check");
        var approve = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "佐藤", "--accept-flags", "checked against the recording");
        var approved = await CliRunner.RunAsync("review", run.Root, "--check", "--json");

        Assert.Equal(3, blocked.ExitCode);
        Assert.Contains("Blocks approval:", blocked.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(run.PathOf(RunFolder.ReviewPage)));
        Assert.True(approve.ExitCode == 0, approve.Error);
        Assert.True(approved.ExitCode == 0, approved.Error + approved.Out);
        using var json = JsonDocument.Parse(approved.Out);
        Assert.True(json.RootElement.GetProperty("approved").GetBoolean());
        Assert.False(json.RootElement.GetProperty("blocked").GetBoolean());
    }

    [Fact]
    public async Task At_level_3_review_check_blocks_until_two_reviewers_approved()
    {
        var run = await CommitteeMeeting.CreateForReviewAsync(_temp.File("run"), confidentiality: 3);

        var before = await CliRunner.RunAsync("review", run.Root, "--check");
        var first = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "佐藤", "--accept-flags", "checked");
        var afterOne = await CliRunner.RunAsync("review", run.Root, "--check");
        var second = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "鈴木", "--accept-flags", "checked");
        var afterTwo = await CliRunner.RunAsync("review", run.Root, "--check");

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first.Error + second.Error);
        Assert.Equal((3, 3), (before.ExitCode, afterOne.ExitCode));
        Assert.Contains("two different reviewers", afterOne.Out, StringComparison.Ordinal);
        Assert.Equal(0, afterTwo.ExitCode);
    }

    [Fact]
    public async Task Verify_json_reports_integrity_approval_and_the_lines()
    {
        var run = await CommitteeMeeting.CreateForReviewAsync(_temp.File("run"));
        Assert.Equal(0, (await CliRunner.RunAsync("review", run.Root)).ExitCode);

        var intact = await CliRunner.RunAsync("verify", run.Root, "--json");
        await File.AppendAllTextAsync(run.PathOf(RunFolder.TranscriptTrace), " ");
        var changed = await CliRunner.RunAsync("verify", run.Root, "--json");

        Assert.Equal((0, 3), (intact.ExitCode, changed.ExitCode));
        using var ok = JsonDocument.Parse(intact.Out);
        using var bad = JsonDocument.Parse(changed.Out);
        Assert.Equal(1, ok.RootElement.GetProperty("formatVersion").GetInt32());
        Assert.Equal((true, false, 1), (ok.RootElement.GetProperty("intact").GetBoolean(), ok.RootElement.GetProperty("approved").GetBoolean(), ok.RootElement.GetProperty("version").GetInt32()));
        Assert.False(bad.RootElement.GetProperty("intact").GetBoolean());
        Assert.Contains(bad.RootElement.GetProperty("lines").EnumerateArray(), l => l.GetString()!.StartsWith($"CHANGED {RunFolder.TranscriptTrace}", StringComparison.Ordinal));
    }
}
