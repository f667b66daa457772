namespace Minutes.Models;

/// <summary>What a model is for.</summary>
public enum ModelKind
{
    Whisper,
    Vad,
}
