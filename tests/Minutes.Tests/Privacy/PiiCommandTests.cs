using Minutes.Drafting;
using Minutes.Json;
using Minutes.Privacy;
using Minutes.Runs;
using Minutes.Tests.Support;

namespace Minutes.Tests.Privacy;

/// <summary>Reviewers decide on each piece of personal information; the published version hides what they redacted.</summary>
public sealed class PiiCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_redacted_phone_number_is_replaced_in_the_public_version_and_the_decision_is_recorded()
    {
        var run = await CliRunner.ImportSampleAsync(_temp.File("run"), "council");
        Assert.Equal(0, (await CliRunner.RunAsync("draft", run, "--offline")).ExitCode);
        var folder = RunFolder.Open(run);
        var findings = folder.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument).PersonalInformation;
        var phone = findings.First(f => f.Kind == "phone");
        Assert.Equal(PersonalInfoPerson.Private, phone.Person);

        var listed = await CliRunner.RunAsync("pii", run);
        Assert.Contains($"{phone.Id}  phone", listed.Out, StringComparison.Ordinal);
        Assert.Contains("undecided", listed.Out, StringComparison.Ordinal);
        Assert.Contains("transcript", listed.Out, StringComparison.Ordinal);

        var decided = await CliRunner.RunAsync("pii", run, "--redact", phone.Id!, "--reviewer", "tanaka", "--reason", "a resident's number");
        Assert.True(decided.ExitCode == 0, decided.Error);
        var rendered = await CliRunner.RunAsync("render", run, "-f", "txt", "--public");
        Assert.True(rendered.ExitCode == 0, rendered.Error);

        var published = File.ReadAllText(folder.PathOf("filing/minutes.public.txt"));
        Assert.DoesNotContain(phone.Text, published, StringComparison.Ordinal);
        Assert.Contains("○○", published, StringComparison.Ordinal);
        var decision = PrivacyDecisionLog.Load(folder).Decisions.Single();
        Assert.Equal((phone.Id, PrivacyDecisionKind.Redact, "tanaka", "a resident's number"), (decision.FindingId, decision.Decision, decision.Reviewer, decision.Reason));
        Assert.Empty(PrivacyDecisionLog.Load(folder).BrokenLinks());
    }

    [Fact]
    public async Task At_level_2_approval_waits_until_every_finding_about_a_private_person_is_decided_and_binds_the_decisions()
    {
        var run = await CliRunner.ImportSampleAsync(_temp.File("run"), "council");
        Assert.Equal(0, (await CliRunner.RunAsync("draft", run, "--offline", "--confidentiality", "2")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("review", run)).ExitCode);
        var folder = RunFolder.Open(run);
        var undecided = PrivacyDecisions.Review(folder).UndecidedPrivate;
        Assert.NotEmpty(undecided);

        var refused = await CliRunner.RunAsync("approve", run, "--reviewer", "suzuki", "--accept-flags", "checked");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains(undecided[0].Id, refused.Error, StringComparison.Ordinal);

        foreach (var entry in undecided)
        {
            var decided = await CliRunner.RunAsync("pii", run, entry.Finding.Kind == "phone" ? "--redact" : "--keep", entry.Id, "--reviewer", "tanaka");
            Assert.True(decided.ExitCode == 0, decided.Error);
        }

        var approved = await CliRunner.RunAsync("approve", run, "--reviewer", "suzuki", "--accept-flags", "checked");
        Assert.True(approved.ExitCode == 0, approved.Error);
        Assert.Contains(folder.LoadManifest().Stage(StageNames.Review)!.Inputs, i => i.Path == RunFolder.PrivacyDecisionsTrace);
        File.AppendAllText(folder.PathOf(RunFolder.PrivacyDecisionsTrace), " ");
        Assert.Equal(3, (await CliRunner.RunAsync("verify", run)).ExitCode);
    }

    [Theory]
    [InlineData("--keep", "pi-0000000000", "--reviewer", "tanaka")]
    [InlineData("--keep", "FIRST")]
    [InlineData("--keep", "FIRST", "--reviewer", "dictionary")]
    public async Task A_decision_about_an_unknown_finding_or_without_a_reviewer_is_refused(params string[] arguments)
    {
        var run = await CliRunner.ImportSampleAsync(_temp.File("run"), "council");
        Assert.Equal(0, (await CliRunner.RunAsync("draft", run, "--offline")).ExitCode);
        var first = RunFolder.Open(run).Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument).PersonalInformation[0].Id!;

        var result = await CliRunner.RunAsync(["pii", run, .. arguments.Select(a => a == "FIRST" ? first : a)]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.False(RunFolder.Open(run).Exists(RunFolder.PrivacyDecisionsTrace));
    }
}
