using Minutes.Runs;

namespace Minutes.Drafting;

/// <summary>
/// Chooses the drafter: the offline drafter unless an LLM endpoint is configured (option, then
/// <c>MINUTES_LLM_ENDPOINT</c>, or <c>OPENAI_API_KEY</c> for OpenAI itself) and not refused.
/// </summary>
public static class Drafters
{
    public static IMinutesDrafter Create(bool offline, string? endpoint, string? model, int confidentiality, string? prompts = null, bool noCache = false)
    {
        endpoint ??= Environment.GetEnvironmentVariable("MINUTES_LLM_ENDPOINT");
        var apiKey = Environment.GetEnvironmentVariable("MINUTES_LLM_API_KEY") ?? Environment.GetEnvironmentVariable("OPENAI_API_KEY");
        if (endpoint is null && Environment.GetEnvironmentVariable("OPENAI_API_KEY") is not null)
        {
            endpoint = "https://api.openai.com/v1";
        }

        if (offline || endpoint is null)
        {
            return new OfflineDrafter();
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
        {
            throw new MinutesException($"The LLM endpoint '{endpoint}' is not an http(s) URL.");
        }

        // 機密性3: the transcript never leaves this machine.
        if (confidentiality >= 3 && !uri.IsLoopback)
        {
            throw new MinutesException($"Confidentiality level 3 forbids sending the transcript to {uri.Host}; use a local endpoint or --offline.");
        }

        model ??= Environment.GetEnvironmentVariable("MINUTES_LLM_MODEL")
            ?? throw new MinutesException("No LLM model given; pass --model or set MINUTES_LLM_MODEL (or use --offline).");
        return new SemanticKernelDrafter(uri, model, apiKey, confidentiality, prompts, noCache);
    }
}
