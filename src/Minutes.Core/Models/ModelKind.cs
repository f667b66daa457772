namespace Minutes.Models;

/// <summary>What a model is for.</summary>
public enum ModelKind
{
    Whisper,
    Vad,

    /// <summary>An ONNX speaker-embedding model for <c>--speaker-model</c> (<see cref="Speakers.SpeakerModelInputs"/>).</summary>
    Speaker,
}
