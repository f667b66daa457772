using Minutes.Transcription;

namespace Minutes.Models;

/// <summary>
/// What a model's speed depends on besides the model itself: the threads and processors, the
/// decoding (beam size; 1 is greedy), the decoder's token bound of a timing run, and the CPU. A
/// measurement is reused only under equal conditions (and the same model digest).
/// </summary>
public sealed record SpeedConditions(int Threads, int Processors, int BeamSize, int TokensPerWindow, string Cpu, int CpuCount)
{
    /// <summary>The conditions a transcription with <paramref name="options"/> runs under on this machine.</summary>
    public static SpeedConditions For(WhisperOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(
            options.Threads,
            options.Processors,
            options.Fast ? 1 : options.BeamSize ?? WhisperDecoding.DefaultBeamSize,
            new WhisperDecoding().ForTiming(ModelSpeedMeter.ClipSeconds).MaxTokensPerWindow,
            CpuName.Current,
            Environment.ProcessorCount);
    }

    /// <summary>The decoding these conditions time, bounded as a timing run bounds it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public WhisperDecoding Decoding => (BeamSize > 1 ? new WhisperDecoding { BeamSize = BeamSize } : WhisperDecoding.Greedy) with
    {
        TemperatureFallback = false,
        MaxTokensPerWindow = TokensPerWindow,
    };
}
