using Minutes.Drafting;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Tests.Support;

namespace Minutes.Tests.Drafting;

/// <summary>
/// Meetings that are not council committees (issue 18): the kind of meeting from the meeting
/// file or the transcript, and the 議事概要 (--style overview) of the advisory and briefing samples.
/// </summary>
public sealed class OverviewTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<(RunFolder Run, string Markdown)> Draft(string sample, bool agenda, params string[] draftArgs)
    {
        var run = _temp.File(sample + draftArgs.Length);
        string[] import = ["import", RepoPaths.Sample($"{sample}/reference.vtt"), "-o", run, .. agenda ? ["--agenda", RepoPaths.Sample($"{sample}/agenda.txt")] : Array.Empty<string>()];
        var imported = await CliRunner.RunAsync(import);
        Assert.True(imported.ExitCode == 0, imported.Error);
        var drafted = await CliRunner.RunAsync(["draft", run, "--offline", .. draftArgs]);
        Assert.True(drafted.ExitCode == 0, drafted.Error);
        var folder = RunFolder.Open(run);
        return (folder, File.ReadAllText(folder.PathOf(RunFolder.MinutesMarkdown)));
    }

    [Fact]
    public async Task The_advisory_meeting_without_agenda_or_meeting_file_is_a_meeting_drafted_as_an_overview_with_each_question_under_its_presentation()
    {
        var (run, markdown) = await Draft("advisory", agenda: false);
        var minutes = run.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument);

        Assert.Equal(MeetingKind.Meeting, minutes.MeetingKind!.Kind);
        Assert.Equal(MeetingKindChoice.Inferred, minutes.MeetingKind.Source);
        Assert.Contains("司会", minutes.MeetingKind.Reason, StringComparison.Ordinal);
        Assert.Equal(DraftStyle.Overview, minutes.Style);
        Assert.StartsWith("# 議事概要\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("採決", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("## 決定事項", markdown, StringComparison.Ordinal);

        var yamaguchi = Part(markdown, "### 山口氏による発表：窓口業務のデジタル化");
        var kawamura = Part(markdown, "### 川村氏による発表：オープンデータの活用");
        Assert.Contains("- 発表者：山口氏", yamaguchi, StringComparison.Ordinal);
        // Each question, then its answer, in the part where it was asked.
        Assert.Matches("参加者からの質問：[^\n]*導入にかかった費用[^\n]*\n- 山口氏回答：機器とシステムで", yamaguchi);
        Assert.Matches("参加者からの質問：[^\n]*職員の研修[^\n]*\n- 山口氏回答：導入前の2か月間", yamaguchi);
        Assert.Matches("参加者からの質問：[^\n]*データの更新[^\n]*\n- 川村氏回答：施設の情報は毎月", kawamura);
        Assert.Matches("参加者からの質問：[^\n]*個人情報が含まれないよう[^\n]*\n- 川村氏回答：公開の前に", kawamura);
        Assert.DoesNotContain("回答：データの更新", kawamura, StringComparison.Ordinal);
        Assert.DoesNotContain("機器とシステム", kawamura, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_meeting_files_kind_chooses_the_style_and_style_wins_over_it()
    {
        var (briefing, markdown) = await Draft("briefing", agenda: true, "--meeting", RepoPaths.Sample("briefing/meeting.txt"));
        var (given, summary) = await Draft("briefing", agenda: true, "--meeting", RepoPaths.Sample("briefing/meeting.txt"), "--style", "summary");

        var kind = briefing.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument).MeetingKind!;
        Assert.Equal((MeetingKind.Briefing, MeetingKindChoice.FromMeetingFile), (kind.Kind, kind.Source));
        Assert.StartsWith("# 議事概要\n", markdown, StringComparison.Ordinal);
        Assert.Equal(DraftStyle.Summary, given.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument).Style);
        Assert.StartsWith("# 会議録\n", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_committee_is_inferred_as_a_committee_and_keeps_the_summary_style()
    {
        var (run, markdown) = await Draft("committee", agenda: true);
        var minutes = run.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument);

        Assert.Equal(MeetingKind.Committee, minutes.MeetingKind!.Kind);
        Assert.Equal(DraftStyle.Summary, minutes.Style);
        Assert.StartsWith("# 会議録\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_kind_in_the_meeting_file_is_one_line_and_leaves_the_earlier_draft()
    {
        var (run, before) = await Draft("briefing", agenda: true, "--meeting", RepoPaths.Sample("briefing/meeting.txt"));
        var meeting = _temp.File("meeting.txt");
        File.WriteAllText(meeting, "会議名: 説明会\n種別: 座談会\n");

        var result = await CliRunner.RunAsync("draft", run.Root, "--offline", "--meeting", meeting);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("座談会", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'), l => !l.StartsWith("[", StringComparison.Ordinal));
        Assert.Equal(before, File.ReadAllText(run.PathOf(RunFolder.MinutesMarkdown)));
    }

    [Theory]
    [InlineData("委員会", DraftStyle.Summary)]
    [InlineData("本会議", DraftStyle.Summary)]
    [InlineData("審議会", DraftStyle.Summary)]
    [InlineData("会議", DraftStyle.Overview)]
    [InlineData("説明会", DraftStyle.Overview)]
    public void Every_kind_has_a_name_and_a_default_style(string name, DraftStyle style)
    {
        var kind = MeetingKinds.Parse(name);

        Assert.Equal(name, MeetingKinds.Name(kind));
        Assert.Equal(style, MeetingKinds.DefaultStyle(kind));
        Assert.Equal(DraftStyle.Overview, DraftStyles.Parse("overview"));
        Assert.Equal("overview", DraftStyle.Overview.Name());
    }

    private static string Part(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, heading);
        var end = markdown.IndexOf("\n### ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }
}
