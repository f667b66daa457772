namespace Minutes.Privacy;

/// <summary>What a reviewer decided about a piece of personal information.</summary>
public enum PrivacyDecisionKind
{
    /// <summary>It stays in the published minutes (a public role, or said with consent).</summary>
    Keep,

    /// <summary>It is replaced by ○○ in the published version (公開版).</summary>
    Redact,
}
