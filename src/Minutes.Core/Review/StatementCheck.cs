using Minutes.Drafting;
using Minutes.Rendering;
using Minutes.Sessions;

namespace Minutes.Review;

/// <summary>
/// The verdicts review and approval rest on, recomputed every time: every statement of 07 is
/// verified again (<see cref="MinutesVerifier"/>) against the transcript and sessions as they
/// are now. The status stored in 07 is only what the draft stage saw; a number edited into the
/// draft, or a cited segment corrected after drafting, changes the verdict here.
/// </summary>
public static class StatementCheck
{
    /// <summary>The plan of a run without sessions: every statement is checked against the whole transcript.</summary>
    internal static readonly SessionPlan NoSessions = new("none", new Dictionary<string, string>(), [], []);

    /// <summary>The artifacts with the minutes verified against the current transcript.</summary>
    public static RunArtifacts Reverify(RunArtifacts artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var minutes = MinutesVerifier.Verify(artifacts.Minutes, artifacts.Transcript, artifacts.Sessions ?? NoSessions);
        return new RunArtifacts(minutes, artifacts.Transcript, artifacts.Speakers, artifacts.Sessions);
    }

    /// <summary>Statements now unsupported that 07 records as supported (or without a verdict).</summary>
    public static IReadOnlyList<MinutesItem> ChangedVerdicts(MinutesDocument stored, MinutesDocument current)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(current);
        var before = stored.Sections.SelectMany(s => s.Items).GroupBy(i => i.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Verification?.Status, StringComparer.Ordinal);
        return current.Sections.SelectMany(s => s.Items)
            .Where(i => i.Verification?.Status == ItemVerification.Unsupported && before.GetValueOrDefault(i.Id) != ItemVerification.Unsupported)
            .ToList();
    }
}
