using Minutes.Drafting;
using Minutes.Runs;
using Minutes.Tests.Support;

namespace Minutes.Tests.Drafting;

/// <summary>Prompt files as Semantic Kernel YAML: the embedded ones, overrides, and what a template may not do.</summary>
public sealed class PromptFileTests
{
    [Theory]
    [InlineData(SemanticKernelDrafter.DraftPrompt)]
    [InlineData(SemanticKernelDrafter.MergePrompt)]
    public void The_embedded_prompts_are_valid_and_use_the_three_variables(string name)
    {
        var prompt = PromptFile.Load(null, name);

        Assert.Equal(name, prompt.Name);
        Assert.Contains("{{$session}}", prompt.Template, StringComparison.Ordinal);
        Assert.Contains("{{$style}}", prompt.Template, StringComparison.Ordinal);
        Assert.DoesNotContain("\t", prompt.Template, StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_may_use_any_yaml_string_form()
    {
        var prompt = PromptFile.Parse("name: draft-session\ndescription: 短い\ntemplate: \"議題 {{$session}} の要点を JSON で。\"\nexecution_settings:\n  default:\n    temperature: 0\n", "test.yaml");

        Assert.Equal("議題 {{$session}} の要点を JSON で。\n", prompt.Template);
    }

    [Theory]
    [InlineData("name: x\ntemplate: |\n  {{$transcript}}\n", "'{{$transcript}}' is not allowed")]
    [InlineData("name: x\ntemplate: |\n  {{time.now}}\n", "'{{time.now}}' is not allowed")]
    [InlineData("name: x\ntemplate_format: handlebars\ntemplate: |\n  {{$session}}\n", "template_format must be semantic-kernel")]
    [InlineData("name: x\ndescription: none\n", "has no template")]
    [InlineData("name: [x\ntemplate: |\n  a\n", "is not valid YAML")]
    public void A_bad_prompt_file_is_one_clear_line(string yaml, string message)
    {
        var error = Assert.Throws<MinutesException>(() => PromptFile.Parse(yaml, "prompts/draft-session.yaml"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("prompts/draft-session.yaml", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("merge-session.yaml", "name: merge-session\ntemplate: |\n  {{$drafts}}\n", "merge-session.yaml: '{{$drafts}}' is not allowed")]
    [InlineData("style-verbatim.yaml", "guide: |\n  全文で書く。\n", "style-verbatim.yaml: a style file needs guide, example.transcript and example.answer.")]
    public async Task The_cli_refuses_a_bad_override_before_any_call(string file, string content, string message)
    {
        using var temp = new TempFolder();
        var run = temp.File("run");
        Assert.Equal(0, (await CliRunner.RunAsync("import", RepoPaths.Sample("committee/reference.vtt"), "-o", run)).ExitCode);
        var prompts = temp.File("prompts");
        Directory.CreateDirectory(prompts);
        File.WriteAllText(Path.Combine(prompts, file), content);

        var result = await CliRunner.RunAsync("draft", run, "--endpoint", "http://127.0.0.1:9/v1", "--model", "m", "--prompts", prompts);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
    }
}
