using Minutes.Corrections;
using Minutes.Json;
using Minutes.Runs;

namespace Minutes.Privacy;

/// <summary>
/// <c>minutes pii</c>: the findings of a run's draft with their decisions, and the recording of a
/// reviewer's decision (appended to <c>trace/privacy-decisions.json</c>, atomically).
/// </summary>
public static class PrivacyDecisions
{
    public static PrivacyReview Review(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!run.Exists(RunFolder.MinutesTrace))
        {
            throw new MinutesException($"The run has no {RunFolder.MinutesTrace}; run 'minutes draft' first.");
        }

        return PrivacyReview.Of(run.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument), PrivacyDecisionLog.Load(run));
    }

    public static PrivacyDecision Record(RunFolder run, string findingId, PrivacyDecisionKind decision, string reviewer, string? reason, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(findingId);
        var name = (reviewer ?? string.Empty).Trim();
        if (name.Length == 0)
        {
            throw new MinutesException("A decision needs the reviewer's name (--reviewer).");
        }

        if (string.Equals(name, ReplacementDictionary.Reviewer, StringComparison.OrdinalIgnoreCase))
        {
            throw new MinutesException($"'{ReplacementDictionary.Reviewer}' is the name of the automatic corrections, not of a reviewer.");
        }

        var entry = Review(run).Find(findingId.Trim())
            ?? throw new MinutesException($"No personal-information finding {findingId} in this draft; 'minutes pii {run.Root}' lists them.");
        var log = PrivacyDecisionLog.Load(run).Append(entry.Finding with { Id = entry.Id }, decision, name, reason, time);
        run.Write(RunFolder.PrivacyDecisionsTrace, log, MinutesJson.Context.PrivacyDecisionLog);
        return log.Decisions[^1];
    }
}
