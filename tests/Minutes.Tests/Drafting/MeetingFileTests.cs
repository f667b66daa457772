using Minutes.Drafting;
using Minutes.Json;
using Minutes.Rendering;
using Minutes.Runs;
using Minutes.Tests.Support;

namespace Minutes.Tests.Drafting;

/// <summary>The meeting file's roll, times and other keys, from the file to the header of the minutes.</summary>
public sealed class MeetingFileTests : IDisposable
{
    /// <summary>The committee sample's meeting as a clerk fills the whole file in (the names are invented).</summary>
    public const string FullMeetingFile = """
        会議名: 令和7年第4回 総務常任委員会
        日時: 令和7年12月10日（水）午前10時00分
        場所: 市役所本庁舎 第2委員会室
        出席委員: 委員長 山本太郎、委員 田中一郎、委員 佐藤花子
        欠席委員: 副委員長 鈴木次郎
        説明のため出席した者: 企画課長 高橋三郎
        事務局職員: 議事係長 伊藤四郎
        署名委員: 委員 田中一郎
        傍聴者: 2名
        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Every_key_of_a_full_meeting_file_is_read_and_an_unknown_key_is_kept_as_written()
    {
        var meeting = MeetingInfo.Parse(FullMeetingFile);

        Assert.Equal(("令和7年第4回 総務常任委員会", "市役所本庁舎 第2委員会室"), (meeting.Name, meeting.Place));
        Assert.Equal([new RollMember("委員長", "山本太郎"), new RollMember("委員", "田中一郎"), new RollMember("委員", "佐藤花子")], meeting.Present!);
        Assert.Equal([new RollMember("副委員長", "鈴木次郎")], meeting.Absent!);
        Assert.Equal([new RollMember("企画課長", "高橋三郎")], meeting.Explainers!);
        Assert.Equal([new RollMember("議事係長", "伊藤四郎")], meeting.Staff!);
        Assert.Equal([new RollMember("委員", "田中一郎")], meeting.Signers!);
        Assert.Equal([new MeetingField("傍聴者", "2名")], meeting.Other);
        Assert.Null(meeting.Opened);
        Assert.Equal("午前10時02分", meeting.TimeAfterStart(TimeSpan.FromSeconds(150)));
        Assert.Equal("午後0時30分", MeetingInfo.Parse("日時: 令和7年12月10日 午前11時50分").TimeAfterStart(TimeSpan.FromMinutes(40)));
        Assert.Null(MeetingInfo.Parse("日時: 令和7年12月10日").TimeAfterStart(TimeSpan.Zero));
    }

    [Fact]
    public void A_speaker_label_maps_to_the_one_roll_member_it_names()
    {
        var meeting = MeetingInfo.Parse(FullMeetingFile);
        var header = new MinutesHeader("x", null, null, [], [], Present: meeting.Present, Explainers: meeting.Explainers, Absent: meeting.Absent);

        Assert.Equal("山本太郎", header.MemberFor("委員長")?.Name);
        Assert.Equal("高橋三郎", header.MemberFor("企画課長")?.Name);
        Assert.Equal("田中一郎", header.MemberFor("田中委員")?.Name);
        Assert.Equal("佐藤花子", header.MemberFor("佐藤花子")?.Name);
        // Two members have the role 委員: the bare role names neither.
        Assert.Null(header.MemberFor("委員"));
        Assert.Null(header.MemberFor("木村委員"));
    }

    [Fact]
    public async Task The_header_of_a_drafted_meeting_carries_the_roll_times_and_names_speakers_at_first_mention()
    {
        var run = _temp.File("run");
        var meetingFile = _temp.File("meeting.txt");
        File.WriteAllText(meetingFile, FullMeetingFile);
        Assert.Equal(0, (await CliRunner.RunAsync("import", RepoPaths.Sample("committee/reference.vtt"), "-o", run, "--agenda", RepoPaths.Sample("committee/agenda.txt"))).ExitCode);

        var drafted = await CliRunner.RunAsync("draft", run, "--offline", "--meeting", meetingFile);

        Assert.True(drafted.ExitCode == 0, drafted.Error);
        var folder = RunFolder.Open(run);
        var minutes = folder.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument);
        Assert.Equal("午前10時00分", minutes.Header.Opened);
        Assert.StartsWith("午前10時0", minutes.Header.Closed, StringComparison.Ordinal);
        Assert.Equal("山本太郎", Assert.Single(minutes.Header.Present!, m => m.Role == "委員長").Name);

        var markdown = File.ReadAllText(folder.PathOf(RunFolder.MinutesMarkdown));
        var labels = DocumentLabels.Japanese;
        foreach (var line in new[] { "開会：午前10時00分", "出席委員：委員長　山本太郎、委員　田中一郎、委員　佐藤花子", "欠席委員：副委員長　鈴木次郎", "説明のため出席した者：企画課長　高橋三郎", "事務局職員：議事係長　伊藤四郎", "署名委員：委員　田中一郎", "傍聴者：2名" })
        {
            Assert.Contains("- " + line + "\n", markdown, StringComparison.Ordinal);
        }

        // The roll replaces the list of speakers.
        Assert.DoesNotContain("- " + labels["Attendees"] + labels.FieldSeparator, markdown, StringComparison.Ordinal);
        Assert.Single(AllIndexes(markdown, "○委員長（山本太郎君）"));
        Assert.Single(AllIndexes(markdown, "○企画課長（高橋三郎君）"));
        Assert.True(AllIndexes(markdown, "○委員長　").Count > 0);
        Assert.True(markdown.IndexOf("○委員長（山本太郎君）", StringComparison.Ordinal) < markdown.IndexOf("○委員長　", StringComparison.Ordinal));

        // The roll and --roster are one list of people for the personal-information policy (the roll's names are public persons).
        var input = new DraftInput(
            folder.Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript), null, folder.Read(RunFolder.SessionsTrace, MinutesJson.Context.SessionPlan),
            MeetingInfo.Parse(FullMeetingFile), DraftStyle.Summary, minutes.Confidentiality) { Roster = ["木村一郎", "山本太郎"] };
        Assert.Equal(["木村一郎", "山本太郎", "田中一郎", "佐藤花子", "高橋三郎", "伊藤四郎", "鈴木次郎"], input.People);
        Assert.Contains("高橋三郎", input.MaskedTexts());
    }

    [Fact]
    public async Task A_meeting_file_without_the_roll_leaves_its_lines_out()
    {
        var run = _temp.File("run");
        var meetingFile = _temp.File("meeting.txt");
        File.WriteAllText(meetingFile, "会議名: 定例会\n場所: 本庁舎\n");
        Assert.Equal(0, (await CliRunner.RunAsync("import", RepoPaths.Sample("committee/reference.vtt"), "-o", run)).ExitCode);

        Assert.Equal(0, (await CliRunner.RunAsync("draft", run, "--offline", "--meeting", meetingFile)).ExitCode);

        var markdown = File.ReadAllText(RunFolder.Open(run).PathOf(RunFolder.MinutesMarkdown));
        var labels = DocumentLabels.Japanese;
        foreach (var key in new[] { "Opened", "Closed", "Present", "Absent", "Explainers", "Staff", "Signers" })
        {
            Assert.DoesNotContain("- " + labels[key] + labels.FieldSeparator, markdown, StringComparison.Ordinal);
        }

        Assert.Contains("- " + labels["Attendees"] + labels.FieldSeparator, markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("（", markdown.Split('\n').First(l => l.StartsWith("○委員長", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    private static List<int> AllIndexes(string text, string value)
    {
        var found = new List<int>();
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            found.Add(i);
        }

        return found;
    }
}
