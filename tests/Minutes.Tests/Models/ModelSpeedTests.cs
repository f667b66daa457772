using System.Text.Json;
using Minutes.Json;
using Minutes.Models;
using Minutes.Runs;
using Minutes.Tests.Support;
using Minutes.Transcription;

namespace Minutes.Tests.Models;

/// <summary>
/// How fast each installed model runs here (<c>models measure</c>, <c>speeds.json</c>), the choice of
/// <c>--model auto</c> and the doctor's estimate. The models are crafted tiny models installed
/// under catalog names, so the transcript's text says which one ran; measurements are planted
/// where the choice must be deterministic, and real where the test says so. These tests set
/// MINUTES_MODELS, so they run alone.
/// </summary>
[Collection(nameof(EnvironmentCollection))]
public sealed partial class ModelSpeedTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _store;
    private readonly string _recording = RepoPaths.Sample("committee/recording.ogg");

    public ModelSpeedTests()
    {
        _store = Directory.CreateDirectory(_temp.File("models")).FullName;
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>The conditions a run with <c>--threads 2</c> and the default beam has on this machine.</summary>
    private static SpeedConditions TwoThreads => SpeedConditions.For(new WhisperOptions { Threads = 2 });

    private string Install(string name, params string[] pieces)
    {
        var path = Path.Combine(_store, $"ggml-{name}.bin");
        TinyWhisperModel.WriteCrafted(path, pieces);
        return path;
    }

    private void Plant(SpeedConditions conditions, params (string Name, double Rtf, bool Finished)[] speeds)
    {
        var store = new ModelStore(_store);
        var log = ModelSpeeds.Load(store);
        foreach (var (name, rtf, finished) in speeds)
        {
            var sha256 = Hashing.Sha256OfFile(Path.Combine(_store, $"ggml-{name}.bin"));
            log = log.Save(store, new ModelSpeed(name, sha256, conditions, 28, 28 * rtf, rtf, finished, DateTimeOffset.UtcNow));
        }
    }

    private ModelSpeeds Speeds() => ModelSpeeds.Load(new ModelStore(_store));

    private async Task<CliRunner.Result> RunAsync(params string[] args)
    {
        using var models = TestEnvironment.Set(ModelStore.EnvironmentVariable, _store);
        return await CliRunner.RunAsync(args);
    }

    private async Task<(CliRunner.Result Result, Transcript Transcript, IReadOnlyDictionary<string, string> Parameters)> TranscribeAutoAsync(params string[] more)
    {
        var run = _temp.File($"run-{Guid.NewGuid():N}");
        var result = await RunAsync(["transcribe", _recording, "-o", run, "--model", "auto", "--energy-vad", "--threads", "2", "--stop-after", "transcript", .. more]);
        Assert.True(result.ExitCode == 0, result.Error);
        var folder = RunFolder.Open(run);
        var transcript = folder.Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript);
        return (result, transcript, folder.LoadManifest().Stages.Single(s => s.Name == "transcript").Parameters);
    }

    [Fact]
    public async Task Models_measure_writes_a_measurement_and_reuses_it_until_the_model_or_the_threads_change()
    {
        var model = Install("base", "ただいま", "から", "開会", "します");
        var first = Hashing.Sha256OfFile(model);

        var measured = await RunAsync("models", "measure", "base", "--threads", "2");
        var file = await File.ReadAllTextAsync(Path.Combine(_store, ModelSpeeds.FileName));
        var reused = await RunAsync("models", "measure", "base", "--threads", "2");

        Assert.True(measured.ExitCode == 0, measured.Error);
        Assert.Contains("measuring base (28 s of speech)", measured.Error, StringComparison.Ordinal);
        Assert.StartsWith("base: a one-hour meeting takes about ", measured.Out, StringComparison.Ordinal);
        var speed = Assert.Single(Speeds().Measurements);
        Assert.Equal(("base", first, TwoThreads, 28.0, true), (speed.Model, speed.ModelSha256, speed.Conditions, speed.ClipSeconds, speed.Finished));
        Assert.True(speed.Rtf > 0 && speed.Seconds > 0);
        Assert.True(!OperatingSystem.IsLinux() || speed.LoadAverage is not null);
        Assert.Equal(180, speed.Conditions.TokensPerWindow);

        Assert.True(reused.ExitCode == 0, reused.Error);
        Assert.DoesNotContain("measuring", reused.Error, StringComparison.Ordinal);
        Assert.EndsWith("(reused)", reused.Out.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(file, await File.ReadAllTextAsync(Path.Combine(_store, ModelSpeeds.FileName)));

        // Other threads: a measurement of its own, the first one kept.
        var oneThread = await RunAsync("models", "measure", "base", "--threads", "1");
        Assert.Contains("measuring base", oneThread.Error, StringComparison.Ordinal);
        Assert.Equal([1, 2], Speeds().Measurements.Select(m => m.Conditions.Threads).Order());

        // Another file under the same name: its digest differs, so it is measured again and replaces the stale measurement.
        Install("base", "本日", "の", "会議");
        var changed = await RunAsync("models", "measure", "base", "--threads", "2");
        Assert.Contains("measuring base", changed.Error, StringComparison.Ordinal);
        var second = Hashing.Sha256OfFile(model);
        Assert.NotEqual(first, second);
        Assert.Equal([(1, first), (2, second)], Speeds().Measurements.Select(m => (m.Conditions.Threads, m.ModelSha256)).Order());
    }

    [Fact]
    public async Task Auto_picks_the_more_accurate_model_when_its_measured_speed_fits_and_records_why()
    {
        Install("base", "基本", "モデル");
        Install("small", "小さい", "モデル");
        Plant(TwoThreads, ("small", 1.0, true), ("base", 0.2, true));

        var (result, transcript, parameters) = await TranscribeAutoAsync();

        Assert.All(transcript.Segments, s => Assert.Equal("小さいモデル", s.Text));
        Assert.Equal("small", transcript.Source.Name);
        Assert.Contains("minutes: --model auto chose small: small is the most accurate model installed and takes about ", result.Error, StringComparison.Ordinal);
        Assert.Equal(("auto", "1.5"), (parameters["modelChoice"], parameters["modelChoiceMaxRtf"]));
        Assert.StartsWith("small is the most accurate model installed and takes about ", parameters["modelChoiceReason"], StringComparison.Ordinal);
        Assert.Equal(parameters["modelChoiceReason"], transcript.Settings["modelChoiceReason"]);
        Assert.DoesNotContain("measuring", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auto_takes_the_smaller_model_when_the_larger_would_not_finish_in_time_unless_max_rtf_allows_it()
    {
        Install("base", "基本", "モデル");
        Install("small", "小さい", "モデル");
        Plant(TwoThreads, ("small", 3.0, true), ("base", 0.2, true));

        var (slow, slowTranscript, slowParameters) = await TranscribeAutoAsync();
        var (allowed, allowedTranscript, _) = await TranscribeAutoAsync("--max-rtf", "4");

        Assert.All(slowTranscript.Segments, s => Assert.Equal("基本モデル", s.Text));
        Assert.Matches(@"^small would take \d+ min for this \d+ min recording; base takes \d+ (s|min), within 1\.5×$", slowParameters["modelChoiceReason"]);
        Assert.Contains("--model auto chose base: small would take", slow.Error, StringComparison.Ordinal);
        Assert.All(allowedTranscript.Segments, s => Assert.Equal("小さいモデル", s.Text));
        Assert.Contains("within 4×", allowed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auto_measures_a_model_not_yet_measured_first_and_says_so()
    {
        Install("base", "基本", "モデル");
        Install("small", "小さい", "モデル");
        Plant(TwoThreads, ("small", 9.0, true));

        var (result, transcript, parameters) = await TranscribeAutoAsync();

        Assert.Contains("minutes: measuring base on this machine first (28 s of speech)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("measuring small", result.Error, StringComparison.Ordinal);
        Assert.All(transcript.Segments, s => Assert.Equal("基本モデル", s.Text));
        Assert.StartsWith("small would take ", parameters["modelChoiceReason"], StringComparison.Ordinal);
        var measured = Speeds().Measurements.Single(m => m.Model == "base");
        Assert.Equal((TwoThreads, true), (measured.Conditions, measured.Finished));
    }

    [Fact]
    public async Task When_no_model_fits_auto_takes_the_fastest_and_says_so()
    {
        Install("base", "基本", "モデル");
        Install("small", "小さい", "モデル");
        // A measurement cut short by its time bound says "slower than": it settles the question when that is already too slow.
        Plant(TwoThreads, ("small", 9.0, false), ("base", 5.0, true));

        var (result, transcript, parameters) = await TranscribeAutoAsync();

        Assert.All(transcript.Segments, s => Assert.Equal("基本モデル", s.Text));
        Assert.Matches(@"^no installed model finishes this \d+ min recording within 1\.5×; base is the fastest and takes about \d+ min$", parameters["modelChoiceReason"]);
        Assert.DoesNotContain("measuring", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_prints_the_one_hour_estimate_of_each_measured_model_and_how_to_measure_the_others()
    {
        Install("base", "基本", "モデル");
        Install("small", "小さい", "モデル");
        Plant(SpeedConditions.For(new WhisperOptions()), ("base", 0.25, true));

        var text = await RunAsync("doctor");
        var json = await RunAsync("doctor", "--json");

        Assert.Contains(text.Out.Split('\n'), l => l.Contains("whisper speed", StringComparison.Ordinal) && l.Contains("base: a one-hour meeting takes about 15 min; RTF 0.250 (beam 5, ", StringComparison.Ordinal));
        Assert.Contains(text.Out.Split('\n'), l => l.Contains("whisper speed", StringComparison.Ordinal) && l.EndsWith("small: not measured: run `minutes models measure small`", StringComparison.Ordinal));
        using var document = JsonDocument.Parse(json.Out);
        var speeds = document.RootElement.GetProperty("checks").EnumerateArray().Where(c => c.GetProperty("name").GetString() == "whisper speed").ToList();
        var measured = speeds.Single(c => c.TryGetProperty("rtf", out _));
        Assert.Equal((0.25, 900.0, "ok"), (measured.GetProperty("rtf").GetDouble(), measured.GetProperty("oneHourSeconds").GetDouble(), measured.GetProperty("status").GetString()));
        Assert.Equal("warn", speeds.Single(c => !c.TryGetProperty("rtf", out _)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_max_rtf_of_zero_is_one_line_and_exit_1()
    {
        var result = await RunAsync("transcribe", _recording, "-o", _temp.File("run"), "--model", "auto", "--max-rtf", "0");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("minutes: --max-rtf must be a number above 0 (got 0).", result.Error.Trim());
    }

    [Fact]
    public async Task For_a_two_hour_recording_the_reason_names_what_the_better_model_would_take()
    {
        Install("large-v3-turbo-q5_0", "大きい", "モデル");
        Install("small", "小さい", "モデル");
        Plant(TwoThreads, ("large-v3-turbo-q5_0", 2.076, true), ("small", 0.370, true));
        var said = new List<string>();

        var choice = await new ModelChooser(new ModelStore(_store)).ChooseAsync(new WhisperOptions { Threads = 2 }, 7200, 7200, said.Add, CancellationToken.None);

        Assert.Equal(("small", Path.Combine(_store, "ggml-small.bin"), 2664.0), (choice.Model, choice.Path, choice.EstimatedSeconds));
        Assert.Equal("large-v3-turbo-q5_0 would take 4 h 9 min for this 2 h recording; small takes 44 min, within 1.5×", choice.Reason);
        Assert.Empty(said);
    }

    [Theory]
    [InlineData(20.4, "20 s")]
    [InlineData(2640, "44 min")]
    [InlineData(7200, "2 h")]
    [InlineData(14940, "4 h 9 min")]
    public void Durations_read_as_a_person_says_them(double seconds, string expected) =>
        Assert.Equal(expected, SpeedText.Duration(seconds).English);

    [Fact]
    public void The_catalog_ranks_accuracy_by_family_and_a_quantized_model_just_below_its_f16_sibling()
    {
        string[] names = ["tiny", "base-q5_1", "small", "medium-q5_0", "large-v3-turbo-q5_0", "base", "large-v3-turbo", "medium", "large-v3-turbo-q8_0", "small-q8_0"];

        var ranked = names.OrderBy(n => ModelCatalog.AccuracyRank(ModelCatalog.Find(n)!)).ToList();

        Assert.Equal(["large-v3-turbo", "large-v3-turbo-q8_0", "large-v3-turbo-q5_0", "medium", "medium-q5_0", "small", "small-q8_0", "base", "base-q5_1", "tiny"], ranked);
    }
}
