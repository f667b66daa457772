namespace Minutes.Diagnostics;

/// <summary>
/// What <c>minutes doctor --json</c> prints: every check with its status (<c>ok</c>, <c>warn</c>,
/// <c>fail</c>) and detail, and whether transcription can run (no check failed).
/// </summary>
public sealed record DoctorResult(bool Healthy, IReadOnlyList<DoctorCheck> Checks)
{
    /// <summary>Raised when a field changes meaning or goes; new fields do not raise it.</summary>
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public static DoctorResult Of(IReadOnlyList<DoctorCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        return new DoctorResult(!checks.Any(c => c.Status == CheckStatus.Fail), checks);
    }
}
