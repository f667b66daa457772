using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Minutes.Drafting;
using Minutes.Text;

namespace Minutes.Diagnostics;

/// <summary>
/// Whether the configured LLM endpoint looks like Ollama, whose OpenAI-compatible endpoint cuts a
/// request to the model's own context (<c>num_ctx</c>, 2048 or 4096 tokens by default) without an
/// error, so a session longer than that is drafted from its last part only (ollama issues #4447,
/// #2722, #5902). Signs: port 11434, a model name with an Ollama tag (<c>qwen2.5:14b</c>), or
/// <c>/api/version</c> answering with a version. Only a compatible endpoint is asked.
/// </summary>
public static partial class OllamaCheck
{
    public const int DefaultPort = 11434;

    /// <summary>
    /// The context a one-hour session needs in one part, in tokens: about 18,000 characters of
    /// Japanese speech an hour (300 characters a minute) at one token a character, the segment ids
    /// of the compact lines, the prompt with its style guide and example (about 2,500) and the
    /// answer (2,048): about 24,000, rounded up to the next power of two a model is built with.
    /// </summary>
    public const int OneHourSessionTokens = 32768;

    /// <summary>How long the doctor waits for <c>/api/version</c>.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The warning, or null when the endpoint does not look like Ollama.</summary>
    public static DoctorCheck? Check(LlmSettings settings, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Provider != LlmSettings.Compatible || Evidence(settings, handler) is not { } evidence)
        {
            return null;
        }

        var size = Math.Max(settings.ContextTokens, OneHourSessionTokens);
        return new DoctorCheck("ollama", CheckStatus.Warn, Messages.Of(
            "DoctorOllamaNumCtx", evidence, settings.ContextTokens, OneHourSessionTokens, size, settings.Model, (size / 1024).ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>What makes the endpoint look like Ollama (in words for the message, either language), or null.</summary>
    public static Message? Evidence(LlmSettings settings, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var signs = new List<Message>();
        if (settings.Endpoint.Port == DefaultPort)
        {
            signs.Add(Messages.Of("OllamaSignPort", DefaultPort));
        }

        if (OllamaTag().IsMatch(settings.Model))
        {
            signs.Add(Messages.Of("OllamaSignModel", settings.Model));
        }

        if (Version(settings.Endpoint, handler) is { } version)
        {
            signs.Add(Messages.Verbatim($"/api/version {version}"));
        }

        return signs.Count == 0 ? null : Messages.Joined([.. signs.SelectMany((sign, i) => i == 0 ? [sign] : new object?[] { Messages.Of("ListComma"), sign })]);
    }

    /// <summary>The version <c>/api/version</c> reports at the endpoint's host, or null (no answer, not Ollama's).</summary>
    private static string? Version(Uri endpoint, HttpMessageHandler? handler)
    {
        using var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        client.Timeout = ProbeTimeout;
        try
        {
            var address = new UriBuilder(endpoint.Scheme, endpoint.Host, endpoint.Port, "/api/version").Uri;
            using var response = client.GetAsync(address).GetAwaiter().GetResult();
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var body = JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
            return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.String
                ? version.GetString()
                : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Ollama's <c>name:tag</c> (qwen2.5:14b-instruct, llama3.1:8b).</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][\w.\-/]*:[\w.\-]+$")]
    private static partial Regex OllamaTag();
}
