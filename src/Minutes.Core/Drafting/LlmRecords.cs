namespace Minutes.Drafting;

/// <summary>One item as the LLM returns it (the JSON schema of the response).</summary>
public sealed record DraftedItem(string Kind, string Text, IReadOnlyList<string> Citations, string? Speaker = null, string? Owner = null, string? Due = null);

/// <summary>The LLM's answer for one session.</summary>
public sealed record SessionDraft(IReadOnlyList<DraftedItem> Items);

/// <summary>A chat message as sent.</summary>
public sealed record LlmMessage(string Role, string Content);

/// <summary>
/// <c>trace/06-llm/NNNN-PROMPT.json</c>: one LLM call — the prompt file and its digest, the
/// rendered messages exactly as sent (after masking), the model and endpoint host (never the key),
/// the settings, the response, token usage, latency and attempts (<see cref="Tries"/>: every HTTP try
/// with its outcome and wait; <see cref="Attempts"/>: answers asked for, repairs included), the session
/// and part drafted (<c>2/3</c>, or <c>merge</c>). <see cref="CacheKey"/> lets an
/// unchanged re-draft reuse the response instead of calling again.
/// </summary>
public sealed record LlmCall(
    string Prompt,
    string PromptSha256,
    string Model,
    string EndpointHost,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<LlmMessage> Messages,
    string Response,
    int? PromptTokens,
    int? CompletionTokens,
    double LatencySeconds,
    int Attempts,
    string CacheKey,
    IReadOnlyList<string> Masked,
    string? Session = null,
    string? Part = null,
    string? ResponseFormat = null,
    string? FinishReason = null,
    IReadOnlyList<LlmAttempt>? Tries = null)
{
    /// <summary>The artifact's schema version (<c>docs/schemas/</c>); absent in older runs, which read as 1.</summary>
    /// <remarks>The source generator sets a member the JSON lacks to 0: that reads as 1 too.</remarks>
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public int SchemaVersion { get => field == 0 ? Runs.SchemaVersions.Unversioned : field; init; } = Runs.SchemaVersions.Current;
}
