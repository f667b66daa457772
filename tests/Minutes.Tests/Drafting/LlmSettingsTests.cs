using Minutes.Configuration;
using Minutes.Drafting;
using Minutes.Policy;
using Minutes.Runs;
using Minutes.Tests.Models;
using Minutes.Tests.Support;

namespace Minutes.Tests.Drafting;

/// <summary>Where the LLM connection comes from, and whose key goes where.</summary>
[Collection(nameof(EnvironmentCollection))]
public sealed class LlmSettingsTests
{
    private static readonly MinutesConfig NoFile = MinutesConfig.Empty;

    [Fact]
    public void Nothing_configured_means_the_offline_drafter()
    {
        Assert.Null(LlmSettings.Resolve(new LlmOptions(), NoFile, Env()));
        Assert.IsType<OfflineDrafter>(Drafters.Create(new LlmOptions(), Confidentiality.Open, NoFile));
    }

    [Fact]
    public void Options_beat_the_environment_which_beats_minutes_json()
    {
        var file = new MinutesConfig { Llm = new LlmConfig { Endpoint = "http://file.example:1/v1", Model = "file-model", ContextTokens = 32000 } };
        var env = Env(("MINUTES_LLM_ENDPOINT", "http://env.example:2/v1"), ("MINUTES_LLM_MODEL", "env-model"));

        var fromFile = LlmSettings.Resolve(new LlmOptions(), file, Env())!;
        var fromEnv = LlmSettings.Resolve(new LlmOptions(), file, env)!;
        var fromOptions = LlmSettings.Resolve(new LlmOptions { Endpoint = "http://127.0.0.1:3/v1", Model = "opt-model", ContextTokens = 4096 }, file, env)!;

        Assert.Equal(("file.example:1", "file-model", 32000), (fromFile.Endpoint.Authority, fromFile.Model, fromFile.ContextTokens));
        Assert.Equal(("env.example:2", "env-model"), (fromEnv.Endpoint.Authority, fromEnv.Model));
        Assert.Equal(("127.0.0.1:3", "opt-model", 4096, 1024), (fromOptions.Endpoint.Authority, fromOptions.Model, fromOptions.ContextTokens, fromOptions.MaxOutputTokens));
        Assert.All(new[] { fromFile, fromEnv, fromOptions }, s => Assert.Equal(LlmSettings.Compatible, s.Provider));
    }

    [Fact]
    public void An_OpenAI_key_goes_to_OpenAI_only_never_to_another_endpoint()
    {
        var env = Env(("OPENAI_API_KEY", "sk-openai"));

        var openai = LlmSettings.Resolve(new LlmOptions { Model = "gpt-4o-mini" }, NoFile, env)!;
        var local = LlmSettings.Resolve(new LlmOptions { Endpoint = "http://127.0.0.1:8080/v1", Model = "llama" }, NoFile, env)!;

        Assert.Equal((LlmSettings.OpenAi, "api.openai.com", "sk-openai", "OPENAI_API_KEY"), (openai.Provider, openai.Endpoint.Host, openai.ApiKey, openai.ApiKeySource));
        Assert.Equal((LlmSettings.Compatible, (string?)null), (local.Provider, local.ApiKey));
    }

