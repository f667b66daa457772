using Minutes.Audio;

namespace Minutes.Vad;

/// <summary>Finds the speech regions of the decoded recording.</summary>
public interface IVoiceActivityDetector
{
    /// <summary>The detector's name and settings as they go into the trace and the manifest.</summary>
    IReadOnlyDictionary<string, string> Parameters { get; }

    VadTrace Detect(PcmAudio audio, IProgress<double>? progress, CancellationToken cancellationToken);
}
