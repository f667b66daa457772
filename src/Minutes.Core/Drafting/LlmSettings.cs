using System.Globalization;
using Minutes.Configuration;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Drafting;

/// <summary>What the command line says about the LLM; null means "not given".</summary>
public sealed record LlmOptions
{
    public bool Offline { get; init; }

    public string? Provider { get; init; }

    public string? Endpoint { get; init; }

    public string? Model { get; init; }

    public string? Deployment { get; init; }

    public string? Prompts { get; init; }

    public bool NoCache { get; init; }

    public int? ContextTokens { get; init; }
}

/// <summary>
/// The LLM connection as resolved from options, then environment variables, then
/// <c>minutes.json</c>. The key is held here and handed to the client only: it is never part of
/// <see cref="Describe"/>, a trace, a log or a message.
/// </summary>
public sealed record LlmSettings
{
    public const string OpenAi = "openai";
    public const string Azure = "azure";
    public const string Compatible = "compatible";
    public const string OpenAiEndpoint = "https://api.openai.com/v1";

    /// <summary>The context window assumed when none is configured: small enough for a local 8k model.</summary>
    public const int DefaultContextTokens = 8192;

    /// <summary>The answer's limit when none is configured (and at most a quarter of the context).</summary>
    public const int DefaultMaxOutputTokens = 2048;

    public const int DefaultTimeoutSeconds = 120;

    public const int DefaultMaxRetries = 3;

    public const string DefaultStructuredOutput = "json_schema";

    public required string Provider { get; init; }

    public required Uri Endpoint { get; init; }

    /// <summary>The model (for Azure: the deployment).</summary>
    public required string Model { get; init; }

    public string? ApiKey { get; init; }

    /// <summary>Where the key came from (an environment variable's name, or "minutes.json"), for messages.</summary>
    public string? ApiKeySource { get; init; }

    public int ContextTokens { get; init; } = DefaultContextTokens;

    public int MaxOutputTokens { get; init; } = DefaultMaxOutputTokens;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(DefaultTimeoutSeconds);

    /// <summary>Retries after a 429, a 5xx, a timeout or a dropped connection.</summary>
    public int MaxRetries { get; init; } = DefaultMaxRetries;

    /// <summary><c>json_schema</c>, <c>json_object</c> or <c>none</c>.</summary>
    public string StructuredOutput { get; init; } = DefaultStructuredOutput;

    /// <summary>The settings as they may be written down (manifest, traces): no key.</summary>
    public IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["provider"] = Provider,
        ["model"] = Model,
        ["endpointHost"] = Endpoint.Authority,
        ["contextTokens"] = ContextTokens.ToString(CultureInfo.InvariantCulture),
        ["maxOutputTokens"] = MaxOutputTokens.ToString(CultureInfo.InvariantCulture),
        ["structuredOutput"] = StructuredOutput,
    };

    /// <summary>
    /// Resolves the connection, or null when none is configured (the offline drafter then runs).
    /// Precedence: options, then <c>MINUTES_LLM_*</c>, then the provider's own variables
    /// (<c>AZURE_OPENAI_*</c>, <c>OPENAI_API_KEY</c>), then <c>minutes.json</c>. An OpenAI key is
    /// sent to OpenAI only, an Azure key to Azure only: a compatible endpoint gets
    /// <c>MINUTES_LLM_API_KEY</c> or the configured key, never someone else's.
    /// </summary>
    public static LlmSettings? Resolve(LlmOptions options, MinutesConfig config, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(config);
        environment ??= Environment.GetEnvironmentVariable;
        string? Env(string name) => environment(name) is { Length: > 0 } value ? value : null;
        var file = config.Llm ?? new LlmConfig();

        var endpoint = options.Endpoint ?? Env("MINUTES_LLM_ENDPOINT");
        var provider = (options.Provider ?? Env("MINUTES_LLM_PROVIDER"))?.ToLowerInvariant();
        if (provider is null && endpoint is null && Env("AZURE_OPENAI_ENDPOINT") is not null)
        {
            provider = Azure;
        }

        endpoint ??= provider == Azure ? Env("AZURE_OPENAI_ENDPOINT") : null;
        endpoint ??= file.Endpoint;
        provider ??= file.Provider?.ToLowerInvariant();
        if (provider is null && endpoint is null && Env("OPENAI_API_KEY") is not null)
        {
            provider = OpenAi;
        }

        if (endpoint is null && provider is null)
        {
            return null;
        }

        endpoint ??= provider switch
        {
            OpenAi => OpenAiEndpoint,
            Azure => Env("AZURE_OPENAI_ENDPOINT") ?? throw new MinutesException(Messages.Of("AzureNeedsEndpoint")),
            _ => throw new MinutesException(Messages.Of("NoLlmEndpoint")),
        };
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new MinutesException(Messages.Of("LlmEndpointNotHttp", endpoint));
        }

        provider ??= uri.Host.EndsWith(".openai.azure.com", StringComparison.OrdinalIgnoreCase) ? Azure
            : uri.Host.Equals("api.openai.com", StringComparison.OrdinalIgnoreCase) ? OpenAi
            : Compatible;
        if (provider is not (OpenAi or Azure or Compatible))
        {
            throw new MinutesException(Messages.Of("UnknownLlmProvider", provider));
        }

        var model = provider == Azure
            ? options.Deployment ?? options.Model ?? Env("AZURE_OPENAI_DEPLOYMENT") ?? Env("AZURE_OPENAI_DEPLOYMENT_NAME") ?? Env("MINUTES_LLM_MODEL") ?? file.Deployment ?? file.Model
                ?? throw new MinutesException(Messages.Of("NoAzureDeployment"))
            : options.Model ?? Env("MINUTES_LLM_MODEL") ?? file.Model
                ?? throw new MinutesException(Messages.Of("NoLlmModel"));

        var (key, source) = Key(provider, file, Env);
        var structured = (file.StructuredOutput ?? DefaultStructuredOutput).ToLowerInvariant();
        if (structured is not ("json_schema" or "json_object" or "none"))
        {
            throw new MinutesException(Messages.Of("BadStructuredOutput", file.StructuredOutput));
        }

        var context = options.ContextTokens ?? file.ContextTokens ?? DefaultContextTokens;
        var output = file.MaxOutputTokens ?? Math.Min(DefaultMaxOutputTokens, context / 4);
        if (context < 1024 || output < 256 || output > context / 2)
        {
            throw new MinutesException(Messages.Of("LlmContextTooSmall", context, output));
        }

        return new LlmSettings
        {
            Provider = provider,
            Endpoint = uri,
            Model = model,
            ApiKey = key,
            ApiKeySource = source,
            ContextTokens = context,
            MaxOutputTokens = output,
            Timeout = TimeSpan.FromSeconds(Math.Max(1, file.TimeoutSeconds ?? DefaultTimeoutSeconds)),
            MaxRetries = Math.Clamp(file.MaxRetries ?? DefaultMaxRetries, 0, 10),
            StructuredOutput = structured,
        };
    }

    private static (string? Key, string? Source) Key(string provider, LlmConfig file, Func<string, string?> env)
    {
        foreach (var name in new[] { "MINUTES_LLM_API_KEY", file.ApiKeyEnv, provider switch { OpenAi => "OPENAI_API_KEY", Azure => "AZURE_OPENAI_API_KEY", _ => null } })
        {
            if (name is not null && env(name) is { } value)
            {
                return (value, name);
            }
        }

        return file.ApiKey is { Length: > 0 } key ? (key, MinutesConfig.FileName) : (null, null);
    }
}
