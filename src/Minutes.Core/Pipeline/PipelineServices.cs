using Minutes.Audio;
using Minutes.Models;
using Minutes.Transcription;
using Minutes.Vad;

namespace Minutes.Pipeline;

/// <summary>
/// The stage implementations a pipeline is built from. <see cref="Default"/> wires the real
/// ones; tests replace single factories.
/// </summary>
public sealed record PipelineServices
{
    public required Func<IAudioDecoder> Decoder { get; init; }

    public required Func<VadOptions, IVoiceActivityDetector> Vad { get; init; }

    public required Func<WhisperOptions, ITranscriber> Transcriber { get; init; }

    /// <summary>The models folder <c>--model auto</c> chooses from and keeps its speed measurements in.</summary>
    public Func<ModelStore> Models { get; init; } = ModelStore.FromEnvironment;

    public static PipelineServices Default { get; } = new()
    {
        Decoder = () => new AudioDecoder(),
        Vad = VoiceActivityDetectors.Create,
        Transcriber = options => new WhisperTranscriber(WhisperSetup.Resolve(options, ModelStore.FromEnvironment())),
    };
}
