using System.Text.Json.Nodes;
using Minutes.Drafting;
using Minutes.Editing;
using Minutes.Json;
using Minutes.Review;
using Minutes.Runs;
using Minutes.Tests.Review;
using Minutes.Tests.Support;

namespace Minutes.Tests.Editing;

/// <summary>The clerk's own pen: edits of the minutes recorded, rendered, verified, kept across a redraft or shown as conflicts, and bound by approvals.</summary>
public sealed class MinutesEditTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static MinutesItem? Edited(RunFolder run, string id) =>
        run.Read(EditedMinutes.File, MinutesJson.Context.MinutesDocument).Sections.SelectMany(s => s.Items).SingleOrDefault(i => i.Id == id);

    private static async Task<CliRunner.Result> Succeeds(Task<CliRunner.Result> command)
    {
        var result = await command;
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        return result;
    }

    [Fact]
    public async Task An_edit_is_recorded_with_who_when_before_after_and_why_and_every_document_shows_the_edited_text()
    {
        var run = await ApprovalTests.ReviewedMeetingAsync(_temp);
        var drafted = File.ReadAllText(run.PathOf(RunFolder.MinutesTrace));
        const string Wording = "窓口の平均待ち時間は昨年度25分であった。来年4月から予約システムを導入し、10分以内を目指す。";

        var result = await Succeeds(CliRunner.RunAsync("edit", run.Root, "--item", "m0002", "--text", Wording, "--reviewer", "佐藤", "--reason", "二文に分けた"));

        Assert.Contains("Edit 1", result.Out, StringComparison.Ordinal);
        var edit = Assert.Single(MinutesEditLog.Load(run).Edits);
        Assert.Equal((MinutesEditOperation.Text, "m0002", "佐藤", "二文に分けた", Wording), (edit.Operation, edit.Item, edit.Reviewer, edit.Reason, edit.After));
        Assert.StartsWith("窓口の平均待ち時間は昨年度25分であり", edit.Before, StringComparison.Ordinal);
        Assert.Equal(EditedMinutes.DigestOf(edit.Before), edit.DraftedSha256);
        Assert.Equal(HashChainGenesis, edit.Previous);
        Assert.Equal(drafted, File.ReadAllText(run.PathOf(RunFolder.MinutesTrace)));
        Assert.Equal(ItemVerification.Supported, Edited(run, "m0002")!.Verification!.Status);
        Assert.Contains("10分以内を目指す。", File.ReadAllText(run.PathOf(RunFolder.MinutesMarkdown)), StringComparison.Ordinal);
        Assert.DoesNotContain("であり、来年", File.ReadAllText(run.PathOf(RunFolder.MinutesMarkdown)), StringComparison.Ordinal);
        Assert.Contains("10分以内を目指す。", File.ReadAllText(run.PathOf(RunFolder.ReviewPage)), StringComparison.Ordinal);
        var txt = await Succeeds(CliRunner.RunAsync("render", run.Root, "--format", "txt", "-o", _temp.File("minutes.txt")));
        Assert.Contains("10分以内を目指す。", File.ReadAllText(_temp.File("minutes.txt")), StringComparison.Ordinal);
        var manifest = run.LoadManifest();
        Assert.Contains(manifest.Stage(StageNames.Render)!.Inputs, i => i.Path == EditedMinutes.File);
        Assert.Contains(manifest.Stage(StageNames.Edits)!.Inputs, i => i.Path == MinutesEditLog.File);
        Assert.Equal(0, (await CliRunner.RunAsync("verify", run.Root)).ExitCode);
        _ = txt;
    }

    [Fact]
    public async Task Deleting_and_inserting_change_the_minutes_and_bad_edits_are_one_line_and_record_nothing()
    {
        var run = await ApprovalTests.ReviewedMeetingAsync(_temp);

        await Succeeds(CliRunner.RunAsync("edit", run.Root, "--item", "m0009", "--delete", "--reviewer", "佐藤", "--reason", "連絡先は会議録に載せない"));
        await Succeeds(CliRunner.RunAsync("edit", run.Root, "--insert-after", "m0003", "--text", "費用の内訳を問う声もあった。", "--cite", "s0006", "--reviewer", "佐藤"));

        var items = run.Read(EditedMinutes.File, MinutesJson.Context.MinutesDocument).Sections.SelectMany(s => s.Items).Select(i => i.Id).ToList();
        Assert.DoesNotContain("m0009", items);
        Assert.Equal(items.IndexOf("m0003") + 1, items.IndexOf("e0002"));
        var markdown = File.ReadAllText(run.PathOf(RunFolder.MinutesMarkdown));
        Assert.Contains("費用の内訳を問う声もあった。", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("連絡先の案内", markdown, StringComparison.Ordinal);

        foreach (var bad in new[]
        {
            new[] { "--item", "m0099", "--text", "x" },
            new[] { "--item", "m0009", "--text", "削除済み" },
            new[] { "--insert-after", "m0003", "--text", "引用なし", "--cite", "s0999" },
            new[] { "--item", "m0002", "--text", "  " },
            new[] { "--item", "m0002", "--delete", "--text", "両方" },
        })
        {
            var result = await CliRunner.RunAsync(["edit", run.Root, .. bad, "--reviewer", "佐藤"]);
            Assert.NotEqual(0, result.ExitCode);
            Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
            Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        }

        Assert.Equal(2, MinutesEditLog.Load(run).Edits.Count);
    }

    [Fact]
    public async Task An_edit_that_brings_in_a_number_nobody_said_is_flagged_and_blocks_approval_like_a_drafted_one()
    {
        var run = await ApprovalTests.ReviewedMeetingAsync(_temp);

        var result = await Succeeds(CliRunner.RunAsync("edit", run.Root, "--item", "m0004", "--text", "初期費用は350万円を見込んでいる。", "--reviewer", "佐藤"));
        await Succeeds(CliRunner.RunAsync("edit", run.Root, "--insert-after", "m0004", "--text", "保守費用は年20万円である。", "--cite", "s0007", "--reviewer", "佐藤"));

        Assert.Contains("m0004", result.Out, StringComparison.Ordinal);
        Assert.Contains("350万", result.Out, StringComparison.Ordinal);
        var m0004 = Edited(run, "m0004")!;
        Assert.Equal(ItemVerification.Unsupported, m0004.Verification!.Status);
        Assert.Contains(m0004.Verification.Reasons, r => r.Contains("350万", StringComparison.Ordinal));
        Assert.Equal(ItemVerification.Unsupported, Edited(run, "e0002")!.Verification!.Status);
        var review = await CliRunner.RunAsync("review", run.Root, "--json");
        var unsupported = JsonNode.Parse(review.Out)!["unsupported"]!.AsArray().Select(n => (string)n!).ToList();
        Assert.Contains("m0004", unsupported);
        Assert.Contains("e0002", unsupported);
        var approve = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "鈴木");
        Assert.Equal(ExitCodes.Failure, approve.ExitCode);
        Assert.Contains("m0004", approve.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redraft_keeps_an_edit_whose_statement_is_unchanged_and_turns_the_other_into_a_conflict_until_resolved()
    {
        var run = await ApprovalTests.ReviewedMeetingAsync(_temp);
        await Succeeds(CliRunner.RunAsync("edit", run.Root, "--item", "m0003", "--text", "予約システムの費用を問うた。", "--reviewer", "佐藤"));
        await Succeeds(CliRunner.RunAsync("edit", run.Root, "--item", "m0004", "--text", "初期費用は300万円の見込みである。", "--reviewer", "佐藤"));

        await CommitteeMeeting.RedraftAsync(run, m => CommitteeMeeting.WithItem(m, "m0004", i => i with { Text = "初期費用として300万円を見込む。" }));
        var review = await Succeeds(CliRunner.RunAsync("review", run.Root));

        Assert.Equal("予約システムの費用を問うた。", Edited(run, "m0003")!.Text);
        Assert.Equal("初期費用として300万円を見込む。", Edited(run, "m0004")!.Text);
        Assert.Contains("edit 2 of m0004 conflicts", review.Out, StringComparison.Ordinal);
        var json = JsonNode.Parse((await CliRunner.RunAsync("review", run.Root, "--json")).Out)!;
        var conflict = json["editConflicts"]!.AsArray().Single()!;
        Assert.Equal(("m0004", "初期費用は300万円の見込みである。", "初期費用として300万円を見込む。"), ((string)conflict["item"]!, (string)conflict["edited"]!, (string)conflict["draftNow"]!));
        Assert.Equal(2, MinutesEditLog.Load(run).Edits.Count);
        var refused = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "鈴木", "--accept-flags", "m0008 confirmed");
        Assert.Equal(ExitCodes.Failure, refused.ExitCode);
        Assert.Contains("m0004", refused.Error, StringComparison.Ordinal);

        await Succeeds(CliRunner.RunAsync("edit", run.Root, "--item", "m0004", "--text", "初期費用は300万円の見込みである。", "--reviewer", "佐藤", "--reason", "再作成後にもう一度"));

        Assert.Empty(JsonNode.Parse((await CliRunner.RunAsync("review", run.Root, "--json")).Out)!["editConflicts"]!.AsArray());
        await Succeeds(CliRunner.RunAsync("approve", run.Root, "--reviewer", "鈴木", "--accept-flags", "m0008 confirmed"));
    }

    [Fact]
    public async Task An_approval_binds_the_edits_and_an_edit_after_it_is_a_new_version_not_tampering()
    {
        var run = await ApprovalTests.ReviewedMeetingAsync(_temp);
        await Succeeds(CliRunner.RunAsync("edit", run.Root, "--item", "m0001", "--text", "委員長が開会を宣言した。", "--reviewer", "佐藤"));
        await Succeeds(CliRunner.RunAsync("approve", run.Root, "--reviewer", "鈴木", "--accept-flags", "m0008 confirmed"));
        var bound = ApprovalLog.Load(run).Approvals.Single().Files.Select(f => f.Path).ToList();
        Assert.Contains(MinutesEditLog.File, bound);
        Assert.Contains(EditedMinutes.File, bound);

        await Succeeds(CliRunner.RunAsync("edit", run.Root, "--item", "m0001", "--text", "委員長が開会を宣言し、議題が二件である旨を述べた。", "--reviewer", "佐藤"));
        var verify = await CliRunner.RunAsync("verify", run.Root, "--require-approval");

        Assert.Equal(ExitCodes.VerificationFailed, verify.ExitCode);
        Assert.DoesNotContain("CHANGED", verify.Out, StringComparison.Ordinal);
        Assert.Contains("current is version 2: not approved", verify.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await CliRunner.RunAsync("verify", run.Root)).ExitCode);

        // An edit of the log behind the tool's back breaks the chain and is tampering.
        File.WriteAllText(run.PathOf(MinutesEditLog.File), File.ReadAllText(run.PathOf(MinutesEditLog.File)).Replace("開会を宣言した", "閉会を宣言した", StringComparison.Ordinal));
        Assert.Equal(ExitCodes.VerificationFailed, (await CliRunner.RunAsync("verify", run.Root)).ExitCode);
    }

    private const string HashChainGenesis = HashChain.Genesis;
}
