using Minutes.Corrections;
using Minutes.Drafting;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Tests.Support;

namespace Minutes.Tests.Corrections;

/// <summary>The reviewer corrects through the command line; the run re-verifies and the draft is redone from the corrected transcript.</summary>
public sealed class CorrectCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<RunFolder> DraftedCommitteeAsync()
    {
        var run = await CliRunner.ImportSampleAsync(_temp.File("run"), "committee");
        var draft = await CliRunner.RunAsync("draft", run, "--offline");
        Assert.True(draft.ExitCode == 0, draft.Error);
        return RunFolder.Open(run);
    }

    private static MinutesItem Item(RunFolder run, string id) =>
        run.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument).Sections.SelectMany(s => s.Items).Single(i => i.Id == id);

    [Fact]
    public async Task A_corrected_number_flags_the_statement_until_the_redraft_then_the_run_is_approved_and_verified()
    {
        var run = await DraftedCommitteeAsync();
        var machineDigest = Hashing.Sha256OfFile(run.PathOf(RunFolder.TranscriptTrace));
        var said = run.Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript).Segments.Single(s => s.Id == "s0013").Text;
        Assert.Contains("23", Item(run, "m0008").Text, StringComparison.Ordinal);

        var correct = await CliRunner.RunAsync("correct", run.Root, "--segment", "s0013", "--text", said.Replace("23", "32", StringComparison.Ordinal), "--reviewer", "tanaka", "--reason", "heard again: 32");

        Assert.True(correct.ExitCode == 0, correct.Error);
        Assert.Contains("m0008", correct.Out, StringComparison.Ordinal);
        var review = await CliRunner.RunAsync("review", run.Root);
        Assert.Contains("m0008", review.Out, StringComparison.Ordinal);
        Assert.NotEqual(0, (await CliRunner.RunAsync("approve", run.Root, "--reviewer", "suzuki")).ExitCode);

        Assert.Equal(0, (await CliRunner.RunAsync("draft", run.Root, "--offline")).ExitCode);

        Assert.Contains("32", Item(run, "m0008").Text, StringComparison.Ordinal);
        Assert.NotEqual(ItemVerification.Unsupported, Item(run, "m0008").Verification?.Status);
        var approve = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "suzuki");
        Assert.True(approve.ExitCode == 0, approve.Out + approve.Error);
        var verify = await CliRunner.RunAsync("verify", run.Root, "--require-approval");
        Assert.True(verify.ExitCode == 0, verify.Out + verify.Error);
        Assert.Equal(machineDigest, Hashing.Sha256OfFile(run.PathOf(RunFolder.TranscriptTrace)));
        var recorded = CorrectionLog.Load(run).Corrections.Single();
        Assert.Equal((said, "tanaka", "heard again: 32", CorrectionOperation.Text), (recorded.Before, recorded.Reviewer, recorded.Reason, recorded.Operation));
        Assert.Contains("32", recorded.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Speakers_are_renamed_and_merged_in_the_corrected_speakers_only()
    {
        var run = await DraftedCommitteeAsync();
        var machine = File.ReadAllText(run.PathOf(RunFolder.SpeakersTrace));
        var labels = run.Read(RunFolder.SpeakersTrace, MinutesJson.Context.SpeakerMap).Speakers.Select(s => s.Id).ToList();

        Assert.Equal(0, (await CliRunner.RunAsync("correct", run.Root, "--rename-speaker", $"{labels[1]}=財政課長", "--reviewer", "tanaka")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("correct", run.Root, "--merge-speakers", $"{labels[0]},{labels[^1]}", "--reviewer", "tanaka")).ExitCode);

        var corrected = run.Read(RunFolder.CorrectedSpeakersTrace, MinutesJson.Context.SpeakerMap);
        Assert.Equal("財政課長", corrected.Speakers.Single(s => s.Id == labels[1]).Name);
        Assert.DoesNotContain(corrected.Speakers, s => s.Id == labels[^1]);
        Assert.Equal(machine, File.ReadAllText(run.PathOf(RunFolder.SpeakersTrace)));
    }

    [Theory]
    [InlineData("--segment", "s9999", "--text", "x")]
    [InlineData("--replace", "存在しない語=別の語")]
    [InlineData("--segment", "s0013")]
    [InlineData("--rename-speaker", "S1")]
    public async Task A_bad_correction_gets_one_line_and_changes_nothing(params string[] operation)
    {
        var run = await DraftedCommitteeAsync();
        var before = Directory.GetFiles(run.PathOf("trace")).ToDictionary(f => f, Hashing.Sha256OfFile);

        var result = await CliRunner.RunAsync(["correct", run.Root, "--reviewer", "tanaka", .. operation]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith("minutes: ", result.Error, StringComparison.Ordinal);
        Assert.False(run.Exists(RunFolder.CorrectionsTrace));
        Assert.Equal(before, Directory.GetFiles(run.PathOf("trace")).ToDictionary(f => f, Hashing.Sha256OfFile));
    }

    [Fact]
    public async Task A_replacement_dictionary_is_applied_on_import_as_corrections_by_dictionary()
    {
        var dictionary = _temp.File("replacements.txt");
        File.WriteAllText(dictionary, "# 誤=正\n防災行政無線=防災無線\n存在しない語=別の語\n");
        var run = _temp.File("run");

        var result = await CliRunner.RunAsync("import", RepoPaths.Sample("committee/reference.vtt"), "-o", run, "--replacements", dictionary);

        Assert.True(result.ExitCode == 0, result.Error);
        var folder = RunFolder.Open(run);
        var correction = CorrectionLog.Load(folder).Corrections.Single();
        Assert.Equal((ReplacementDictionary.Reviewer, "防災行政無線", "防災無線"), (correction.Reviewer, correction.Before, correction.After));
        Assert.NotEmpty(correction.Segments);
        var corrected = folder.Read(RunFolder.CorrectedTranscriptTrace, MinutesJson.Context.Transcript);
        Assert.DoesNotContain(corrected.Segments, s => s.Text.Contains("防災行政無線", StringComparison.Ordinal));
        Assert.Contains(folder.Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript).Segments, s => s.Text.Contains("防災行政無線", StringComparison.Ordinal));
        Assert.Equal(StageStatus.Completed, folder.LoadManifest().Stage(StageNames.Corrections)!.Status);
    }
}
