using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Minutes.Drafting;
using Minutes.Editing;
using Minutes.Json;
using Minutes.Keeping;
using Minutes.Pipeline;
using Minutes.Privacy;
using Minutes.Provenance;
using Minutes.Rendering;
using Minutes.Review;
using Minutes.Review.Workbench;
using Minutes.Runs;
using Minutes.Schemas;
using Minutes.Tests.Review;
using Minutes.Tests.Support;

namespace Minutes.Tests.Runs;

/// <summary>
/// What verify and the keeping commands can be trusted with: every JSON file of a run is checked
/// against a schema or excused with a reason, the edited minutes, the edit log and the purge log
/// included; the reviewers' checks are verified by their chain; an archive is made from one
/// reading of the run under the approvals lock; an edit's outcome is what the edits stage wrote;
/// the review page reads each LLM call once.
/// </summary>
public sealed class RunTrustTests : IDisposable
{
    /// <summary>JSON file names in the core that never lie in a run folder, and why.</summary>
    private static readonly Dictionary<string, string> OutsideRuns = new(StringComparer.Ordinal)
    {
        [Minutes.Configuration.MinutesConfig.FileName] = "the user's configuration, beside the tool or in the user's folder",
        [ArchiveIndex.EntryName] = "the index inside an archive's zip, not in the run folder",
        [Minutes.Models.ModelSpeeds.FileName] = "the measured speeds of the models, a cache in the models folder",
    };

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static async Task Succeeds(Task<CliRunner.Result> command)
    {
        var result = await command;
        Assert.True(result.ExitCode == 0, $"{result.Out}{result.Error}");
    }

    [Fact]
    public void Every_json_file_name_the_core_knows_is_an_artifact_with_a_schema_or_excused_with_a_reason()
    {
        var names = typeof(RunFolder).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (Field: $"{f.DeclaringType!.Name}.{f.Name}", Value: (string)f.GetRawConstantValue()!))
            .Where(f => f.Value.EndsWith(".json", StringComparison.Ordinal) && !f.Value.Contains('*', StringComparison.Ordinal))
            .ToList();

