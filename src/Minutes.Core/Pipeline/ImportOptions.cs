using Minutes.Sessions;

namespace Minutes.Pipeline;

/// <summary>What <c>minutes import</c> was asked to do.</summary>
public sealed record ImportOptions
{
    /// <summary>The transcript file (SRT, WebVTT, transcript JSON, text).</summary>
    public required string File { get; init; }

    /// <summary>The run folder.</summary>
    public required string Output { get; init; }

    /// <summary>The recording the transcript belongs to, recorded as the run's source.</summary>
    public string? Audio { get; init; }

    public SessionOptions Sessions { get; init; } = new();

    /// <summary>The 機密性 asked for: a new run starts at it; an existing run's level is raised, or lowered with a reason.</summary>
    public Policy.ConfidentialityRequest Confidentiality { get; init; } = new() { Command = "import" };

    /// <summary>The replacement dictionary applied to the imported transcript, as corrections by <c>dictionary</c>.</summary>
    public Corrections.ReplacementDictionary? Replacements { get; init; }
}
