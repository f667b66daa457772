using Minutes.Models;
using Minutes.Runs;

namespace Minutes.Vad;

/// <summary>
/// Chooses the detector for a run: Silero from <c>--vad-model</c>, else from the models folder
/// (<c>MINUTES_MODELS</c> or the per-user folder), else the energy detector, with the reason
/// written into the trace. An explicitly named model that is missing or not a Silero model is an
/// error, never a silent fallback.
/// </summary>
public static class VoiceActivityDetectors
{
    public static IVoiceActivityDetector Create(VadOptions options) => Create(options, ModelStore.FromEnvironment());

    public static IVoiceActivityDetector Create(VadOptions options, ModelStore store)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        if (options.Energy)
        {
            return new EnergyVoiceActivityDetector(fallbackReason: "--energy-vad was given");
        }

        if (!string.IsNullOrWhiteSpace(options.Model))
        {
            return new SileroVoiceActivityDetector(options.Model);
        }

        return store.FindVadModel() is { } found
            ? new SileroVoiceActivityDetector(found)
            : new EnergyVoiceActivityDetector(fallbackReason: $"no Silero VAD model in {store.Folder} (`minutes models pull {ModelCatalog.DefaultVad}` gets one)");
    }
}
