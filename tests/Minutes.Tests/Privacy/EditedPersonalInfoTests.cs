using Minutes.Drafting;
using Minutes.Editing;
using Minutes.Json;
using Minutes.Privacy;
using Minutes.Runs;
using Minutes.Tests.Support;

namespace Minutes.Tests.Privacy;

/// <summary>What a reviewer types into the minutes is scanned for personal information like what was said.</summary>
public sealed class EditedPersonalInfoTests : IDisposable
{
    private const string Phone = "090-1234-5678";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_phone_number_a_reviewer_types_into_a_statement_is_found_blocks_approval_at_level_2_and_is_redacted_in_the_public_version()
    {
        var run = await CliRunner.ImportSampleAsync(_temp.File("run"), "council");
        Assert.Equal(0, (await CliRunner.RunAsync("draft", run, "--offline", "--confidentiality", "2")).ExitCode);
        var folder = RunFolder.Open(run);
        var drafted = folder.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument);
        foreach (var entry in PrivacyDecisions.Review(folder).UndecidedPrivate)
        {
            Assert.Equal(0, (await CliRunner.RunAsync("pii", run, "--keep", entry.Id, "--reviewer", "tanaka")).ExitCode);
        }

        var item = drafted.Sections.SelectMany(s => s.Items).First(i => !i.Text.Contains(Phone, StringComparison.Ordinal));
        var edit = await CliRunner.RunAsync("edit", run, "--item", item.Id, "--text", $"問い合わせは{Phone}まで。", "--reviewer", "tanaka");
        Assert.True(edit.ExitCode == 0, edit.Error);

        var finding = Assert.Single(folder.Read(EditedMinutes.File, MinutesJson.Context.MinutesDocument).PersonalInformation, f => f.Text == Phone);
        Assert.Equal(("phone", item.Id, PersonalInfoActions.Edited, PersonalInfoPerson.Private), (finding.Kind, finding.SegmentId, finding.Action, finding.Person));
        Assert.Contains((await CliRunner.RunAsync("pii", run)).Out.Split('\n'), line => line.Contains(finding.Id!, StringComparison.Ordinal) && line.Contains("reviewer's edit", StringComparison.Ordinal));
        var refused = await CliRunner.RunAsync("approve", run, "--reviewer", "suzuki", "--accept-flags", "checked");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains(finding.Id!, refused.Error, StringComparison.Ordinal);

        Assert.Equal(0, (await CliRunner.RunAsync("pii", run, "--redact", finding.Id!, "--reviewer", "tanaka")).ExitCode);
        var rendered = await CliRunner.RunAsync("render", run, "-f", "txt", "--public");
        Assert.True(rendered.ExitCode == 0, rendered.Error);
        var published = File.ReadAllText(folder.PathOf("filing/minutes.public.txt"));
        Assert.DoesNotContain(Phone, published, StringComparison.Ordinal);
        Assert.Contains("問い合わせは○○まで。", published, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_found_in_the_transcript_is_found_in_a_reviewers_words_without_its_honorific_and_a_roster_name_stays_public()
    {
        var findings = PersonalInfoDetector.FindIn([("m0001", "山本から説明があり、高橋委員が質問した。")], ["高橋"], PersonalInfoActions.Edited, privateNames: ["山本"]);

        Assert.Contains(findings, f => f is { Text: "山本", Person: PersonalInfoPerson.Private, SegmentId: "m0001" });
        Assert.Contains(findings, f => f is { Text: "高橋", Person: PersonalInfoPerson.Public });
    }
}
