using Minutes.Configuration;
using Minutes.Json;
using Minutes.Models;
using Minutes.Runs;
using Minutes.Tests.Support;
using Minutes.Transcription;

namespace Minutes.Tests.Models;

/// <summary>
/// The Whisper model and <c>--max-rtf</c> in <c>minutes.json</c>, the command line winning over
/// them, and <c>--max-rtf</c> refused where nothing would read it. The models are crafted tiny
/// models whose text says which one ran, with planted speeds so that the choice is deterministic.
/// </summary>
[Collection(nameof(EnvironmentCollection))]
public sealed class ModelConfigTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _store;
    private readonly string _recording = RepoPaths.Sample("committee/recording.ogg");

    public ModelConfigTests()
    {
        _store = Directory.CreateDirectory(_temp.File("models")).FullName;
    }

    public void Dispose() => _temp.Dispose();

    private void Install(string name, params string[] pieces) => TinyWhisperModel.WriteCrafted(Path.Combine(_store, $"ggml-{name}.bin"), pieces);

    /// <summary>small takes 3× the recording's length, base 0.2× (threads 2, the default beam).</summary>
    private void InstallMeasured()
    {
        Install("base", "基本", "モデル");
        Install("small", "小さい", "モデル");
        var store = new ModelStore(_store);
        var conditions = SpeedConditions.For(new WhisperOptions { Threads = 2 });
        var log = ModelSpeeds.Load(store);
        foreach (var (name, rtf) in new[] { ("small", 3.0), ("base", 0.2) })
        {
            var sha256 = Hashing.Sha256OfFile(Path.Combine(_store, $"ggml-{name}.bin"));
            log = log.Save(store, new ModelSpeed(name, sha256, conditions, 28, 28 * rtf, rtf, true, DateTimeOffset.UtcNow));
        }
    }

    private string Config(string json)
    {
        var path = _temp.File($"minutes-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private async Task<(CliRunner.Result Result, string? Text, IReadOnlyDictionary<string, string> Settings)> TranscribeAsync(string config, params string[] more)
    {
        using var models = TestEnvironment.Set(ModelStore.EnvironmentVariable, _store);
        using var file = TestEnvironment.Set(MinutesConfig.EnvironmentVariable, config);
        var run = _temp.File($"run-{Guid.NewGuid():N}");
        var result = await CliRunner.RunAsync(["transcribe", _recording, "-o", run, "--vad-model", RepoPaths.SileroModel, "--threads", "2", "--stop-after", "transcript", .. more]);
        if (result.ExitCode != 0)
        {
            return (result, null, new Dictionary<string, string>());
        }

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

    [SkippableFact]
    public async Task A_config_that_says_auto_chooses_by_its_max_rtf_and_the_command_line_wins_over_both()
    {
        InstallMeasured();
        var config = Config("""{ "model": "auto", "maxRtf": 4 }""");

        var (byConfig, byConfigText, byConfigSettings) = await TranscribeAsync(config);
        var (rtfOverridden, rtfText, _) = await TranscribeAsync(config, "--max-rtf", "1.5");
        var (modelOverridden, modelText, modelSettings) = await TranscribeAsync(config, "--model", "base");

        Assert.True(byConfig.ExitCode == 0, byConfig.Error);
        Assert.Equal("小さいモデル", byConfigText);
        Assert.Equal(("auto", "4"), (byConfigSettings["modelChoice"], byConfigSettings["modelChoiceMaxRtf"]));
        Assert.Contains("within 4×", byConfig.Error, StringComparison.Ordinal);
        Assert.True(rtfOverridden.ExitCode == 0, rtfOverridden.Error);
        Assert.Equal("基本モデル", rtfText);
        Assert.True(modelOverridden.ExitCode == 0, modelOverridden.Error);
        Assert.Equal("基本モデル", modelText);
        Assert.False(modelSettings.ContainsKey("modelChoice"));
    }

    [Theory]
    [InlineData("{}", new[] { "--max-rtf", "2" })]
    [InlineData("{}", new[] { "--model", "small", "--max-rtf", "2" })]
    [InlineData("""{ "model": "auto" }""", new[] { "--model", "small", "--max-rtf", "2" })]
    public async Task Max_rtf_without_model_auto_is_one_line_and_exit_1_before_anything_is_written(string json, string[] more)
    {
        var config = Config(json);
        using var language = TestEnvironment.Set(Minutes.Text.Messages.EnvironmentVariable, "en");

        using var file = TestEnvironment.Set(MinutesConfig.EnvironmentVariable, config);
        var result = await CliRunner.RunAsync(["transcribe", _recording, "-o", _temp.File("run-refused"), .. more]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("minutes: --max-rtf only steers --model auto; give --model auto (or \"model\": \"auto\" in minutes.json), or leave --max-rtf out.", result.Error.Trim());
        Assert.Empty(Directory.GetDirectories(_temp.Path, "run-*"));
    }
}
