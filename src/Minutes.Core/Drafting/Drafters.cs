using Minutes.Configuration;
using Minutes.Policy;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Drafting;

/// <summary>
/// Chooses the drafter: the offline drafter unless an LLM is configured (options, environment,
/// <c>minutes.json</c>; see <see cref="LlmSettings.Resolve"/>) and the confidentiality level allows
/// sending the transcript there.
/// </summary>
public static class Drafters
{
    public static IMinutesDrafter Create(LlmOptions options, Confidentiality confidentiality, MinutesConfig? config = null)
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

        if (!confidentiality.AllowsEndpoint(settings.Endpoint))
        {
            throw new MinutesException(Messages.Get("ConfidentialityForbidsEndpoint", confidentiality, settings.Endpoint.Host));
        }

        return new SemanticKernelDrafter(settings, options.Prompts, options.NoCache);
    }

    /// <summary>
    /// The one-line warning of level 1: personal information goes to a remote endpoint as it was
    /// said. Null when nothing is to be said (offline, loopback, masked, or nothing found).
    /// </summary>
    public static string? Level1Warning(MinutesDocument minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        if (minutes.Drafter.Kind != DrafterKind.Llm || minutes.PersonalInformation.Count == 0
            || minutes.Drafter.EndpointHost is not { } host || !minutes.Confidentiality.WarnsOfUnmaskedSending(host))
        {
            return null;
        }

        var kinds = string.Join(", ", minutes.PersonalInformation.GroupBy(f => f.Kind).Select(g => $"{g.Count()} {g.Key}"));
        return $"Warning: confidentiality 1 sent personal information unmasked to {host} ({kinds}); use --confidentiality 2 to mask it.";
    }
}
