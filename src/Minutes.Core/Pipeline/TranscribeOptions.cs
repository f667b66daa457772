namespace Minutes.Pipeline;

/// <summary>Where <c>minutes transcribe</c> may stop early.</summary>
public enum StopAfter
{
    None,
    Audio,
    Vad,
    Transcript,
    Speakers,
    Sessions,
}

/// <summary>Everything <c>minutes transcribe</c> was asked to do, as parsed from the command line.</summary>
public sealed record TranscribeOptions
{
    public required string Recording { get; init; }

    public required string Output { get; init; }

    public string? Model { get; init; }

    public string Language { get; init; } = "ja";

    public string? Glossary { get; init; }

    public int Threads { get; init; } = Math.Max(1, Environment.ProcessorCount);

    public string? VadModel { get; init; }

    /// <summary>Force the energy detector even when a Silero model is available.</summary>
    public bool EnergyVad { get; init; }

    public int? Speakers { get; init; }

    public int? MinSpeakers { get; init; }

    public int? MaxSpeakers { get; init; }

    /// <summary>Names for diarized speakers, <c>S1=委員長,S2=田中委員</c>.</summary>
    public string? SpeakerNames { get; init; }

    /// <summary>An ONNX speaker-embedding model for the diarizer; null = the built-in embedder.</summary>
    public string? SpeakerModel { get; init; }

    /// <summary>The first clustering's threshold (cosine distance); null = the default. A real ONNX model needs its own.</summary>
    public double? SpeakerThreshold { get; init; }

    /// <summary>The BIC penalty that decides the speaker count; null = the default.</summary>
    public double? SpeakerPenalty { get; init; }

    public string? Agenda { get; init; }

    public bool Resume { get; init; }

    /// <summary>The meeting header file (会議名/日時/場所) for the draft.</summary>
    public string? Meeting { get; init; }

    /// <summary>The LLM to draft with (offline when none is configured or <c>Offline</c> is set).</summary>
    public Drafting.LlmOptions Llm { get; init; } = new();

    /// <summary>minutes.json as read by the caller (null: read it from the working folder and user profile).</summary>
    public Configuration.MinutesConfig? Config { get; init; }

    public Drafting.DraftStyle Style { get; init; } = Drafting.DraftStyles.Default;

    /// <summary>機密性 1–3.</summary>
    public Policy.Confidentiality Confidentiality { get; init; } = Policy.Confidentiality.Default;

    public StopAfter StopAfter { get; init; }
}
