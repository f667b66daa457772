using Minutes.Configuration;
using Minutes.Drafting;
using Minutes.Sessions;
using Minutes.Speakers;
using Minutes.Transcription;
using Minutes.Vad;

namespace Minutes.Pipeline;

/// <summary>
/// Everything <c>minutes transcribe</c> was asked to do: where the recording and the run are,
/// and the options of each stage, each on the stage's own record with its defaults.
/// </summary>
public sealed record TranscribeOptions
{
    public required string Recording { get; init; }

    /// <summary>Further recordings of the same meeting, joined after <see cref="Recording"/> in this order (times continue).</summary>
    public IReadOnlyList<string> ContinuedBy { get; init; } = [];

    /// <summary>The recordings of the meeting, in order.</summary>
    public IReadOnlyList<string> Recordings => [Recording, .. ContinuedBy];

    public required string Output { get; init; }

    public bool Resume { get; init; }

    public StopAfter StopAfter { get; init; }

    public VadOptions Vad { get; init; } = new();

    public WhisperOptions Whisper { get; init; } = new();

    public DiarizationOptions Diarization { get; init; } = new();

    public SessionOptions Sessions { get; init; } = new();

    /// <summary>The 機密性 asked for: a new run starts at it; an existing run's level is raised, or lowered with a reason.</summary>
    public Policy.ConfidentialityRequest Confidentiality { get; init; } = new() { Command = "transcribe" };

    public DraftOptions Draft { get; init; } = new();

    /// <summary>The replacement dictionary applied right after transcription, as corrections by <c>dictionary</c>.</summary>
    public Corrections.ReplacementDictionary? Replacements { get; init; }

    /// <summary>The LLM to draft with (offline when none is configured or <c>Offline</c> is set).</summary>
    public LlmOptions Llm { get; init; } = new();

    /// <summary>minutes.json as read by the caller (null: read it from the working folder and user profile).</summary>
    public MinutesConfig? Config { get; init; }
}
