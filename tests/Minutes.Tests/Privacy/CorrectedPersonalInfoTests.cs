using Minutes.Drafting;
using Minutes.Editing;
using Minutes.Json;
using Minutes.Privacy;
using Minutes.Review.Workbench;
using Minutes.Runs;
using Minutes.Tests.Review;
using Minutes.Tests.Support;
using Minutes.Transcription;

namespace Minutes.Tests.Privacy;

/// <summary>
/// What a reviewer types into the transcript as a correction (which does not redraft) is scanned
/// for personal information like what was said: listed by pii, blocking a level-2 approval until
/// decided, marked on the review page and redacted in the public version.
/// </summary>
public sealed class CorrectedPersonalInfoTests : IDisposable
{
    private const string Phone = "090-1234-5678";
    private const string Segment = "s0004";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>The council sample drafted offline at level 2, every drafted private finding kept, so only what a correction adds can block.</summary>
    private async Task<RunFolder> DecidedCouncilAsync()
    {
        var run = await CliRunner.ImportSampleAsync(_temp.File("run"), "council");
        Assert.Equal(0, (await CliRunner.RunAsync("draft", run, "--offline", "--confidentiality", "2")).ExitCode);
        var folder = RunFolder.Open(run);
        foreach (var entry in PrivacyDecisions.Review(folder).UndecidedPrivate)
        {
            Assert.Equal(0, (await CliRunner.RunAsync("pii", run, "--keep", entry.Id, "--reviewer", "tanaka")).ExitCode);
        }

        return folder;
    }

