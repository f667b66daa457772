namespace Minutes.Transcription;

/// <summary>Settings of a Whisper transcription, with the model resolved to a file (<see cref="WhisperSetup"/> makes them from <see cref="WhisperOptions"/>).</summary>
public sealed record WhisperSettings
{
    /// <summary>The ggml model file (resolved from a name or path by the model store).</summary>
    public required string ModelPath { get; init; }

    /// <summary>The name the user gave (base, small, a path…), for the trace.</summary>
    public string? ModelName { get; init; }

    public string Language { get; init; } = WhisperOptions.DefaultLanguage;

    /// <summary>Proper nouns given to Whisper as the initial prompt of every chunk.</summary>
    public string? Prompt { get; init; }

    public int Threads { get; init; } = WhisperOptions.DefaultThreads;

    /// <summary>Beam search or greedy, and the temperature fallback.</summary>
    public WhisperDecoding Decoding { get; init; } = new();

    /// <summary>Whisper processors decoding chunks in parallel; <see cref="Threads"/> are shared among them.</summary>
    public int Processors { get; init; } = 1;

    /// <summary>Why this model, when <c>--model auto</c> chose it; recorded with the stage's parameters.</summary>
    public Models.ModelChoice? Choice { get; init; }

    public double MaxChunkSeconds { get; init; } = DefaultMaxChunkSeconds;

    public double MaxGapSeconds { get; init; } = DefaultMaxGapSeconds;

    /// <summary>Under Whisper's 30 s window, so a chunk is decoded in one window.</summary>
    public const double DefaultMaxChunkSeconds = 28;

    /// <summary>A longer pause starts a new chunk.</summary>
    public const double DefaultMaxGapSeconds = 1.5;
}
