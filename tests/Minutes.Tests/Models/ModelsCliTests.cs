using Minutes.Tests.Support;

namespace Minutes.Tests.Models;

/// <summary>These tests set process-wide environment variables (MINUTES_MODELS, OPENAI_API_KEY), so they run alone.</summary>
[CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
public sealed class EnvironmentCollection
{
}

[Collection(nameof(EnvironmentCollection))]
public sealed class ModelsCliTests
{
    private static string SharedModels => Path.GetDirectoryName(RepoPaths.SileroModel)!;

    [SkippableFact]
    public async Task List_shows_the_catalog_and_what_is_present()
    {
        var result = await WithEnvironment(("MINUTES_MODELS", SharedModels)).RunAsync("models", "list");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n');
        Assert.Equal($"Models folder: {SharedModels}", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("silero-v6.2.0 ", StringComparison.Ordinal) && l.Contains(" yes ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("large-v3-turbo-q5_0 ", StringComparison.Ordinal) && l.Contains("547 MiB    -", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task List_json_is_one_document_with_the_catalog_and_what_is_present()
    {
        var result = await WithEnvironment(("MINUTES_MODELS", SharedModels)).RunAsync("models", "list", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("formatVersion").GetInt32());
        Assert.Equal(SharedModels, root.GetProperty("folder").GetString());
        var silero = root.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "silero-v6.2.0");
        Assert.Equal(("vad", true, true, RepoPaths.SileroModel, 885_098L), (silero.GetProperty("kind").GetString(), silero.GetProperty("present").GetBoolean(), silero.GetProperty("inCatalog").GetBoolean(), silero.GetProperty("path").GetString(), silero.GetProperty("bytes").GetInt64()));
        var absent = root.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "large-v3-turbo-q5_0");
        Assert.Equal(("547 MiB", false), (absent.GetProperty("size").GetString(), absent.GetProperty("present").GetBoolean()));
    }

    [SkippableFact]
    public async Task Doctor_json_lists_every_check_with_its_status_and_says_whether_the_machine_is_healthy()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("ggml-small.bin"), "<html>not a model</html>");

        var healthy = await WithEnvironment(("MINUTES_MODELS", SharedModels)).RunAsync("doctor", "--json");
        var broken = await WithEnvironment(("MINUTES_MODELS", temp.Path)).RunAsync("doctor", "--json");

        Assert.Equal((0, 2), (healthy.ExitCode, broken.ExitCode));
        using var ok = System.Text.Json.JsonDocument.Parse(healthy.Out);
        using var fail = System.Text.Json.JsonDocument.Parse(broken.Out);
        Assert.Equal(1, ok.RootElement.GetProperty("formatVersion").GetInt32());
        Assert.True(ok.RootElement.GetProperty("healthy").GetBoolean());
        Assert.False(fail.RootElement.GetProperty("healthy").GetBoolean());
        var vad = ok.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "vad model");
        Assert.Equal("ok", vad.GetProperty("status").GetString());
        Assert.Contains(fail.RootElement.GetProperty("checks").EnumerateArray(), c => c.GetProperty("status").GetString() == "fail" && c.GetProperty("detail").GetString()!.StartsWith("ggml-small.bin is not a ggml model file", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Path_prints_the_file_or_fails_with_the_pull_command()
    {
        var env = WithEnvironment(("MINUTES_MODELS", SharedModels));
        var found = await env.RunAsync("models", "path", "silero-v6.2.0");
        var missing = await env.RunAsync("models", "path", "small");

        Assert.Equal((0, RepoPaths.SileroModel + "\n"), (found.ExitCode, found.Out.ReplaceLineEndings("\n")));
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal($"minutes: model 'small' not found in {SharedModels}; run `minutes models pull small`.\n", missing.Error.ReplaceLineEndings("\n"));
    }

    [SkippableFact]
    public async Task Pull_downloads_from_a_url_and_prints_the_path_and_digest()
    {
        using var temp = new TempFolder();
        using var server = new LoopbackFileServer();
        var url = server.Add("ggml-cli.bin", Vad.WhisperLikeHeader.Bytes(extra: 50_000));

        var result = await WithEnvironment(("MINUTES_MODELS", temp.Path)).RunAsync("models", "pull", url.ToString());

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith(temp.File("ggml-cli.bin") + "\nsha256 ", result.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("[pull ggml-cli.bin] started", result.Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Doctor_reports_models_and_never_prints_a_key()
    {
        var result = await WithEnvironment(("MINUTES_MODELS", SharedModels), ("OPENAI_API_KEY", "sk-test-secret-value"), ("MINUTES_LLM_ENDPOINT", "http://user:pw@127.0.0.1:9/v1"), ("MINUTES_LLM_MODEL", "qwen2.5"))
            .RunAsync("doctor");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ok    vad model        ggml-silero-v6.2.0.bin, Silero VAD (silero-16k, v6.2.0)", result.Out, StringComparison.Ordinal);
        Assert.Contains("warn  whisper model    none in", result.Out, StringComparison.Ordinal);
        Assert.Contains("ok    llm              compatible http://127.0.0.1:9, model qwen2.5, no key", result.Out, StringComparison.Ordinal);
        Assert.Contains("ok    whisper runtime", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-test", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("pw@", result.Out, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Doctor_exits_2_when_a_model_file_is_corrupt()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("ggml-small.bin"), "<html>not a model</html>");

        var result = await WithEnvironment(("MINUTES_MODELS", temp.Path)).RunAsync("doctor");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("FAIL  whisper model    ggml-small.bin is not a ggml model file; remove or replace it", result.Out, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Doctor_checks_the_speaker_model_a_run_would_load()
    {
        using var temp = new TempFolder();
        var bad = temp.File("speaker.onnx");
        await File.WriteAllTextAsync(bad, "not a model");

        var broken = await WithEnvironment(("MINUTES_MODELS", SharedModels), ("MINUTES_SPEAKER_MODEL", bad)).RunAsync("doctor");
        var builtIn = await WithEnvironment(("MINUTES_MODELS", SharedModels)).RunAsync("doctor");

        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("FAIL  speaker model", broken.Out, StringComparison.Ordinal);
        Assert.Contains("ok    speaker model    built-in (mfcc-ahc)", builtIn.Out, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Export_and_import_carry_a_model_to_another_models_folder_and_refuse_a_bad_bundle_in_one_line()
    {
        using var temp = new TempFolder();
        var bundle = temp.File("models.zip");
        var bad = temp.File("bad.zip");
        ModelBundleTests.WriteBad(bad, "wrong digest");
        var closed = temp.File("closed");

        var export = await WithEnvironment(("MINUTES_MODELS", SharedModels)).RunAsync("models", "export", "silero-v6.2.0", "-o", bundle);
        var import = await WithEnvironment(("MINUTES_MODELS", closed)).RunAsync("models", "import", bundle);
        var refused = await WithEnvironment(("MINUTES_MODELS", closed)).RunAsync("models", "import", bad);

        Assert.Equal(0, export.ExitCode);
        Assert.StartsWith("silero-v6.2.0              864.4 KiB  sha256 2aa269b785eeb53a82983a20501ddf7c1d9c48e33ab63a41391ac6c9f7fb6987\nwrote ", export.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(0, import.ExitCode);
        Assert.Equal($"silero-v6.2.0              864.4 KiB  imported, sha256 verified\nModels folder: {closed}\n", import.Out.ReplaceLineEndings("\n"));
        Assert.Equal(3, refused.ExitCode);
        Assert.StartsWith("minutes: bad.zip refused: the sha256 of ggml-a.bin is ", refused.Error, StringComparison.Ordinal);
        Assert.Single(refused.Error.TrimEnd().Split('\n'));
        Assert.Equal(["ggml-silero-v6.2.0.bin", "ggml-silero-v6.2.0.bin.sha256"], Directory.EnumerateFileSystemEntries(closed).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_speaker_model_exported_from_one_models_folder_imports_into_another()
    {
        using var temp = new TempFolder();
        var connected = temp.File("connected");
        Directory.CreateDirectory(connected);
        TinySpeakerModel.Write(Path.Combine(connected, "wespeaker_en_voxceleb_resnet34.onnx"), dimensions: 256);
        var bundle = temp.File("speaker.zip");
        var closed = temp.File("closed");

        var export = await WithEnvironment(("MINUTES_MODELS", connected)).RunAsync("models", "export", "wespeaker-resnet34-voxceleb", "-o", bundle);
        var import = await WithEnvironment(("MINUTES_MODELS", closed)).RunAsync("models", "import", bundle);

        Assert.True(export.ExitCode == 0, export.Error);
        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Equal(File.ReadAllBytes(Path.Combine(connected, "wespeaker_en_voxceleb_resnet34.onnx")), File.ReadAllBytes(Path.Combine(closed, "wespeaker_en_voxceleb_resnet34.onnx")));
    }

    private static EnvironmentScope WithEnvironment(params (string Name, string Value)[] variables) => new(variables);

    /// <summary>Sets variables for one CLI run and restores them afterwards.</summary>
    private sealed class EnvironmentScope((string Name, string Value)[] variables)
    {
        public async Task<CliRunner.Result> RunAsync(params string[] args)
        {
            var saved = variables.Select(v => (v.Name, Environment.GetEnvironmentVariable(v.Name))).ToList();
            try
            {
                foreach (var (name, value) in variables)
                {
                    Environment.SetEnvironmentVariable(name, value);
                }

                return await CliRunner.RunAsync(args);
            }
            finally
            {
                foreach (var (name, value) in saved)
                {
                    Environment.SetEnvironmentVariable(name, value);
                }
            }
        }
    }
}