    private static string SaidIn(RunFolder run, string segment) =>
        run.Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript).Segments.Single(s => s.Id == segment).Text;

    [Fact]
    public async Task A_phone_number_typed_as_a_correction_is_found_blocks_approval_at_level_2_until_decided_and_is_redacted_in_the_public_version()
    {
        var run = await DecidedCouncilAsync();
        var said = SaidIn(run, Segment);
        Assert.DoesNotContain(Phone, File.ReadAllText(run.PathOf(RunFolder.MinutesTrace)), StringComparison.Ordinal);

        var correct = await CliRunner.RunAsync("correct", run.Root, "--segment", Segment, "--text", $"{said}問い合わせは{Phone}まで。", "--reviewer", "tanaka");
        Assert.True(correct.ExitCode == 0, correct.Error);

        var finding = Assert.Single(run.Read(EditedMinutes.File, MinutesJson.Context.MinutesDocument).PersonalInformation, f => f.Text == Phone);
        Assert.Equal(("phone", Segment, PersonalInfoActions.Corrected, PersonalInfoPerson.Private), (finding.Kind, finding.SegmentId, finding.Action, finding.Person));
        Assert.Equal(PersonalInfoDetector.IdOf("phone", Phone, Segment), finding.Id);
        var listed = await CliRunner.RunAsync("pii", run.Root);
        Assert.Contains(finding.Id!, listed.Out, StringComparison.Ordinal);
        Assert.Contains(listed.Out.Split('\n'), line => line.Contains(finding.Id!, StringComparison.Ordinal) && line.Contains("reviewer's correction", StringComparison.Ordinal));

        // The review page marks the corrected segment and lists the finding with where it came from.
        var page = File.ReadAllText(run.PathOf(RunFolder.ReviewPage));
        Assert.Contains($"id=\"seg-{Segment}\" class=\"seg pii\"", page, StringComparison.Ordinal);
        Assert.Contains($"<mark class=\"pii\">{Phone}</mark>", page, StringComparison.Ordinal);
        Assert.Contains($"data-finding=\"{finding.Id}\"", page, StringComparison.Ordinal);
        Assert.Contains($"<td>{PersonalInfoActions.Corrected}</td>", page, StringComparison.Ordinal);

        var refused = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "suzuki", "--accept-flags", "checked");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains(finding.Id!, refused.Error, StringComparison.Ordinal);

        Assert.Equal(0, (await CliRunner.RunAsync("pii", run.Root, "--redact", finding.Id!, "--reviewer", "tanaka")).ExitCode);
        // The corrected transcript reaches the documents as subtitles: as typed in the run's own, masked in the public copy.
        var subtitles = await CliRunner.RunAsync("render", run.Root, "-f", "vtt");
        Assert.True(subtitles.ExitCode == 0, subtitles.Error);
        Assert.Contains($"問い合わせは{Phone}まで。", File.ReadAllText(run.PathOf("minutes.vtt")), StringComparison.Ordinal);
        var rendered = await CliRunner.RunAsync("render", run.Root, "-f", "vtt", "--public");
        Assert.True(rendered.ExitCode == 0, rendered.Error);
        var published = File.ReadAllText(run.PathOf("filing/minutes.public.vtt"));
        Assert.DoesNotContain(Phone, published, StringComparison.Ordinal);
        Assert.Contains("問い合わせは○○まで。", published, StringComparison.Ordinal);

        var approved = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "suzuki", "--accept-flags", "checked");
        Assert.True(approved.ExitCode == 0, approved.Out + approved.Error);
    }

    [Fact]
    public async Task A_phone_number_typed_full_width_is_masked_in_the_public_version()
    {
        // A Japanese keyboard types digits full-width; the detector reads the normalised text.
        const string fullWidth = "０９０－１２３４－５６７８";
        var run = await DecidedCouncilAsync();
        var correct = await CliRunner.RunAsync("correct", run.Root, "--segment", Segment, "--text", $"問い合わせは{fullWidth}まで。", "--reviewer", "tanaka");
        Assert.True(correct.ExitCode == 0, correct.Error);
        var finding = Assert.Single(run.Read(EditedMinutes.File, MinutesJson.Context.MinutesDocument).PersonalInformation, f => f.Text == Phone);

        Assert.Equal(0, (await CliRunner.RunAsync("pii", run.Root, "--redact", finding.Id!, "--reviewer", "tanaka")).ExitCode);
        var rendered = await CliRunner.RunAsync("render", run.Root, "-f", "vtt", "--public");
        Assert.True(rendered.ExitCode == 0, rendered.Error);
        var published = File.ReadAllText(run.PathOf("filing/minutes.public.vtt"));
        Assert.DoesNotContain(fullWidth, published, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, published, StringComparison.Ordinal);
        Assert.Contains("問い合わせは○○まで。", published, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phone_number_brought_in_by_a_replacement_is_found_in_every_segment_it_changed()
    {
        var run = await DecidedCouncilAsync();
        const string Term = "充電設備";
        var segments = run.Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript).Segments.Where(s => s.Text.Contains(Term, StringComparison.Ordinal)).Select(s => s.Id).ToList();
        Assert.NotEmpty(segments);

        var correct = await CliRunner.RunAsync("correct", run.Root, "--replace", $"{Term}={Term}（担当{Phone}）", "--reviewer", "tanaka");
        Assert.True(correct.ExitCode == 0, correct.Error);

        var found = PrivacyDecisions.Review(run).UndecidedPrivate.Select(e => e.Finding).ToList();
        Assert.Equal(segments, found.Where(f => f.Text == Phone).Select(f => f.SegmentId).Order(StringComparer.Ordinal));
        Assert.All(found, f => Assert.Equal(PersonalInfoActions.Corrected, f.Action));
    }

    [Fact]
    public async Task A_correction_without_personal_information_adds_no_finding_and_does_not_block_approval()
    {
        var run = await DecidedCouncilAsync();
        var before = PrivacyDecisions.Review(run).Entries.Select(e => e.Id).ToList();
        var said = SaidIn(run, Segment);
        Assert.Contains("三つ", said, StringComparison.Ordinal);

        var correct = await CliRunner.RunAsync("correct", run.Root, "--segment", Segment, "--text", said.Replace("三つ", "3つ", StringComparison.Ordinal), "--reviewer", "tanaka");
        Assert.True(correct.ExitCode == 0, correct.Error);

        Assert.Contains("3つ", run.Read(run.CurrentTranscript, MinutesJson.Context.Transcript).Segments.Single(s => s.Id == Segment).Text, StringComparison.Ordinal);
        Assert.Equal(before, PrivacyDecisions.Review(run).Entries.Select(e => e.Id));
        Assert.DoesNotContain(run.Read(EditedMinutes.CurrentFile(run), MinutesJson.Context.MinutesDocument).PersonalInformation, f => f.Action == PersonalInfoActions.Corrected);
        var approved = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "suzuki", "--accept-flags", "checked");
        Assert.True(approved.ExitCode == 0, approved.Out + approved.Error);
    }

    [Fact]
    public async Task A_run_whose_corrections_were_not_scanned_by_the_stage_as_it_is_now_is_not_approved_until_reviewed()
    {
        var run = await DecidedCouncilAsync();
        var said = SaidIn(run, Segment);
        Assert.Equal(0, (await CliRunner.RunAsync("correct", run.Root, "--segment", Segment, "--text", $"{said}問い合わせは{Phone}まで。", "--reviewer", "tanaka")).ExitCode);
        // As an earlier version left it: the edits stage recorded before corrections were scanned.
        var manifest = run.LoadManifest();
        var edits = manifest.Stage(EditsStage.Name)!;
        run.SaveManifest(manifest.WithStage(edits with { Parameters = new Dictionary<string, string>(edits.Parameters) { ["personalInformation"] = "scanned" } }));

        var refused = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "suzuki", "--accept-flags", "checked");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains(EditedMinutes.File, refused.Error, StringComparison.Ordinal);

        // Nor listed or published from the unscanned minutes: the list would leave the number out, the public copy keep it.
        foreach (var command in new[] { new[] { "pii", run.Root }, ["render", run.Root, "-f", "vtt", "--public"] })
        {
            var unscanned = await CliRunner.RunAsync(command);
            Assert.NotEqual(0, unscanned.ExitCode);
            Assert.Contains(EditedMinutes.File, unscanned.Error, StringComparison.Ordinal);
        }

        Assert.Equal(0, (await CliRunner.RunAsync("review", run.Root)).ExitCode);
        var blocked = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "suzuki", "--accept-flags", "checked");
        Assert.NotEqual(0, blocked.ExitCode);
        Assert.Contains(PersonalInfoDetector.IdOf("phone", Phone, Segment), blocked.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_the_edits_stage_has_not_seen_since_it_last_ran_is_not_approved()
    {
        var run = await DecidedCouncilAsync();
        var said = SaidIn(run, Segment);
        Assert.Equal(0, (await CliRunner.RunAsync("correct", run.Root, "--segment", Segment, "--text", $"{said}（確認済み）", "--reviewer", "tanaka")).ExitCode);
        var manifest = run.LoadManifest();

        // A second correction interrupted before the edits stage: the stage's record is as it was, the transcript is not.
        Assert.Equal(0, (await CliRunner.RunAsync("correct", run.Root, "--segment", Segment, "--text", $"{said}問い合わせは{Phone}まで。", "--reviewer", "tanaka")).ExitCode);
        run.SaveManifest(run.LoadManifest().WithStage(manifest.Stage(EditsStage.Name)!));

        Assert.False(EditsStage.IsScanned(run, run.LoadManifest()));
        var refused = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "suzuki", "--accept-flags", "checked");
        Assert.NotEqual(0, refused.ExitCode);
    }

    [Fact]
    public async Task A_phone_number_typed_in_the_workbench_is_a_finding_there_and_the_page_is_built_again_to_mark_it()
    {
        var run = await CommitteeMeeting.CreateForReviewAsync(_temp.File("bench"));
        using var workbench = new ReviewWorkbench(run);
        var seen = (await workbench.StateAsync(CancellationToken.None)).Segments.Single(s => s.Id == "s0007");

        var plain = await workbench.CorrectAsync(new WorkbenchRequest("山田", "text", "s0007", seen.Text + "以上です。", seen.Digest), CancellationToken.None);
        Assert.False(plain.Reload);
        var typed = await workbench.CorrectAsync(new WorkbenchRequest("山田", "text", "s0007", $"{seen.Text}連絡先は{Phone}です。", plain.Segments.Single().Digest), CancellationToken.None);

        Assert.True(typed.Reload);
        // The fixture's s0011 says the same number (kept there): what is said in another segment is decided on its own.
        var finding = Assert.Single((await workbench.StateAsync(CancellationToken.None)).Findings, f => f.SegmentId == "s0007");
        Assert.Equal(("phone", Phone, true, (string?)null), (finding.Kind, finding.Text, finding.Private, finding.Decision));
        Assert.Contains("id=\"seg-s0007\" class=\"seg pii\"", await workbench.PageAsync(CancellationToken.None), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_text_a_correction_changed_is_scanned_and_what_the_draft_found_is_not_found_again()
    {
        var machine = TranscriptOf(("s0001", "山本です。"), ("s0002", "電話は03-1111-2222です。"), ("s0003", "以上です。"));
        var drafted = PersonalInfoDetector.Find(machine, [], PersonalInfoActions.NotSent);
        var corrected = TranscriptOf(("s0001", "山本です。"), ("s0002", "電話は03-1111-2222、山本の携帯は090-1234-5678です。"), ("s0003", "以上です。"));

        var found = ReviewerPersonalInfo.InCorrections(machine, corrected, null, drafted);

        Assert.Contains(drafted, f => f.Text == "03-1111-2222");
        Assert.DoesNotContain(found, f => f.Text == "03-1111-2222" || f.SegmentId != "s0002");
        Assert.Contains(found, f => f is { Text: Phone, Action: PersonalInfoActions.Corrected });
        Assert.Equal(found.Count, found.Select(f => f.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(ReviewerPersonalInfo.InCorrections(machine, machine, null, drafted));
    }

    private static Transcript TranscriptOf(params (string Id, string Text)[] segments) =>
        new("ja", new TranscriptSource("import", "test"), new Dictionary<string, string>(), segments.Select((s, i) => new TranscriptSegment(s.Id, i, i + 1, s.Text)).ToList(), []);
}
