using System.Text.Json;
using System.Text.RegularExpressions;
using Minutes.Configuration;
using Minutes.Diagnostics;
using Minutes.Drafting;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Tests.Models;
using Minutes.Tests.Support;

namespace Minutes.Tests.Drafting;

/// <summary>
/// The prompts as a loopback OpenAI-compatible server receives them: the style guide and worked
/// example of the style asked for, the placeholder rule, the transcript as compact lines, masking
/// at level 2, the Japanese repair message; and the doctor's Ollama warning.
/// </summary>
[Collection(nameof(EnvironmentCollection))]
public sealed partial class LlmPromptTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly ScriptedLlmServer _server = new();

    public void Dispose()
    {
        _server.Dispose();
        _temp.Dispose();
    }

    [Theory]
    [InlineData(DraftStyle.Summary, DraftStyle.Verbatim)]
    [InlineData(DraftStyle.Verbatim, DraftStyle.Summary)]
    public async Task The_request_carries_the_style_guide_the_worked_example_the_placeholder_rule_and_compact_lines(DraftStyle style, DraftStyle other)
    {
        var run = await CliRunner.ImportSampleAsync(_temp.File("committee"), "committee");

        var result = await CliRunner.RunAsync("draft", run, "--endpoint", _server.Endpoint, "--model", "m", "--style", style.Name());

        Assert.True(result.ExitCode == 0, result.Error);
        var sessions = RunFolder.Open(run).Read(RunFolder.SessionsTrace, MinutesJson.Context.SessionPlan).Sessions.Where(s => s.SegmentIds.Count > 0).ToList();
        Assert.Equal(sessions.Count, _server.Requests.Count);
        var guide = StyleGuide.Load(null, style)!;
        for (var i = 0; i < sessions.Count; i++)
        {
            var (system, data) = Messages(_server.Requests[i]);
            Assert.Contains(guide.Guide, system, StringComparison.Ordinal);
            Assert.Contains(guide.ExampleTranscript, system, StringComparison.Ordinal);
            Assert.Contains(guide.ExampleAnswer, system, StringComparison.Ordinal);
            Assert.DoesNotContain(StyleGuide.Load(null, other)!.Guide, system, StringComparison.Ordinal);
            Assert.Contains("〔個人情報1〕のような記号は、伏せた個人情報です。かっこと番号を含めて一字も変えずにそのまま写してください。", system, StringComparison.Ordinal);
            Assert.StartsWith("<speakers>\n", data, StringComparison.Ordinal);
            var lines = data[(data.IndexOf("<transcript>\n", StringComparison.Ordinal) + "<transcript>\n".Length)..^"\n</transcript>".Length].Split('\n');
            Assert.All(lines, l => Assert.Matches(@"^s\d{4}\|S\d+\|[^\n]+$", l));
            Assert.Equal(sessions[i].SegmentIds, lines.Select(l => l.Split('|')[0]));
            Assert.DoesNotContain("\"text\"", data, StringComparison.Ordinal);
        }

        var (firstSystem, firstData) = Messages(_server.Requests[0]);
        Golden.Verify($"prompts/committee-p1-{style.Name()}.txt", $"{firstSystem}\n----- user -----\n{firstData}\n");
    }

    [Fact]
    public async Task At_level_2_the_lines_stay_masked_and_an_altered_placeholder_gets_a_japanese_repair_message()
    {
        var run = await CliRunner.ImportSampleAsync(_temp.File("council"), "council");
        string[] draft = ["draft", run, "--endpoint", _server.Endpoint, "--model", "m", "--confidentiality", "2", "--no-cache"];
        var sessions = RunFolder.Open(run).Read(RunFolder.SessionsTrace, MinutesJson.Context.SessionPlan).Sessions.Where(s => s.SegmentIds.Count > 0).ToList();
        var index = sessions.FindIndex(s => s.SegmentIds.Contains("s0019"));
        // A first draft (every answer empty) shows which placeholders the resident's name and number became.
        Assert.Equal(0, (await CliRunner.RunAsync(draft)).ExitCode);
        var said = CompactTranscript.Read(Messages(_server.Requests[index]).Data).Single(l => l.Id == "s0019").Text;
        var placeholders = Placeholder().Matches(said).Select(m => m.Value).ToList();
        Assert.Equal(2, placeholders.Count);
        var (name, phone) = (placeholders[0], placeholders[1]);
        var before = _server.Requests.Count;
        for (var i = 0; i < index; i++)
        {
            _server.Answer("{\"items\": []}");
        }

        _server.Answer(ScriptedLlmServer.Items($"{name.Trim('〔', '〕')}さんから要望があった。", "s0019"));
        _server.Answer(ScriptedLlmServer.Items($"{name}さんから説明会の開催を求める要望があり、連絡先は{phone}である。", "s0019"));

        var result = await CliRunner.RunAsync(draft);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.All(_server.Requests, r => Assert.DoesNotContain("高橋健一", r.Body, StringComparison.Ordinal));
        Assert.All(_server.Requests, r => Assert.DoesNotContain("03-1234-5678", r.Body, StringComparison.Ordinal));
        Assert.All(_server.Requests, r => Assert.DoesNotContain("山本", Messages(r).Data, StringComparison.Ordinal));
        var repair = JsonDocument.Parse(_server.Requests[before + index + 1].Body).RootElement.GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString()!;
        Assert.StartsWith("直前の回答は使えませんでした。", repair, StringComparison.Ordinal);
        Assert.Contains($"1 番目の項目の「{name.Trim('〔', '〕')}」は個人情報の記号を書き換えています。", repair, StringComparison.Ordinal);
        Assert.True(IsMostlyJapanese(repair), repair);
        var minutes = RunFolder.Open(run).Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument);
        Assert.Contains(minutes.Sections.SelectMany(s => s.Items), i => i.Text.StartsWith("高橋健一", StringComparison.Ordinal) && i.Text.EndsWith("連絡先は03-1234-5678である。", StringComparison.Ordinal));
        var call = Directory.GetFiles(Path.Combine(run, RunFolder.LlmTraceFolder)).Select(f => MinutesJson.Deserialize(File.ReadAllText(f), MinutesJson.Context.LlmCall)).Single(c => c.Attempts == 2);
        Assert.Equal(["system", "user", "assistant", "user"], call.Messages.Select(m => m.Role));
        Assert.Equal(repair, call.Messages[^1].Content);
    }

    [Fact]
    public async Task Doctor_warns_when_the_endpoint_answers_ollamas_api_version_and_says_how_to_set_num_ctx()
    {
        _server.Broken("{\"version\": \"0.9.6\"}");
        var ollama = await Doctor(_server.Endpoint, "local-model");
        _server.Fail(404, "404 page not found");
        var other = await Doctor(_server.Endpoint, "local-model");

        Assert.Contains($"warn  ollama           the endpoint looks like Ollama (/api/version 0.9.6)", ollama.Out, StringComparison.Ordinal);
        Assert.Contains("PARAMETER num_ctx 32768", ollama.Out, StringComparison.Ordinal);
        Assert.Contains("OLLAMA_CONTEXT_LENGTH=32768", ollama.Out, StringComparison.Ordinal);
        Assert.Contains($"llm.contextTokens is {LlmSettings.DefaultContextTokens}", ollama.Out, StringComparison.Ordinal);
        Assert.Equal(["/api/version", "/api/version"], _server.Requests.Select(r => r.Path));
        Assert.DoesNotContain("ollama", other.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ollama_port_or_model_tag_is_enough_and_the_example_configuration_is_an_ollama_one_with_room_for_an_hour()
    {
        var closed = new LlmSettings { Provider = LlmSettings.Compatible, Endpoint = new Uri("http://127.0.0.1:9/v1"), Model = "qwen2.5:14b-instruct" };
        var azure = closed with { Provider = LlmSettings.Azure, Endpoint = new Uri("https://x.openai.azure.com/"), Model = "ft:gpt-4o:org:x" };
        var example = MinutesConfig.Read(Path.Combine(RepoPaths.Root, "docs", "minutes.example.json"));
        var settings = LlmSettings.Resolve(new LlmOptions(), example, _ => null)!;

        Assert.Equal("model qwen2.5:14b-instruct", OllamaCheck.Evidence(closed)?.English);
        Assert.Null(OllamaCheck.Check(azure));
        Assert.Equal(new Uri("http://127.0.0.1:11434/v1"), settings.Endpoint);
        Assert.StartsWith($"port {OllamaCheck.DefaultPort}, model ", OllamaCheck.Evidence(settings with { Endpoint = new Uri("http://127.0.0.1:11434/v1") })?.English, StringComparison.Ordinal);
        Assert.True(settings.ContextTokens >= OllamaCheck.OneHourSessionTokens, $"the example's contextTokens {settings.ContextTokens}");
    }

    private async Task<CliRunner.Result> Doctor(string endpoint, string model)
    {
        using var a = TestEnvironment.Set("MINUTES_LLM_ENDPOINT", endpoint);
        using var b = TestEnvironment.Set("MINUTES_LLM_MODEL", model);
        return await CliRunner.RunAsync("doctor");
    }

    private static (string System, string Data) Messages(ScriptedLlmServer.Request request)
    {
        using var body = JsonDocument.Parse(request.Body);
        var messages = body.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content").GetString()!).ToList();
        return (messages[0], messages[1]);
    }

    private static bool IsMostlyJapanese(string text)
    {
        var letters = text.Count(char.IsLetter);
        var japanese = text.Count(c => c is >= '\u3040' and <= '\u30ff' or >= '\u4e00' and <= '\u9fff');
        return japanese * 2 > letters;
    }

    [GeneratedRegex("〔個人情報[0-9]+〕")]
    private static partial Regex Placeholder();
}
