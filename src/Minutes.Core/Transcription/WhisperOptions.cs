namespace Minutes.Transcription;

/// <summary>What the transcript stage was asked for: the Whisper model by name or path, the language, the glossary and the threads.</summary>
public sealed record WhisperOptions
{
    public const string DefaultLanguage = "ja";

    /// <summary>All cores: Whisper's decoding scales with them.</summary>
    public static int DefaultThreads { get; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>A catalog name (base, small, large-v3-turbo, …), a URL or a ggml file; null = the default model present.</summary>
    public string? Model { get; init; }

    public string Language { get; init; } = DefaultLanguage;

    /// <summary>A file of proper nouns (one per line) given to Whisper as the initial prompt.</summary>
    public string? Glossary { get; init; }

    public int Threads { get; init; } = DefaultThreads;
}
