using Minutes.Json;
using Minutes.Runs;
using Minutes.Tests.Models;
using Minutes.Tests.Support;
using Minutes.Transcription;

namespace Minutes.Tests.Transcription;

/// <summary>The glossary as Whisper's prompt: cut on whole terms to fit, the clerk told; the office's glossary in minutes.json.</summary>
[Collection(nameof(EnvironmentCollection))]
public sealed class GlossaryPromptTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _model;

    public GlossaryPromptTests()
    {
        _model = _temp.File("crafted.bin");
        TinyWhisperModel.WriteCrafted(_model, ["ただいま", "から", "開会", "します"]);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("MINUTES_CONFIG", null);
        _temp.Dispose();
    }

    [Fact]
    public void A_short_glossary_is_kept_whole_and_a_long_one_keeps_its_first_terms_within_whispers_224_tokens()
    {
        var few = GlossaryPrompt.From(["委員長", "田中委員", "補正予算"]);
        var many = GlossaryPrompt.From(Enumerable.Range(0, 200).Select(i => $"用語{i:D3}").ToList());

        Assert.Equal(("委員長、田中委員、補正予算", false), (few.Prompt, few.Cut));
        Assert.True(many.Cut);
        Assert.InRange(many.Kept, 10, 199);
        Assert.StartsWith("用語000、用語001、", many.Prompt, StringComparison.Ordinal);
        Assert.EndsWith($"用語{many.Kept - 1:D3}", many.Prompt, StringComparison.Ordinal);
        Assert.True(GlossaryPrompt.EstimateTokens(many.Prompt) <= GlossaryPrompt.TokenBudget);
    }

    [Fact]
    public async Task A_glossary_too_long_for_the_prompt_warns_and_the_prompt_recorded_is_the_cut_one()
    {
        var terms = Enumerable.Range(0, 200).Select(i => $"用語{i:D3}").ToList();
        var glossary = _temp.File("glossary.txt");
        await File.WriteAllLinesAsync(glossary, terms);
        var run = _temp.File("run");

        var result = await CliRunner.RunAsync(Args(run, "--glossary", glossary));

        Assert.True(result.ExitCode == 0, result.Error);
        var expected = GlossaryPrompt.From(terms);
        Assert.Contains($"only the first {expected.Kept}", result.Error, StringComparison.Ordinal);
        var transcript = RunFolder.Open(run).Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript);
        Assert.Equal(Hashing.Sha256OfText(expected.Prompt), transcript.Settings["promptSha256"]);
    }

    [Fact]
    public async Task The_glossary_in_minutes_json_is_the_prompt_when_no_file_is_given()
    {
        var config = _temp.File("minutes.json");
        await File.WriteAllTextAsync(config, """{ "glossary": ["委員長", "田中委員"] }""");
        Environment.SetEnvironmentVariable("MINUTES_CONFIG", config);
        var run = _temp.File("run");

        var result = await CliRunner.RunAsync(Args(run));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.DoesNotContain("glossary", result.Error, StringComparison.OrdinalIgnoreCase);
        var transcript = RunFolder.Open(run).Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript);
        Assert.Equal(Hashing.Sha256OfText("委員長、田中委員"), transcript.Settings["promptSha256"]);
    }

    private string[] Args(string run, params string[] more) =>
        ["transcribe", RepoPaths.Sample("committee/recording.ogg"), "-o", run, "--model", _model, "--energy-vad", "--threads", "2", "--fast", "--stop-after", "transcript", .. more];
}
