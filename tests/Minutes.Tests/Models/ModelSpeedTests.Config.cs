using Minutes.Configuration;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Tests.Support;

namespace Minutes.Tests.Models;

/// <summary>
/// The Whisper model and <c>--max-rtf</c> in <c>minutes.json</c>, the command line winning over
/// them, and <c>--max-rtf</c> refused where nothing would read it.
/// </summary>
public sealed partial class ModelSpeedTests
{
    private string Config(string json)
    {
        var path = _temp.File($"minutes-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>Transcribes with <paramref name="config"/> as minutes.json; the one text of the transcript says which model ran.</summary>
    private async Task<(CliRunner.Result Result, string Text, IReadOnlyDictionary<string, string> Settings)> TranscribeWithConfigAsync(string config, params string[] more)
    {
        using var file = TestEnvironment.Set(MinutesConfig.EnvironmentVariable, config);
        var run = _temp.File($"run-{Guid.NewGuid():N}");
        var result = await RunAsync(["transcribe", _recording, "-o", run, "--energy-vad", "--threads", "2", "--stop-after", "transcript", .. more]);
        Assert.True(result.ExitCode == 0, result.Error);
        var transcript = RunFolder.Open(run).Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript);
        return (result, transcript.Segments.Select(s => s.Text).Distinct().Single(), transcript.Settings);
    }

    [Fact]
    public void Model_and_max_rtf_are_read_from_minutes_json_the_nearer_file_winning()
    {
        var user = Config("""{ "model": "small", "maxRtf": 3 }""");
        var folder = Directory.CreateDirectory(_temp.File("work")).FullName;
        File.WriteAllText(Path.Combine(folder, MinutesConfig.FileName), """{ "model": "auto" }""");
        using var none = TestEnvironment.Set(MinutesConfig.EnvironmentVariable, null);

        var config = MinutesConfig.Load(folder, user);

        Assert.Equal(("auto", 3.0), (config.Model, config.MaxRtf));
    }

    [Fact]
    public async Task A_config_that_says_auto_chooses_by_its_max_rtf_and_the_command_line_wins_over_both()
    {
        Install("base", "基本", "モデル");
        Install("small", "小さい", "モデル");
        Plant(TwoThreads, ("small", 3.0, true), ("base", 0.2, true));
        var config = Config("""{ "model": "auto", "maxRtf": 4 }""");

        var (byConfig, byConfigText, byConfigSettings) = await TranscribeWithConfigAsync(config);
        var (_, rtfText, _) = await TranscribeWithConfigAsync(config, "--max-rtf", "1.5");
        var (_, modelText, modelSettings) = await TranscribeWithConfigAsync(config, "--model", "base");

        Assert.Equal("小さいモデル", byConfigText);
        Assert.Equal(("auto", "4"), (byConfigSettings["modelChoice"], byConfigSettings["modelChoiceMaxRtf"]));
        Assert.Contains("within 4×", byConfig.Error, StringComparison.Ordinal);
        Assert.Equal("基本モデル", rtfText);
        Assert.Equal("基本モデル", modelText);
        Assert.False(modelSettings.ContainsKey("modelChoice"));
    }

    [Theory]
    [InlineData("{}", new[] { "--max-rtf", "2" })]
    [InlineData("{}", new[] { "--model", "small", "--max-rtf", "2" })]
    [InlineData("""{ "model": "auto" }""", new[] { "--model", "small", "--max-rtf", "2" })]
    public async Task Max_rtf_without_model_auto_is_one_line_and_exit_1_before_anything_is_written(string json, string[] more)
    {
        using var file = TestEnvironment.Set(MinutesConfig.EnvironmentVariable, Config(json));
        using var language = TestEnvironment.Set(Minutes.Text.Messages.EnvironmentVariable, "en");

        var result = await RunAsync(["transcribe", _recording, "-o", _temp.File("run-refused"), .. more]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("minutes: --max-rtf only steers --model auto; give --model auto (or \"model\": \"auto\" in minutes.json), or leave --max-rtf out.", result.Error.Trim());
        Assert.False(Directory.Exists(_temp.File("run-refused")));
    }
}
