using Minutes.Audio;
using Minutes.Vad;

namespace Minutes.Transcription;

/// <summary>
/// Transcribes the speech regions of the recording. Finished regions are appended to the
/// checkpoint file as they complete, so that an interrupted run resumes from the last one.
/// </summary>
public interface ITranscriber
{
    /// <summary>Model, language and decoding settings as they go into the trace and the manifest.</summary>
    IReadOnlyDictionary<string, string> Parameters { get; }

    Task<Transcript> TranscribeAsync(PcmAudio audio, VadTrace vad, string checkpointFolder, IProgress<double>? progress, CancellationToken cancellationToken);
}
