using System.Text.Json;
using Minutes.Json;
using Minutes.Policy;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Configuration;

/// <summary>The <c>llm</c> block of <c>minutes.json</c>; every field optional.</summary>
public sealed record LlmConfig
{
    /// <summary><c>openai</c>, <c>azure</c> or <c>compatible</c> (Ollama, llama.cpp server, vLLM, LM Studio …).</summary>
    public string? Provider { get; init; }

    public string? Endpoint { get; init; }

    /// <summary>The model name (OpenAI, compatible servers); for Azure the model behind the deployment, for the record.</summary>
    public string? Model { get; init; }

    /// <summary>The Azure OpenAI deployment name.</summary>
    public string? Deployment { get; init; }

    /// <summary>The name of the environment variable that holds the key (preferred: the key stays out of the file).</summary>
    public string? ApiKeyEnv { get; init; }

    /// <summary>The key itself. Allowed, but a file is copied more easily than an environment; prefer <see cref="ApiKeyEnv"/>.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The model's context window in tokens; sessions longer than it are drafted in parts.</summary>
    public int? ContextTokens { get; init; }

    /// <summary>Tokens kept free for the answer.</summary>
    public int? MaxOutputTokens { get; init; }

    public int? TimeoutSeconds { get; init; }

    public int? MaxRetries { get; init; }

    /// <summary><c>json_schema</c> (default), <c>json_object</c> or <c>none</c>.</summary>
    public string? StructuredOutput { get; init; }

    /// <summary>Merge two configurations field by field; <paramref name="over"/> wins.</summary>
    public static LlmConfig Merge(LlmConfig? under, LlmConfig? over)
    {
        under ??= new LlmConfig();
        if (over is null)
        {
            return under;
        }

        return new LlmConfig
        {
            Provider = over.Provider ?? under.Provider,
            Endpoint = over.Endpoint ?? under.Endpoint,
            Model = over.Model ?? under.Model,
            Deployment = over.Deployment ?? under.Deployment,
            ApiKeyEnv = over.ApiKeyEnv ?? under.ApiKeyEnv,
            ApiKey = over.ApiKey ?? under.ApiKey,
            ContextTokens = over.ContextTokens ?? under.ContextTokens,
            MaxOutputTokens = over.MaxOutputTokens ?? under.MaxOutputTokens,
            TimeoutSeconds = over.TimeoutSeconds ?? under.TimeoutSeconds,
            MaxRetries = over.MaxRetries ?? under.MaxRetries,
            StructuredOutput = over.StructuredOutput ?? under.StructuredOutput,
        };
    }
}

/// <summary>
/// <c>minutes.json</c>: settings a clerk's office keeps once instead of typing on every run. Read
/// from the user profile (<c>~/.config/minutes/minutes.json</c>, <c>%APPDATA%\minutes\minutes.json</c>),
/// then the working folder, field by field, the nearer file winning; <c>MINUTES_CONFIG</c> names
/// one file instead of both. Command-line options and environment variables win over both.
/// </summary>
public sealed record MinutesConfig
{
    public const string FileName = "minutes.json";
    public const string EnvironmentVariable = "MINUTES_CONFIG";

    public LlmConfig? Llm { get; init; }

    /// <summary>The default 機密性 (1–3) of this office's meetings.</summary>
    public Confidentiality? Confidentiality { get; init; }

    /// <summary>The default style: summary or verbatim.</summary>
    public string? Style { get; init; }

    /// <summary>The office's replacement dictionary (誤 → 正), applied after every transcription as corrections by <c>dictionary</c>.</summary>
    public IReadOnlyDictionary<string, string>? Replacements { get; init; }

    /// <summary>Proper nouns given to Whisper as its prompt when <c>--glossary</c> is not (the first ones win when they do not all fit).</summary>
    public IReadOnlyList<string>? Glossary { get; init; }

    /// <summary>How recordings of two or more channels are used when <c>--channels</c> is not given: auto, mix or per-speaker.</summary>
    public string? Channels { get; init; }

    /// <summary>The Whisper model when <c>--model</c> is not given: a catalog name, a ggml file, or <c>auto</c>.</summary>
    public string? Model { get; init; }

    /// <summary>For <c>auto</c> (here or on the command line) when <c>--max-rtf</c> is not given: the most processing time allowed, as a multiple of the recording's length.</summary>
    public double? MaxRtf { get; init; }

    /// <summary>The files read, nearest last (for messages and the trace); not part of the file.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> Sources { get; init; } = [];

    public static MinutesConfig Empty { get; } = new();

    /// <summary>The user profile's file.</summary>
    public static string UserFile => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify), "minutes", FileName);

    /// <summary>Reads the configuration the environment points at (see the type's summary).</summary>
    public static MinutesConfig Load(string? workingFolder = null, string? userFile = null)
    {
        var explicitFile = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(explicitFile))
        {
            return File.Exists(explicitFile)
                ? Read(explicitFile)
                : throw new MinutesException(Messages.Of("ConfigFileMissing", EnvironmentVariable, explicitFile));
        }

        var config = Empty;
        foreach (var file in new[] { userFile ?? UserFile, Path.Combine(workingFolder ?? Directory.GetCurrentDirectory(), FileName) }.Distinct().Where(File.Exists))
        {
            config = Merge(config, Read(file));
        }

        return config;
    }

    public static MinutesConfig Read(string path)
    {
        MinutesConfig config;
        try
        {
            config = MinutesJson.Deserialize(File.ReadAllText(path), MinutesJson.Context.MinutesConfig);
        }
        catch (JsonException ex)
        {
            throw new MinutesException(Messages.Of("ConfigInvalid", path, ex.Message.ReplaceLineEndings(" ")));
        }

        return config with { Sources = [path] };
    }

    private static MinutesConfig Merge(MinutesConfig under, MinutesConfig over) => new()
    {
        Llm = LlmConfig.Merge(under.Llm, over.Llm),
        Confidentiality = over.Confidentiality ?? under.Confidentiality,
        Style = over.Style ?? under.Style,
        Replacements = over.Replacements ?? under.Replacements,
        Glossary = over.Glossary ?? under.Glossary,
        Channels = over.Channels ?? under.Channels,
        Model = over.Model ?? under.Model,
        MaxRtf = over.MaxRtf ?? under.MaxRtf,
        Sources = [.. under.Sources, .. over.Sources],
    };
}
