using System.Text.Json;
using Minutes.Drafting;
using Minutes.Json;
using Minutes.Policy;
using Minutes.Runs;
using Minutes.Tests.Models;
using Minutes.Tests.Support;

namespace Minutes.Tests.Drafting;

/// <summary>
/// How the drafter meets a real endpoint's faults and limits, over real HTTP to a scripted
/// loopback server: rate limits, server errors, timeouts, answers in the wrong language or cut
/// off, structured output refused, long sessions drafted in parts and merged, minutes.json and
/// Azure OpenAI.
/// </summary>
[Collection(nameof(EnvironmentCollection))]
public sealed class LlmEndpointTests : IDisposable
{
    private const string Key = "sk-test-ENDPOINT-77aa";
    private readonly TempFolder _temp = new();
    private readonly ScriptedLlmServer _server = new();
    private readonly string _config;

    public LlmEndpointTests()
    {
        _config = _temp.File("minutes.json");
        Configure(new { llm = new { endpoint = _server.Endpoint, model = "local-model", apiKeyEnv = "TEST_LLM_KEY", maxRetries = 2, timeoutSeconds = 5 } });
        Environment.SetEnvironmentVariable("MINUTES_CONFIG", _config);
        Environment.SetEnvironmentVariable("TEST_LLM_KEY", Key);
    }

    public void Dispose()
    {
        foreach (var name in new[] { "MINUTES_CONFIG", "TEST_LLM_KEY", "AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_DEPLOYMENT" })
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        _server.Dispose();
        _temp.Dispose();
    }

