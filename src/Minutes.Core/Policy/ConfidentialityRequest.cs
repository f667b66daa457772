namespace Minutes.Policy;

/// <summary>
/// What a command asked of the run's level: a level (null: keep the run's), the reason when that
/// lowers it, who asks, and the level a new run starts at when none is named (minutes.json, else 1).
/// </summary>
public sealed record ConfidentialityRequest
{
    /// <summary><c>--confidentiality</c>, when given.</summary>
    public Confidentiality? Level { get; init; }

    /// <summary><c>--lower-confidentiality "reason"</c>: the only way to lower a run's level.</summary>
    public string? LowerReason { get; init; }

    /// <summary><c>--reviewer</c>, when given; otherwise the operating system's user name is recorded.</summary>
    public string? Reviewer { get; init; }

    /// <summary>The level of a new run that names none.</summary>
    public Confidentiality Fallback { get; init; } = Confidentiality.Default;

    /// <summary>The command that asks (recorded with a change).</summary>
    public string Command { get; init; } = "draft";

    /// <summary>Who a change is recorded as made by.</summary>
    public string By => string.IsNullOrWhiteSpace(Reviewer) ? Environment.UserName : Reviewer.Trim();
}
