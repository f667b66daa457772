using System.Text.Json;
using Microsoft.Playwright;
using Minutes.Drafting;
using Minutes.Json;
using Minutes.Provenance;
using Minutes.Runs;
using Minutes.Schemas;
using Minutes.Tests.Models;
using Minutes.Tests.Support;

namespace Minutes.Tests.Provenance;

/// <summary>
/// Every statement explains itself: 'minutes explain' on an offline draft and on one drafted over
/// HTTP through the loopback LLM server, the review page's provenance panel in Chromium, and the
/// artifacts' JSON Schemas (committed, met by the sample runs, enforced by verify).
/// </summary>
[Collection(nameof(EnvironmentCollection))]
public sealed class ProvenanceTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly TempFolder _temp = new();
    private readonly ScriptedLlmServer _server = new();

    public ProvenanceTests() => Environment.SetEnvironmentVariable("MINUTES_LLM_API_KEY", "sk-test-provenance");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("MINUTES_LLM_API_KEY", null);
        _server.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Explain_follows_an_offline_statement_to_its_rule_cue_segments_speaker_and_session()
    {
        var run = await CliRunner.ImportSampleAsync(_temp.File("run"), "committee");
        Assert.Equal(0, (await CliRunner.RunAsync("draft", run, "--offline")).ExitCode);
        var minutes = RunFolder.Open(run).Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument);
        var items = minutes.Sections.SelectMany(s => s.Items).ToList();
        Assert.All(items, i => Assert.Equal(ItemProvenance.ByRule, i.Provenance!.Method));
        var decision = items.First(i => i.Kind == ItemKinds.Decision);
        Assert.NotNull(decision.Provenance!.Cue);

        var result = await CliRunner.RunAsync("explain", run, decision.Id);

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"statement {decision.Id} (decision", lines[0], StringComparison.Ordinal);
        Assert.Contains($"made by the offline drafter's rule decision, cue 「{decision.Provenance.Cue}」", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("verification: ", lines[2], StringComparison.Ordinal);
        foreach (var cited in decision.Citations)
        {
            Assert.Contains(lines, l => l.StartsWith($"segment {cited} ", StringComparison.Ordinal) && l.Contains("confidence", StringComparison.Ordinal));
        }

        Assert.Contains(lines, l => l.StartsWith("speaker ", StringComparison.Ordinal) && l.Contains("name by imported", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("session ", StringComparison.Ordinal) && l.Contains("boundary by", StringComparison.Ordinal));

        var segment = await CliRunner.RunAsync("explain", run, decision.Citations[0], "--json");
        Assert.True(segment.ExitCode == 0, segment.Error);
        var chain = MinutesJson.Deserialize(segment.Out, MinutesJson.Context.ProvenanceChain);
        Assert.Null(chain.Statement);
        Assert.Contains(decision.Id, chain.CitedBy);
        Assert.Single(chain.Segments);

        var unknown = await CliRunner.RunAsync("explain", run, "m9999");
        Assert.Equal(ExitCodes.Failure, unknown.ExitCode);
        Assert.Single(unknown.Error.Trim().Split('\n'));
        Assert.Contains("m9999", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_names_the_llm_call_and_the_fragment_of_its_answer_and_the_run_meets_its_schemas()
    {
        var run = await DraftThroughLlmAsync();
        var minutes = RunFolder.Open(run).Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument);
        var item = minutes.Sections.SelectMany(s => s.Items).Single(i => i.Citations.Contains("s0004"));
        Assert.Equal((ItemProvenance.ByLlm, "trace/06-llm/0002-draft-session.json", "/items/0"), (item.Provenance!.Method, item.Provenance.Call, item.Provenance.Pointer));

        var result = await CliRunner.RunAsync("explain", run, item.Id);

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("made by LLM call trace/06-llm/0002-draft-session.json (model local-model at 127.0.0.1:", lines[1], StringComparison.Ordinal);
        Assert.Contains("answer /items/0: {\"kind\":\"summary\",\"text\":\"補正予算は総額1,250万円である。\",\"citations\":[\"s0004\"]", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("segment s0004 ", StringComparison.Ordinal));
        Assert.Empty(ArtifactSchemas.Check(RunFolder.Open(run)));
        Assert.Equal(0, (await CliRunner.RunAsync("verify", run)).ExitCode);
    }

    [Fact]
    public void The_committed_schemas_are_what_the_artifact_records_make()
    {
        foreach (var artifact in ArtifactSchemas.All)
        {
            Golden.VerifyAt(Path.Combine(RepoPaths.Root, "docs", "schemas", artifact.FileName), ArtifactSchemas.Export(artifact));
        }
    }

    [Fact]
    public void An_artifact_written_before_schema_versions_reads_as_version_1_and_is_written_back_valid()
    {
        var old = File.ReadAllText(RepoPaths.Fixture(Path.Combine("review", "07-minutes.json")));
        Assert.DoesNotContain("schemaVersion", old, StringComparison.Ordinal);

        var minutes = MinutesJson.Deserialize(old, MinutesJson.Context.MinutesDocument);

        Assert.Equal(1, minutes.SchemaVersion);
        var written = MinutesJson.Serialize(minutes, MinutesJson.Context.MinutesDocument);
        Assert.Contains("\"schemaVersion\": 1", written, StringComparison.Ordinal);
        Assert.Null(ArtifactSchemas.Problem(ArtifactSchemas.For(RunFolder.MinutesTrace)!, written));
    }

    [Theory]
    [InlineData("committee")]
    [InlineData("council")]
    [InlineData("planning")]
    [InlineData("education")]
    public async Task Every_sample_run_validates_against_the_schemas(string sample)
    {
        var run = await CliRunner.ImportSampleAsync(_temp.File(sample), sample);
        Assert.Equal(0, (await CliRunner.RunAsync("draft", run, "--offline")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("review", run)).ExitCode);
        var folder = RunFolder.Open(run);

        Assert.Contains(RunFolder.MinutesTrace, ArtifactSchemas.Artifacts(folder));
        Assert.Empty(ArtifactSchemas.Check(folder));
        // The expected minutes committed with the sample meet the schema too (old ones without schemaVersion read as 1).
        var expected = File.ReadAllText(RepoPaths.Sample($"{sample}/expected/07-minutes.json"));
        Assert.Null(ArtifactSchemas.Problem(ArtifactSchemas.For(RunFolder.MinutesTrace)!, expected));
    }

    [Fact]
    public async Task Verify_names_an_artifact_that_fails_its_schema_exit_2_before_approval_and_3_after()
    {
        var run = await CliRunner.ImportSampleAsync(_temp.File("run"), "committee");
        Assert.Equal(0, (await CliRunner.RunAsync("draft", run, "--offline")).ExitCode);
        var folder = RunFolder.Open(run);
        var sessions = File.ReadAllText(folder.PathOf(RunFolder.SessionsTrace));
        var title = System.Text.RegularExpressions.Regex.Match(sessions, "\"title\": \"[^\"]*\"").Value;
        // As if a faulty tool had written it: the manifest records the malformed file's digest.
        RecordedWrite.Write(folder, RunFolder.SessionsTrace, sessions.Replace(title, "\"title\": 5", StringComparison.Ordinal));

        var unapproved = await CliRunner.RunAsync("verify", run);

        Assert.Equal(ExitCodes.Failure, unapproved.ExitCode);
        Assert.Contains("INVALID trace/05-sessions.json: does not match its schema (docs/schemas/sessions.schema.json): /sessions/0/title", unapproved.Out, StringComparison.Ordinal);

        File.WriteAllText(folder.PathOf(RunFolder.ApprovalsFile), "{\"formatVersion\": 1, \"approvals\": []}\n");
        var approved = await CliRunner.RunAsync("verify", run);
        Assert.Equal(ExitCodes.VerificationFailed, approved.ExitCode);
        Assert.Contains("INVALID trace/05-sessions.json", approved.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clicking_a_statement_opens_the_provenance_panel_with_the_call_and_the_cited_segments()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium (scripts/test installs it).");
        var run = await DraftThroughLlmAsync();
        Assert.Equal(0, (await CliRunner.RunAsync("review", run)).ExitCode);
        var item = RunFolder.Open(run).Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument).Sections.SelectMany(s => s.Items).Single(i => i.Citations.Contains("s0004"));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var errors = new List<string>();
        var requests = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync(new Uri(RunFolder.Open(run).PathOf(RunFolder.ReviewPage)).AbsoluteUri);
        Assert.True(await page.IsHiddenAsync("#provenance"));

        await page.ClickAsync($"#item-{item.Id}");

        Assert.True(await page.IsVisibleAsync("#provenance"));
        var panel = await page.InnerTextAsync("#provenance");
        Assert.Contains("trace/06-llm/0002-draft-session.json", panel, StringComparison.Ordinal);
        Assert.Contains("補正予算は総額1,250万円である。", await page.InnerTextAsync("#provenance pre.fragment"), StringComparison.Ordinal);
        Assert.Contains("s0004", await page.InnerTextAsync("#provenance table.segments"), StringComparison.Ordinal);
        // The call as sent: its messages (the transcript data) and the raw answer.
        await page.ClickAsync("#provenance details.llm-call summary");
        Assert.Contains("<transcript>", await page.InnerTextAsync("#provenance details.llm-call pre.message >> nth=1"), StringComparison.Ordinal);
        Assert.Contains("local-model", await page.InnerTextAsync("#provenance table.call-facts"), StringComparison.Ordinal);

        // A segment opens its own chain (the panel closed first: it lies over the transcript); the traces open as tables.
        await page.ClickAsync("#provenance-close");
        Assert.True(await page.IsHiddenAsync("#provenance"));
        await page.ClickAsync("#seg-s0004 .text");
        Assert.Equal("s0004", await page.GetAttributeAsync("#provenance", "data-for"));
        Assert.Contains("trace/06-llm/0001-draft-session.json", await page.TextContentAsync("#trace-calls"), StringComparison.Ordinal);
        Assert.Empty(errors);
        Assert.All(requests, r => Assert.StartsWith("file:", r, StringComparison.Ordinal));
    }

    /// <summary>The committee sample drafted through the loopback server: one item per session, s0004's second.</summary>
    private async Task<string> DraftThroughLlmAsync()
    {
        var run = await CliRunner.ImportSampleAsync(_temp.File("llm-run"), "committee");
        _server.Answer(ScriptedLlmServer.Items("開会した。", "s0001"));
        _server.Answer(ScriptedLlmServer.Items("補正予算は総額1,250万円である。", "s0004"));
        _server.Answer(ScriptedLlmServer.Items("予約システムを更新する。", "s0020"));
        _server.Answer(ScriptedLlmServer.Items("閉会した。", "s0026"));
        var draft = await CliRunner.RunAsync("draft", run, "--endpoint", _server.Endpoint, "--model", "local-model");
        Assert.True(draft.ExitCode == 0, draft.Error);
        return run;
    }
}
