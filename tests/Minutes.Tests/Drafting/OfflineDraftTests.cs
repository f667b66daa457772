using Minutes.Drafting;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Tests.Support;

namespace Minutes.Tests.Drafting;

/// <summary>
/// The offline drafter on the samples' reference transcripts: what CI regenerates and compares
/// with the committed expected minutes (samples/NAME/expected/).
/// </summary>
public sealed class OfflineDraftTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<RunFolder> ImportAndDraft(string sample, params string[] draftArgs)
    {
        var run = _temp.File(sample);
        var imported = await CliRunner.RunAsync("import", RepoPaths.Sample($"{sample}/reference.vtt"), "-o", run, "--agenda", RepoPaths.Sample($"{sample}/agenda.txt"));
        Assert.True(imported.ExitCode == 0, imported.Error);
        var drafted = await CliRunner.RunAsync(["draft", run, "--meeting", RepoPaths.Sample($"{sample}/meeting.txt"), .. draftArgs]);
        Assert.True(drafted.ExitCode == 0, drafted.Error);
        return RunFolder.Open(run);
    }

    public static TheoryData<string, string> SamplesInBothStyles => new()
    {
        { "committee", "summary" }, { "council", "summary" }, { "planning", "summary" }, { "education", "summary" }, { "assembly", "summary" },
        { "committee", "verbatim" }, { "council", "verbatim" }, { "planning", "verbatim" }, { "education", "verbatim" }, { "assembly", "verbatim" },
        // Meetings of other kinds: the style their kind of meeting chooses (議事概要), in expected/07-minutes.json and minutes.md.
        { "advisory", "default" }, { "briefing", "default" },
    };

    /// <summary>要点筆記 in <c>expected/07-minutes.json</c> and <c>minutes.md</c>; 全文 in <c>07-minutes.verbatim.json</c> and <c>minutes.verbatim.md</c>.</summary>
    [Theory]
    [MemberData(nameof(SamplesInBothStyles))]
    public async Task The_samples_minutes_equal_the_committed_expected_files(string sample, string style)
    {
        var run = style == "default" ? await ImportAndDraft(sample, "--offline") : await ImportAndDraft(sample, "--offline", "--style", style);
        var suffix = style is "summary" or "default" ? string.Empty : "." + style;

        Golden.VerifyAt(RepoPaths.Sample($"{sample}/expected/07-minutes{suffix}.json"), File.ReadAllText(run.PathOf(RunFolder.MinutesTrace)));
        Golden.VerifyAt(RepoPaths.Sample($"{sample}/expected/minutes{suffix}.md"), File.ReadAllText(run.PathOf(RunFolder.MinutesMarkdown)));
    }

    [Fact]
    public async Task Every_item_cites_segments_of_its_own_session_and_is_supported()
    {
        var run = await ImportAndDraft("committee");
        var minutes = run.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument);
        var sessions = run.Read(RunFolder.SessionsTrace, MinutesJson.Context.SessionPlan);

        var items = minutes.Sections.SelectMany(s => s.Items.Select(i => (Section: s, Item: i))).ToList();
        Assert.True(items.Count >= 10);
        Assert.All(items, p =>
        {
            Assert.NotEmpty(p.Item.Citations);
            Assert.All(p.Item.Citations, c => Assert.Contains(c, sessions.Sessions.Single(s => s.Id == p.Section.SessionId).SegmentIds));
            Assert.Equal(ItemVerification.Supported, p.Item.Verification!.Status);
        });
        Assert.Contains(items, p => p.Item.Kind == ItemKinds.Decision && p.Item.Text.Contains("可決", StringComparison.Ordinal));
        Assert.Contains(items, p => p.Item.Kind == ItemKinds.Action && p.Item.Due == "次回まで");
        Assert.Contains(items, p => p.Item.Kind == ItemKinds.Question);
        Assert.Contains(items, p => p.Item.Kind == ItemKinds.Answer);
        Assert.Equal(DrafterKind.Offline, minutes.Drafter.Kind);
        Assert.Equal("令和7年第4回 総務常任委員会", minutes.Header.MeetingName);
    }

    [Fact]
    public async Task A_number_not_said_and_a_citation_to_another_session_are_flagged_unsupported()
    {
        var run = await ImportAndDraft("committee");
        var minutes = run.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument);
        var transcript = run.Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript);
        var sessions = run.Read(RunFolder.SessionsTrace, MinutesJson.Context.SessionPlan);
        var first = minutes.Sections[1];
        var other = sessions.Sessions.First(s => s.Id != first.SessionId).SegmentIds[0];
        var tampered = minutes with
        {
            Sections = [.. minutes.Sections.Select(s => s.SessionId != first.SessionId ? s : s with
            {
                Items =
                [
                    new MinutesItem("m9001", ItemKinds.Summary, "補正予算の総額は千五百万円である。", [s.Items[1].Citations[0]]),
                    new MinutesItem("m9002", ItemKinds.Summary, "補正予算は1,250万円である。", [other]),
                    new MinutesItem("m9003", ItemKinds.Summary, "補正予算は１２５０万円である。", [s.Items[1].Citations[0]]),
                ],
            })],
        };

        var verified = MinutesVerifier.Verify(tampered, transcript, sessions).Sections[1].Items;

        Assert.Equal(ItemVerification.Unsupported, verified[0].Verification!.Status);
        Assert.Contains("「千五百万」", verified[0].Verification!.Reasons[0], StringComparison.Ordinal);
        Assert.Contains("another session", verified[1].Verification!.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(ItemVerification.Supported, verified[2].Verification!.Status);
    }

    [Fact]
    public async Task Personal_information_in_the_council_is_found_and_recorded()
    {
        var run = await ImportAndDraft("council");
        var minutes = run.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument);

        Assert.Contains(minutes.PersonalInformation, f => f.Kind == "phone" && f.Text == "03-1234-5678");
        Assert.Contains(minutes.PersonalInformation, f => f.Kind == "name" && f.Text.StartsWith("高橋健一", StringComparison.Ordinal));
        Assert.All(minutes.PersonalInformation, f => Assert.Equal("not-sent", f.Action));
    }

    [Fact]
    public async Task Confidentiality_3_refuses_a_remote_endpoint_in_one_line()
    {
        var run = _temp.File("c3");
        Assert.Equal(0, (await CliRunner.RunAsync("import", RepoPaths.Sample("committee/reference.vtt"), "-o", run)).ExitCode);

        var result = await CliRunner.RunAsync("draft", run, "--endpoint", "https://llm.example.org/v1", "--model", "gpt", "--confidentiality", "3");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Split('\n'), l => l.StartsWith("minutes:", StringComparison.Ordinal));
        Assert.Contains("Confidentiality level 3 forbids sending the transcript to llm.example.org", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(run, RunFolder.MinutesTrace)));
    }
}
