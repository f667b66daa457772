using Minutes.Configuration;
using Minutes.Runs;

namespace Minutes.Drafting;

/// <summary>
/// Chooses the drafter: the offline drafter unless an LLM is configured (options, environment,
/// <c>minutes.json</c>; see <see cref="LlmSettings.Resolve"/>) and the confidentiality level allows
/// sending the transcript there.
/// </summary>
public static class Drafters
{
    public static IMinutesDrafter Create(LlmOptions options, int confidentiality, MinutesConfig? config = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Offline)
        {
            return new OfflineDrafter();
        }

        var settings = LlmSettings.Resolve(options, config ?? MinutesConfig.Load());
        if (settings is null)
        {
            return new OfflineDrafter();
        }

        // 機密性3: the transcript never leaves this machine.
        if (confidentiality >= 3 && !settings.Endpoint.IsLoopback)
        {
            throw new MinutesException($"Confidentiality level 3 forbids sending the transcript to {settings.Endpoint.Host}; use a local endpoint or --offline.");
        }

        return new SemanticKernelDrafter(settings, confidentiality, options.Prompts, options.NoCache);
    }

    /// <summary>
    /// The one-line warning of level 1: personal information goes to a remote endpoint as it was
    /// said. Null when nothing is to be said (offline, loopback, masked, or nothing found).
    /// </summary>
    public static string? Level1Warning(MinutesDocument minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        if (minutes.Confidentiality != 1 || minutes.Drafter.Kind != "llm" || minutes.PersonalInformation.Count == 0
            || minutes.Drafter.EndpointHost is not { } host || IsLoopback(host))
        {
            return null;
        }

        var kinds = string.Join(", ", minutes.PersonalInformation.GroupBy(f => f.Kind).Select(g => $"{g.Count()} {g.Key}"));
        return $"Warning: confidentiality 1 sent personal information unmasked to {host} ({kinds}); use --confidentiality 2 to mask it.";
    }

    private static bool IsLoopback(string authority) =>
        Uri.TryCreate("http://" + authority, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
