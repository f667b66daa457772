using Minutes.Json;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Policy;

/// <summary>
/// The confidentiality level is kept with the run: set when the run is created
/// (<c>transcribe</c>, <c>import</c>), read by every later command, raised at any time, lowered
/// only with a reason; every change is recorded in the manifest with who, when and why. A run
/// written before the level was kept takes the level of its draft (07), else the fallback.
/// </summary>
public static class RunPolicy
{
    /// <summary>The run's level: the manifest's, else its draft's, else <paramref name="fallback"/>.</summary>
    public static Confidentiality LevelOf(RunFolder run, Confidentiality fallback)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Recorded(run.LoadManifest(), run) ?? fallback;
    }

    /// <summary>
    /// The level a command works at. Nothing is written: a command that is refused afterwards
    /// (an endpoint its level forbids) leaves the run as it was.
    /// </summary>
    /// <param name="run">The existing run, or null for a run not created yet.</param>
    public static ConfidentialityDecision Decide(RunFolder? run, ConfidentialityRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var manifest = run?.LoadManifest();
        var current = manifest is null ? null : Recorded(manifest, run!);
        if (current is not { } level)
        {
            return new ConfidentialityDecision(request.Level ?? request.Fallback, false, null);
        }

        var hasLevel = manifest!.Confidentiality is not null;
        if (request.Level is not { } asked || asked == level)
        {
            return new ConfidentialityDecision(level, hasLevel, null);
        }

        var reason = string.IsNullOrWhiteSpace(request.LowerReason) ? null : request.LowerReason.Trim();
        if (asked.IsBelow(level) && reason is null)
        {
            throw new MinutesException(
                Messages.Get("LoweringNeedsReason", level, asked));
        }

        return new ConfidentialityDecision(asked, hasLevel, new ConfidentialityChange(level, asked, request.By, DateTimeOffset.UtcNow, request.Command, reason));
    }

    /// <summary>Records the decided level (and its change) in the run's manifest.</summary>
    public static void Record(RunFolder run, ConfidentialityDecision decision)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(decision);
        var manifest = run.LoadManifest();
        if (manifest.Confidentiality == decision.Level && decision.Change is null)
        {
            return;
        }

        var changes = manifest.ConfidentialityChanges ?? [];
        run.SaveManifest(manifest with
        {
            Confidentiality = decision.Level,
            ConfidentialityChanges = decision.Change is { } change ? [.. changes, change] : manifest.ConfidentialityChanges,
        });
    }

    private static Confidentiality? Recorded(Manifest manifest, RunFolder run)
    {
        if (manifest.Confidentiality is { } level)
        {
            return level;
        }

        return run.Exists(RunFolder.MinutesTrace)
            ? run.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument).Confidentiality
            : null;
    }
}