        Assert.Contains(names, n => n.Value == EditedMinutes.File);
        Assert.All(names, n => Assert.True(
            ArtifactSchemas.For(n.Value) is not null || Excused(n.Value) || OutsideRuns.ContainsKey(n.Value),
            $"{n.Field} = {n.Value} is a JSON file no schema checks: add it to ArtifactSchemas.All, or to ArtifactSchemas.NotChecked with the reason"));
        // Each kind's fixed paths are files the run holds, and no two kinds claim one.
        var claimed = ArtifactSchemas.All.SelectMany(a => a.Paths).ToList();
        Assert.Equal(claimed.Count, claimed.Distinct(StringComparer.Ordinal).Count());
        Assert.All(claimed, p => Assert.True(RunFolder.IsCanonical(p), p));
        Assert.All(ArtifactSchemas.NotChecked, n => Assert.False(string.IsNullOrWhiteSpace(n.Reason)));
    }

    [Fact]
    public async Task A_run_through_checks_corrections_edits_decisions_approval_and_purge_holds_only_json_that_is_checked_or_excused_and_valid()
    {
        var run = await ApprovalTests.ReviewedMeetingAsync(_temp);
        using (var workbench = new ReviewWorkbench(run))
        {
            await workbench.CheckAsync(new WorkbenchRequest("山田", Statement: "m0004"), DateTimeOffset.UtcNow, CancellationToken.None);
        }

        await Succeeds(CliRunner.RunAsync("correct", run.Root, "--segment", "s0007", "--text", "初期費用は500万円を見込んでおります。", "--reviewer", "佐藤"));
        await Succeeds(CliRunner.RunAsync("edit", run.Root, "--item", "m0004", "--text", "初期費用は500万円を見込む。", "--reviewer", "佐藤"));
        await Succeeds(CliRunner.RunAsync("approve", run.Root, "--reviewer", "鈴木", "--accept-flags", "m0008 confirmed"));
        await Succeeds(CliRunner.RunAsync("purge", run.Root, "--personal-information", "--reviewer", "佐藤"));
        // A transcription's checkpoint left by an interrupted run: working data, excused.
        Directory.CreateDirectory(run.PathOf(RunFolder.TranscriptCheckpoint));
        File.WriteAllText(run.PathOf(RunFolder.TranscriptCheckpoint + "/chunk-00001.json"), "{}");

        var files = Directory.EnumerateFiles(run.Root, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(run.Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();

        foreach (var expected in new[] { RunFolder.ReviewChecksTrace, RunFolder.CorrectionsTrace, MinutesEditLog.File, EditedMinutes.File, PurgeLog.File, RunFolder.PrivacyDecisionsTrace })
        {
            Assert.Contains(expected, files);
        }

        Assert.All(files, f => Assert.True(ArtifactSchemas.For(f) is not null || Excused(f), $"{f} is in the run but no schema checks it"));
        Assert.Equal(files.Where(f => !Excused(f)).Order(StringComparer.Ordinal), ArtifactSchemas.Artifacts(run).Order(StringComparer.Ordinal));
        Assert.Empty(ArtifactSchemas.Check(run));
        Assert.Equal(0, (await CliRunner.RunAsync("verify", run.Root, "--require-approval")).ExitCode);
    }

    [Theory]
    [InlineData(EditedMinutes.File, "minutes", "\"text\": \"初期費用は500万円を見込む。\"", "\"text\": 5")]
    [InlineData(MinutesEditLog.File, "minutes-edits", "\"reviewer\": \"佐藤\"", "\"reviewer\": [\"佐藤\"]")]
    public async Task Verify_names_an_edited_minutes_or_edit_log_that_fails_its_schema_exit_2_before_approval_and_3_after(string file, string schema, string valid, string malformed)
    {
        var run = await ApprovalTests.ReviewedMeetingAsync(_temp);
        await Succeeds(CliRunner.RunAsync("edit", run.Root, "--item", "m0004", "--text", "初期費用は500万円を見込む。", "--reviewer", "佐藤"));
        var text = File.ReadAllText(run.PathOf(file));
        Assert.Contains(valid, text, StringComparison.Ordinal);
        // As if a faulty tool had written it: the manifest records the malformed file's digest.
        RecordedWrite.Write(run, file, text.Replace(valid, malformed, StringComparison.Ordinal));

        var unapproved = await CliRunner.RunAsync("verify", run.Root);

        Assert.Equal(ExitCodes.Failure, unapproved.ExitCode);
        Assert.Contains($"INVALID {file}: does not match its schema (docs/schemas/{schema}.schema.json): /", unapproved.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("CHANGED", unapproved.Out, StringComparison.Ordinal);

        File.WriteAllText(run.PathOf(RunFolder.ApprovalsFile), "{\"formatVersion\": 1, \"approvals\": []}\n");
        var approved = await CliRunner.RunAsync("verify", run.Root);
        Assert.Equal(ExitCodes.VerificationFailed, approved.ExitCode);
        Assert.Contains($"INVALID {file}", approved.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_catches_an_edited_or_reordered_review_check_by_its_chain()
    {
        var run = await ApprovalTests.ReviewedMeetingAsync(_temp);
        using (var workbench = new ReviewWorkbench(run))
        {
            await workbench.CheckAsync(new WorkbenchRequest("山田", Statement: "m0004"), DateTimeOffset.UtcNow, CancellationToken.None);
            await workbench.CheckAsync(new WorkbenchRequest("佐藤", Statement: "m0002"), DateTimeOffset.UtcNow, CancellationToken.None);
        }

        var path = run.PathOf(RunFolder.ReviewChecksTrace);
        var original = File.ReadAllText(path);
        var intact = await CliRunner.RunAsync("verify", run.Root);
        Assert.True(intact.ExitCode == 0, intact.Out + intact.Error);
        Assert.DoesNotContain("ALTERED", intact.Out, StringComparison.Ordinal);

        File.WriteAllText(path, original.Replace("山田", "田中", StringComparison.Ordinal));
        var edited = await CliRunner.RunAsync("verify", run.Root);
        Assert.Equal(ExitCodes.VerificationFailed, edited.ExitCode);
        Assert.Contains($"ALTERED {RunFolder.ReviewChecksTrace}: check 1 does not match", edited.Out, StringComparison.Ordinal);

        // The same two entries in the other order, renumbered: each link now points at the wrong entry.
        var log = JsonNode.Parse(original)!;
        var checks = log["checks"]!.AsArray();
        var (first, second) = (checks[0]!.DeepClone(), checks[1]!.DeepClone());
        first["sequence"] = 2;
        second["sequence"] = 1;
        log["checks"] = new JsonArray(second, first);
        File.WriteAllText(path, log.ToJsonString());
        var reordered = await CliRunner.RunAsync("verify", run.Root);
        Assert.Equal(ExitCodes.VerificationFailed, reordered.ExitCode);
        Assert.Contains($"ALTERED {RunFolder.ReviewChecksTrace}: check 1, 2 does not match", reordered.Out, StringComparison.Ordinal);

        File.WriteAllText(path, original);
        Assert.Equal(0, (await CliRunner.RunAsync("verify", run.Root)).ExitCode);
    }

    [Fact]
    public async Task An_archive_waits_for_the_approvals_lock_and_no_approval_lands_between_what_it_verified_and_what_it_keeps()
    {
        var run = await ApprovalTests.ApprovedMeetingAsync(_temp);
        var zipPath = _temp.File("keep/committee.zip");
        var held = ApprovalLock.Acquire(run, "test", TimeSpan.FromSeconds(5))!;
        Exception? refused = null;
        ApprovalState? verified = null;

        var archive = Task.Run(() => RunArchive.Write(run, zipPath, DateTimeOffset.UtcNow, state =>
        {
            verified = state;
            // Another reviewer approving now, after the state was read and before the files are: it must wait for the lock.
            refused = Record.Exception(() => Approver.Approve(run, new ApprovalRequest("鈴木", AcceptFlagsReason: "m0008 confirmed") { LockTimeout = TimeSpan.FromMilliseconds(300) }, DateTimeOffset.UtcNow));
        }, CancellationToken.None));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(archive.IsCompleted);
        Assert.False(File.Exists(zipPath));
        held.Dispose();

        var index = await archive.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.IsType<MinutesException>(refused);
        Assert.Contains(RunFolder.ApprovalsFile, refused!.Message, StringComparison.Ordinal);
        Assert.Equal(["佐藤"], verified!.CurrentReviewers);
        Assert.Equal(["佐藤"], index.ApprovedBy);
        using (var zip = ZipFile.OpenRead(zipPath))
        {
            using var reader = new StreamReader(zip.GetEntry(RunFolder.ApprovalsFile)!.Open(), Encoding.UTF8);
            var kept = MinutesJson.Deserialize(await reader.ReadToEndAsync(), MinutesJson.Context.ApprovalLog);
            Assert.Equal(["佐藤"], kept.Approvals.Select(a => a.Reviewer));
            Assert.Equal(Hashing.Sha256OfFile(run.PathOf(RunFolder.ApprovalsFile)), index.Files.Single(f => f.Path == RunFolder.ApprovalsFile).Sha256);
        }

        // Once the archive is written the lock is free: the second approval goes through.
        Assert.False(run.Exists(RunFolder.ApprovalsLock));
        Approver.Approve(run, new ApprovalRequest("鈴木", AcceptFlagsReason: "m0008 confirmed"), DateTimeOffset.UtcNow);
        Assert.Equal(2, ApprovalLog.Load(run).Approvals.Count);
    }

    [Fact]
    public async Task An_edit_reports_the_statement_and_conflicts_the_edits_stage_wrote()
    {
        var run = await ApprovalTests.ReviewedMeetingAsync(_temp);
        var pipeline = new MinutesPipeline();

        var result = await pipeline.EditAsync(run, new MinutesEditRequest(MinutesEditOperation.Text, "m0004", "初期費用は700万円を見込む。"), "佐藤", null, CancellationToken.None);

        var written = run.Read(EditedMinutes.File, MinutesJson.Context.MinutesDocument).Sections.SelectMany(s => s.Items).Single(i => i.Id == "m0004");
        Assert.Equal(MinutesJson.Serialize(written, MinutesJson.Context.MinutesItem), MinutesJson.Serialize(result.Statement!, MinutesJson.Context.MinutesItem));
        Assert.Equal(ItemVerification.Unsupported, result.Statement!.Verification!.Status);
        Assert.Empty(result.Conflicts);

        // A redraft that changes the statement: the next edit's result carries the earlier edit's conflict, as a replay of the log says.
        await CommitteeMeeting.RedraftAsync(run, m => CommitteeMeeting.WithItem(m, "m0004", i => i with { Text = "初期費用は500万円程度を見込んでいる。" }));
        var next = await pipeline.EditAsync(run, new MinutesEditRequest(MinutesEditOperation.Text, "m0002", "窓口の平均待ち時間は昨年度25分であった。"), "佐藤", null, CancellationToken.None, reviewPage: false);
        var replayed = EditedMinutes.Replay(run.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument), MinutesEditLog.Load(run));
        Assert.Equal(replayed.Conflicts.Select(c => (c.Edit, c.Item, c.Reason)), next.Conflicts.Select(c => (c.Edit, c.Item, c.Reason)));
        Assert.Equal("m0004", Assert.Single(next.Conflicts).Item);
    }

    [Fact]
    public async Task The_review_page_reads_each_llm_call_once_however_many_statements_point_into_it()
    {
        var run = await ApprovalTests.ReviewedMeetingAsync(_temp);
        var artifacts = RunArtifacts.Load(run);
        const string Call = "trace/06-llm/0001-draft-session.json";
        var items = artifacts.Minutes.Sections.SelectMany(s => s.Items).ToList();
        var answer = new JsonObject { ["items"] = new JsonArray(items.Select(i => (JsonNode)new JsonObject { ["text"] = i.Text }).ToArray()) };
        var minutes = artifacts.Minutes with
        {
            Sections = artifacts.Minutes.Sections.Select(s => s with
            {
                Items = s.Items.Select(i => i with { Provenance = new ItemProvenance(ItemProvenance.ByLlm, Call: Call, Pointer: $"/items/{items.FindIndex(x => x.Id == i.Id)}") }).ToList(),
            }).ToList(),
        };
        var traced = new RunArtifacts(minutes, artifacts.Transcript, artifacts.Speakers, artifacts.Sessions);
        var loads = new Dictionary<string, int>(StringComparer.Ordinal);
        LlmCall? Load(string path)
        {
            loads[path] = loads.GetValueOrDefault(path) + 1;
            return path == Call
                ? new LlmCall("draft-session", "0", "local-model", "127.0.0.1", new Dictionary<string, string>(), [], answer.ToJsonString(), 10, 20, 0.5, 1, "k", [])
                : null;
        }

        var tracer = new ProvenanceTracer(traced, null, Load, [Call]);
        var page = new StringBuilder();
        ProvenancePanel.Append(page, tracer, traced, DocumentLabels.Japanese);

        Assert.True(items.Count > 3);
        Assert.Equal(new Dictionary<string, int> { [Call] = 1 }, loads);
        var html = page.ToString();
        Assert.Contains(Call, html, StringComparison.Ordinal);
        var data = MinutesJson.Deserialize(html.Split("id=\"provenance-data\">")[1].Split("</script>")[0].Replace("\\u003c", "<", StringComparison.Ordinal), MinutesJson.Context.ProvenancePage);
        foreach (var item in items)
        {
            Assert.Contains(item.Text, data.Chains[item.Id].Made!.Fragment, StringComparison.Ordinal);
        }
    }

    private static bool Excused(string path) => ArtifactSchemas.NotChecked.Any(n => path.StartsWith(n.Prefix, StringComparison.Ordinal));
}
