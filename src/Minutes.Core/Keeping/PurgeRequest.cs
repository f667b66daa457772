namespace Minutes.Keeping;

/// <summary>What to purge: the recording (the run's decoded copy and working data), the personal information decided as redacted, or both.</summary>
public sealed record PurgeRequest(bool Recording, bool PersonalInformation, string Reviewer, string? Reason = null);