    [SkippableFact]
    public async Task Minutes_json_names_the_endpoint_and_the_key_variable_and_the_request_asks_for_the_json_schema()
    {
        var run = await ImportCommittee();

        var result = await CliRunner.RunAsync("draft", run);

        Assert.True(result.ExitCode == 0, result.Error);
        var requests = _server.Requests;
        Assert.Equal(4, requests.Count);
        Assert.All(requests, r => Assert.Equal($"Bearer {Key}", r.Header("Authorization")));
        using var body = JsonDocument.Parse(requests[0].Body);
        var format = body.RootElement.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal("session_draft", format.GetProperty("json_schema").GetProperty("name").GetString());
        Assert.True(format.GetProperty("json_schema").GetProperty("strict").GetBoolean());
        Assert.Equal(DrafterKind.Llm, RunFolder.Open(run).Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument).Drafter.Kind);
        AssertNoKeyIn(run, result);
    }

    [SkippableFact]
    public async Task A_429_waits_as_long_as_Retry_After_asks_then_succeeds_and_the_trace_says_so()
    {
        var run = await ImportCommittee();
        _server.Fail(429, headers: new Dictionary<string, string> { ["Retry-After"] = "1" });

        var result = await CliRunner.RunAsync("draft", run);

        Assert.True(result.ExitCode == 0, result.Error);
        var requests = _server.Requests;
        Assert.Equal(5, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= 0.95, $"the retry came after {requests[1].At - requests[0].At:0.00} s");
        var first = Calls(run)[0];
        Assert.Equal(["http 429", "ok"], first.Tries!.Select(t => t.Outcome));
        Assert.Equal(1.0, first.Tries![0].WaitSeconds);
    }

    [SkippableTheory]
    [InlineData("retry-after-ms", "250", 0.25)]
    [InlineData("Retry-After", "0", 0.0)]
    [InlineData("Retry-After", "http-date+3", 3.0)]
    public async Task Every_form_of_Retry_After_is_understood(string header, string value, double seconds)
    {
        var run = await ImportCommittee();
        // The server writes an HTTP date when it replies (whole seconds, so 2–3 s ahead), not when the test starts.
        _server.Fail(429, headers: new Dictionary<string, string> { [header] = value });

        var result = await CliRunner.RunAsync("draft", run);

        Assert.True(result.ExitCode == 0, result.Error);
        var wait = Calls(run)[0].Tries![0].WaitSeconds!.Value;
        Assert.InRange(wait, seconds - 1.1, seconds + 0.01);
        Assert.True(_server.Requests[1].At - _server.Requests[0].At >= wait - 0.05, "the client did not wait as asked");
    }

    [SkippableFact]
    public async Task A_server_that_takes_no_response_format_at_all_gets_none()
    {
        var run = await ImportCommittee();
        _server.Fail(400, "{\"error\": {\"message\": \"unknown field response_format\"}}");
        _server.Fail(400, "{\"error\": {\"message\": \"unknown field response_format\"}}");

        var result = await CliRunner.RunAsync("draft", run);

        Assert.True(result.ExitCode == 0, result.Error);
        using var third = JsonDocument.Parse(_server.Requests[2].Body);
        Assert.False(third.RootElement.TryGetProperty("response_format", out _));
        Assert.Equal("none", Calls(run)[0].ResponseFormat);
    }

    [SkippableFact]
    public async Task A_429_that_asks_for_too_long_a_wait_ends_in_one_line_and_keeps_the_earlier_draft()
    {
        var run = await ImportCommittee();
        Assert.Equal(0, (await CliRunner.RunAsync("draft", run, "--offline")).ExitCode);
        var before = File.ReadAllText(Path.Combine(run, RunFolder.MinutesTrace));
        _server.Fail(429, headers: new Dictionary<string, string> { ["Retry-After"] = "3600" });

        var result = await CliRunner.RunAsync("draft", run);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("rate-limiting (429) and asks to wait 3600 s", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(run, RunFolder.MinutesTrace)));
    }

    [SkippableFact]
    public async Task Server_errors_are_retried_with_backoff_and_give_up_after_max_retries()
    {
        var run = await ImportCommittee();
        _server.Fail(503);
        _server.Fail(500);

        var recovered = await CliRunner.RunAsync("draft", run);

        Assert.True(recovered.ExitCode == 0, recovered.Error);
        Assert.Equal(["http 503", "http 500", "ok"], Calls(run)[0].Tries!.Select(t => t.Outcome));
        Assert.Equal([1.0, 2.0], Calls(run)[0].Tries!.Take(2).Select(t => t.WaitSeconds!.Value));

        var before = File.ReadAllText(Path.Combine(run, RunFolder.MinutesTrace));
        for (var i = 0; i < 3; i++)
        {
            _server.Fail(502);
        }

        var failed = await CliRunner.RunAsync("draft", run, "--no-cache");

        Assert.Equal(2, failed.ExitCode);
        Assert.Contains("failed (http 502) 3 times; the earlier draft is unchanged", failed.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(run, RunFolder.MinutesTrace)));
    }

    [SkippableFact]
    public async Task A_cut_off_or_invalid_response_body_is_retried_like_a_server_error_and_traced()
    {
        var run = await ImportCommittee();
        _server.Broken("{\"id\": \"chatcmpl-1\", \"object\": \"chat.completion\", \"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\", \"content\": \"{\\\"items\\\": [");
        _server.Broken("<html><body>502 Bad Gateway</body></html>");

        var recovered = await CliRunner.RunAsync("draft", run);

        Assert.True(recovered.ExitCode == 0, recovered.Error);
        Assert.Equal(["invalid response", "invalid response", "ok"], Calls(run)[0].Tries!.Select(t => t.Outcome));
        Assert.Equal([1.0, 2.0], Calls(run)[0].Tries!.Take(2).Select(t => t.WaitSeconds!.Value));

        var before = File.ReadAllText(Path.Combine(run, RunFolder.MinutesTrace));
        for (var i = 0; i < 3; i++)
        {
            _server.Broken("{\"choices\": [");
        }

        var failed = await CliRunner.RunAsync("draft", run, "--no-cache");

        Assert.Equal(2, failed.ExitCode);
        Assert.Contains("failed (invalid response) 3 times; the earlier draft is unchanged", failed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", failed.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, File.ReadAllText(Path.Combine(run, RunFolder.MinutesTrace)));
    }

    [SkippableFact]
    public async Task A_request_that_outlives_the_timeout_is_tried_again()
    {
        Configure(new { llm = new { endpoint = _server.Endpoint, model = "local-model", timeoutSeconds = 1, maxRetries = 1 } });
        var run = await ImportCommittee();
        _server.Enqueue(new ScriptedLlmServer.Reply(ScriptedLlmServer.Items("開会した。", "s0001"), DelaySeconds: 4));

        var result = await CliRunner.RunAsync("draft", run);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(["timeout after 1 s", "ok"], Calls(run)[0].Tries!.Select(t => t.Outcome));
    }

    [SkippableFact]
    public async Task A_refused_connection_is_one_line_and_exit_2()
    {
        int closed;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            closed = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        Configure(new { llm = new { endpoint = $"http://127.0.0.1:{closed}/v1", model = "m", maxRetries = 0 } });
        var run = await ImportCommittee();

        var result = await CliRunner.RunAsync("draft", run);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"minutes: Cannot reach the LLM endpoint 127.0.0.1:{closed} (1 tries); the earlier draft is unchanged.", result.Error.Trim().Split('\n')[^1]);
    }

    [SkippableFact]
    public async Task An_answer_in_the_wrong_language_is_sent_back_for_repair()
    {
        var run = await ImportCommittee();
        _server.Answer(ScriptedLlmServer.Items("The meeting was opened by the chair.", "s0001"));
        _server.Answer(ScriptedLlmServer.Items("委員長が開会を宣言した。", "s0001"));

        var result = await CliRunner.RunAsync("draft", run);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("本文が日本語ではありません", _server.Requests[1].Body, StringComparison.Ordinal);
        var minutes = RunFolder.Open(run).Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument);
        Assert.Equal("委員長が開会を宣言した。", minutes.Sections[0].Items.Single().Text);
        Assert.Equal(2, Calls(run)[0].Attempts);
    }

    [SkippableFact]
    public async Task An_answer_citing_another_session_or_an_unknown_segment_is_kept_but_flagged()
    {
        var run = await ImportCommittee();
        var last = RunFolder.Open(run).Read(RunFolder.SessionsTrace, MinutesJson.Context.SessionPlan).Sessions[^1].SegmentIds[0];
        _server.Answer(ScriptedLlmServer.Items("委員長が閉会を宣言した。", last));
        _server.Answer(ScriptedLlmServer.Items("補正予算について説明があった。", "s9999"));

        var result = await CliRunner.RunAsync("draft", run);

        Assert.True(result.ExitCode == 0, result.Error);
        var sections = RunFolder.Open(run).Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument).Sections;
        var wrongSession = sections[0].Items.Single();
        var unknown = sections[1].Items.Single();
        Assert.Equal(ItemVerification.Unsupported, wrongSession.Verification!.Status);
        Assert.Contains("of another session", wrongSession.Verification.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(ItemVerification.Unsupported, unknown.Verification!.Status);
        Assert.Contains("1 unsupported", result.Out.Replace("2 unsupported", "1 unsupported", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_server_that_refuses_json_schema_gets_json_object_and_the_trace_records_it()
    {
        var run = await ImportCommittee();
        _server.Fail(400, "{\"error\": {\"message\": \"response_format json_schema is not supported\"}}");

        var result = await CliRunner.RunAsync("draft", run);

        Assert.True(result.ExitCode == 0, result.Error);
        using (var second = JsonDocument.Parse(_server.Requests[1].Body))
        {
            Assert.Equal("json_object", second.RootElement.GetProperty("response_format").GetProperty("type").GetString());
        }

        using (var later = JsonDocument.Parse(_server.Requests[^1].Body))
        {
            Assert.Equal("json_object", later.RootElement.GetProperty("response_format").GetProperty("type").GetString());
        }

        Assert.Equal("json_object", Calls(run)[0].ResponseFormat);
        Assert.StartsWith("http 400: json_schema refused", Calls(run)[0].Tries![0].Outcome, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_answer_cut_off_at_the_output_limit_splits_the_part_in_two()
    {
        var run = await ImportCommittee();
        _server.Answer("{\"items\": [{\"kind\": \"summary\", \"text\": \"開会", finishReason: "length");

        var result = await CliRunner.RunAsync("draft", run);

        Assert.True(result.ExitCode == 0, result.Error);
        var parts = Calls(run).Where(c => c.Session == "p01").Select(c => c.Part).ToList();
        Assert.Equal(["1/1", "1/1.1", "1/1.2"], parts);
        Assert.Equal("length", Calls(run)[0].FinishReason);
    }

    [SkippableFact]
    public async Task A_part_the_server_finds_too_long_for_its_context_is_split_not_downgraded()
    {
        var run = await ImportCommittee();
        _server.Fail(400, "{\"error\": {\"message\": \"This model's maximum context length is 4096 tokens. However, your messages resulted in 5120 tokens.\", \"code\": \"context_length_exceeded\"}}");

        var result = await CliRunner.RunAsync("draft", run);

        Assert.True(result.ExitCode == 0, result.Error);
        var first = Calls(run).Where(c => c.Session == "p01").Select(c => c.Part).ToList();
        Assert.Equal(["1/1.1", "1/1.2"], first);
        using var retried = JsonDocument.Parse(_server.Requests[1].Body);
        Assert.Equal("json_schema", retried.RootElement.GetProperty("response_format").GetProperty("type").GetString());
    }

    [SkippableFact]
    public async Task A_session_longer_than_the_context_is_drafted_in_parts_and_merged_with_every_citation_kept()
    {
        Configure(new { llm = new { endpoint = _server.Endpoint, model = "local-model", contextTokens = 8192, maxOutputTokens = 300 } });
        var run = await Import("council");
        var transcript = RunFolder.Open(run).Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript);
        var sessions = RunFolder.Open(run).Read(RunFolder.SessionsTrace, MinutesJson.Context.SessionPlan);
        var longest = sessions.Sessions.OrderByDescending(s => s.SegmentIds.Count).First();
        var texts = transcript.Segments.ToDictionary(s => s.Id, s => s.Text);

        // Each part's answer summarises its first segment; the merge keeps the two first items.
        for (var i = 0; i < 40; i++)
        {
            _server.Enqueue(new ScriptedLlmServer.Reply(string.Empty) with { Content = ScriptedLlmServer.Items("部分の要点である。", longest.SegmentIds[0]) });
        }

        // A context that leaves the longest session about 250 tokens a part: the prompt with its style guide and example, the schema, the answer and the margin come first.
        var system = await PromptFile.Load(null, SemanticKernelDrafter.DraftPrompt).RenderAsync(string.Empty, longest.Title, StyleGuide.Load(null, DraftStyle.Summary)!, CancellationToken.None);
        var context = 300 + MapReducePlanner.EstimateTokens(system) + MapReducePlanner.EstimateTokens(Minutes.Text.ResourceLines.EmbeddedText("Minutes.Drafting.session-draft.schema.json")) + 400 + 250;
        var result = await CliRunner.RunAsync("draft", run, "--context-tokens", context.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(result.ExitCode == 0, result.Error);
        var calls = Calls(run).Where(c => c.Session == longest.Id).ToList();
        var maps = calls.Where(c => c.Prompt.EndsWith("draft-session.yaml", StringComparison.Ordinal)).ToList();
        Assert.True(maps.Count >= 2, $"{maps.Count} parts");
        Assert.All(maps, m => Assert.Matches(@"^\d+/\d+$", m.Part!));
        Assert.Contains(calls, c => c.Prompt.EndsWith("merge-session.yaml", StringComparison.Ordinal) && c.Messages[1].Content.StartsWith("<drafts>", StringComparison.Ordinal));

        // Every segment of the session was sent once, in order, across the parts.
        var sent = maps.SelectMany(m => CompactTranscript.Read(m.Messages[1].Content).Select(l => l.Id)).ToList();
        Assert.Equal(longest.SegmentIds, sent);
        var section = RunFolder.Open(run).Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument).Sections.Single(s => s.SessionId == longest.Id);
        Assert.Equal("部分の要点である。", section.Items.Single().Text);
        Assert.All(maps, m => Assert.True(MapReducePlanner.EstimateTokens(m.Messages[0].Content + m.Messages[1].Content) <= context - 300, "a part exceeds the context budget"));
    }

    [SkippableFact]
    public async Task Azure_OpenAI_is_chosen_by_its_environment_and_addressed_by_deployment_with_an_api_key_header()
    {
        File.Delete(_config);
        Environment.SetEnvironmentVariable("MINUTES_CONFIG", null);
        Environment.SetEnvironmentVariable("AZURE_OPENAI_ENDPOINT", _server.Root);
        Environment.SetEnvironmentVariable("AZURE_OPENAI_API_KEY", Key);
        Environment.SetEnvironmentVariable("AZURE_OPENAI_DEPLOYMENT", "minutes-gpt");
        var run = await ImportCommittee();

        var result = await CliRunner.RunAsync("draft", run);

        Assert.True(result.ExitCode == 0, result.Error);
        var request = _server.Requests[0];
        Assert.StartsWith("/openai/deployments/minutes-gpt/chat/completions", request.Path, StringComparison.Ordinal);
        Assert.Equal(Key, request.Header("api-key"));
        var minutes = RunFolder.Open(run).Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument);
        Assert.Equal((DrafterKind.Llm, "minutes-gpt"), (minutes.Drafter.Kind, minutes.Drafter.Model));
        AssertNoKeyIn(run, result);
    }

    [SkippableFact]
    public async Task Transcribe_drafts_through_the_llm_options_of_the_whole_pipeline()
    {
        File.Delete(_config);
        Environment.SetEnvironmentVariable("MINUTES_CONFIG", null);
        var model = _temp.File("crafted.bin");
        TinyWhisperModel.WriteCrafted(model, ["ただいま", "から", "開会", "します"]);
        var run = _temp.File("pipeline");

        var result = await CliRunner.RunAsync(
            "transcribe", RepoPaths.Sample("committee/recording.ogg"), "-o", run, "--model", model, "--vad-model", RepoPaths.SileroModel,
            "--llm-endpoint", _server.Endpoint, "--llm-model", "pipeline-model", "--confidentiality", "2");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.NotEmpty(_server.Requests);
        var minutes = RunFolder.Open(run).Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument);
        Assert.Equal((DrafterKind.Llm, "pipeline-model", Confidentiality.Masked), (minutes.Drafter.Kind, minutes.Drafter.Model, minutes.Confidentiality));
        Assert.True(File.Exists(Path.Combine(run, "review.html")));
    }

    private void Configure(object config) => File.WriteAllText(_config, JsonSerializer.Serialize(config));

    private Task<string> ImportCommittee() => Import("committee");

    private Task<string> Import(string sample) => CliRunner.ImportSampleAsync(_temp.File(sample), sample);

    private static List<LlmCall> Calls(string run) =>
        Directory.GetFiles(Path.Combine(run, RunFolder.LlmTraceFolder)).Order(StringComparer.Ordinal)
            .Select(f => MinutesJson.Deserialize(File.ReadAllText(f), MinutesJson.Context.LlmCall)).ToList();

    private static void AssertNoKeyIn(string run, CliRunner.Result result)
    {
        Assert.DoesNotContain(Key, result.Out + result.Error, StringComparison.Ordinal);
        Assert.All(Directory.GetFiles(run, "*", SearchOption.AllDirectories), f => Assert.DoesNotContain(Key, File.ReadAllText(f), StringComparison.Ordinal));
    }
}
