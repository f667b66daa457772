namespace Minutes.Models;

/// <summary>What a model file is, judged from its header alone.</summary>
public enum GgmlModelKind
{
    /// <summary>Not a whisper.cpp ggml file (too short, wrong magic, GGUF, an HTML error page…).</summary>
    NotGgml,

    /// <summary>A Whisper model: ggml magic followed by plausible Whisper hyper-parameters.</summary>
    Whisper,

    /// <summary>A Silero VAD model: ggml magic followed by the model type string "silero…".</summary>
    SileroVad,

    /// <summary>A ggml file that is neither.</summary>
    OtherGgml,
}