    [Fact]
    public void Azure_is_recognised_by_its_variables_or_its_host_and_needs_a_deployment()
    {
        var env = Env(("AZURE_OPENAI_ENDPOINT", "https://city.openai.azure.com/"), ("AZURE_OPENAI_API_KEY", "az-key"), ("AZURE_OPENAI_DEPLOYMENT", "gpt4o-minutes"));

        var azure = LlmSettings.Resolve(new LlmOptions(), NoFile, env)!;
        var byHost = LlmSettings.Resolve(new LlmOptions { Endpoint = "https://city.openai.azure.com/", Deployment = "d1" }, NoFile, Env(("AZURE_OPENAI_API_KEY", "az-key")))!;

        Assert.Equal((LlmSettings.Azure, "gpt4o-minutes", "az-key"), (azure.Provider, azure.Model, azure.ApiKey));
        Assert.Equal((LlmSettings.Azure, "d1"), (byHost.Provider, byHost.Model));
        var missing = Assert.Throws<MinutesException>(() => LlmSettings.Resolve(new LlmOptions(), NoFile, Env(("AZURE_OPENAI_ENDPOINT", "https://city.openai.azure.com/"))));
        Assert.Contains("deployment", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_provider_variable_and_the_file_choose_the_provider_and_its_settings()
    {
        var file = new MinutesConfig { Llm = new LlmConfig { Endpoint = "http://127.0.0.1:8000/v1", Model = "m", MaxOutputTokens = 1024, TimeoutSeconds = 30, MaxRetries = 1, StructuredOutput = "json_object" } };

        var settings = LlmSettings.Resolve(new LlmOptions(), file, Env(("MINUTES_LLM_PROVIDER", "OpenAI"), ("OPENAI_API_KEY", "sk-o")))!;

        Assert.Equal((LlmSettings.OpenAi, "sk-o", 1024, 30.0, 1, "json_object"), (settings.Provider, settings.ApiKey, settings.MaxOutputTokens, settings.Timeout.TotalSeconds, settings.MaxRetries, settings.StructuredOutput));
        Assert.Contains("structuredOutput must be", Assert.Throws<MinutesException>(() => LlmSettings.Resolve(new LlmOptions(), file with { Llm = file.Llm! with { StructuredOutput = "xml" } }, Env())).Message, StringComparison.Ordinal);
        Assert.Contains("too small", Assert.Throws<MinutesException>(() => LlmSettings.Resolve(new LlmOptions { ContextTokens = 512 }, file, Env())).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_is_never_part_of_what_is_written_down()
    {
        var settings = LlmSettings.Resolve(new LlmOptions { Endpoint = "http://127.0.0.1:1/v1", Model = "m" }, new MinutesConfig { Llm = new LlmConfig { ApiKey = "sk-in-file-123" } }, Env())!;

        Assert.Equal("sk-in-file-123", settings.ApiKey);
        Assert.DoesNotContain(settings.Describe().Values, v => v.Contains("sk-in-file", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ftp://host/v1", "not an http(s) URL")]
    [InlineData("http://127.0.0.1:1/v1|provider=claude", "Unknown LLM provider")]
    public void Bad_settings_are_one_clear_line(string endpoint, string message)
    {
        var parts = endpoint.Split('|');
        var options = new LlmOptions { Endpoint = parts[0], Model = "m", Provider = parts.Length > 1 ? parts[1]["provider=".Length..] : null };

        var error = Assert.Throws<MinutesException>(() => LlmSettings.Resolve(options, NoFile, Env()));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Minutes_json_is_read_from_the_user_profile_then_the_working_folder_field_by_field()
    {
        using var temp = new TempFolder();
        var user = temp.File("user.json");
        File.WriteAllText(user, """{ "llm": { "endpoint": "http://127.0.0.1:9/v1", "model": "user-model" }, "confidentiality": 2 }""");
        var work = temp.File("work");
        Directory.CreateDirectory(work);
        File.WriteAllText(Path.Combine(work, MinutesConfig.FileName), """{ "llm": { "model": "office-model" }, "style": "verbatim" }""");

        var config = MinutesConfig.Load(work, user);

        Assert.Equal(("http://127.0.0.1:9/v1", "office-model", (Confidentiality?)Confidentiality.Masked, "verbatim"), (config.Llm!.Endpoint, config.Llm.Model, config.Confidentiality, config.Style));
        Assert.Equal(2, config.Sources.Count);
        File.WriteAllText(Path.Combine(work, MinutesConfig.FileName), """{ "confidentiality": 4 }""");
        Assert.Contains("confidentiality must be 1, 2 or 3", Assert.Throws<MinutesException>(() => MinutesConfig.Load(work, user)).Message, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(work, MinutesConfig.FileName), "{ llm: ");
        Assert.Contains("is not a valid minutes.json", Assert.Throws<MinutesException>(() => MinutesConfig.Load(work, user)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Level_1_warns_when_personal_information_went_unmasked_to_a_remote_host_only()
    {
        var finding = new PersonalInfoFinding("phone", "03-1234-5678", "s0001", "warned");
        var remote = new MinutesDocument(new MinutesHeader("会議", null, null, [], []), DraftStyle.Summary, new DrafterInfo(DrafterKind.Llm, "m", "llm.example.jp"), Confidentiality.Open, [], [finding]);

        Assert.Equal("Warning: confidentiality 1 sent personal information unmasked to llm.example.jp (1 phone); use --confidentiality 2 to mask it.", Drafters.Level1Warning(remote));
        Assert.Null(Drafters.Level1Warning(remote with { Drafter = new DrafterInfo(DrafterKind.Llm, "m", "127.0.0.1:8080") }));
        Assert.Null(Drafters.Level1Warning(remote with { Confidentiality = Confidentiality.Masked }));
        Assert.Null(Drafters.Level1Warning(remote with { PersonalInformation = [] }));
        Assert.Null(Drafters.Level1Warning(remote with { Drafter = new DrafterInfo(DrafterKind.Offline) }));
    }

    [Theory]
    [InlineData("田中委員", "田中")]
    [InlineData("長谷川議員", "長谷川")]
    [InlineData("高橋健一", "高橋健一")]
    [InlineData("山田さん", "山田")]
    [InlineData("委員長", null)]
    [InlineData("企画課長", null)]
    [InlineData("事務局", null)]
    [InlineData("話者1", null)]
    [InlineData("教育長", null)]
    public void A_speakers_name_yields_its_personal_part_and_a_role_none(string speaker, string? personal) =>
        Assert.Equal(personal, PersonalInfoDetector.PersonalPart(speaker));

    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;
}
