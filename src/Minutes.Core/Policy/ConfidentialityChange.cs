using System.Text.Json.Serialization;

namespace Minutes.Policy;

/// <summary>
/// One change of a run's level, kept in the manifest: from and to, who asked for it, when, by
/// which command, and why (required when the level was lowered).
/// </summary>
public sealed record ConfidentialityChange(
    Confidentiality From,
    Confidentiality To,
    string By,
    DateTimeOffset At,
    string Command,
    string? Reason = null)
{
    /// <summary>Whether the change lowered the level (derived, not written).</summary>
    [JsonIgnore]
    public bool Lowered => To.IsBelow(From);
}
