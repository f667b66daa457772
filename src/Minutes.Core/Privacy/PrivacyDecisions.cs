using Minutes.Corrections;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Text;

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
            throw new MinutesException(Messages.Get("RunHasNoDraft", RunFolder.MinutesTrace));
        }

        // The minutes as edited: what reviewers typed is scanned too (EditsStage), and decided like what was said.
        return PrivacyReview.Of(run.Read(Editing.EditedMinutes.CurrentFile(run), MinutesJson.Context.MinutesDocument), PrivacyDecisionLog.Load(run));
    }

    public static PrivacyDecision Record(RunFolder run, string findingId, PrivacyDecisionKind decision, string reviewer, string? reason, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(findingId);
        var name = (reviewer ?? string.Empty).Trim();
        if (name.Length == 0)
        {
            throw new MinutesException(Messages.Get("DecisionNeedsReviewer"));
        }

        if (string.Equals(name, ReplacementDictionary.Reviewer, StringComparison.OrdinalIgnoreCase))
        {
            throw new MinutesException(Messages.Get("ReservedReviewer", ReplacementDictionary.Reviewer));
        }

        var entry = Review(run).Find(findingId.Trim())
            ?? throw new MinutesException(Messages.Get("UnknownFinding", findingId, run.Root));
        var log = PrivacyDecisionLog.Load(run).Append(entry.Finding with { Id = entry.Id }, decision, name, reason, time);
        run.Write(RunFolder.PrivacyDecisionsTrace, log, MinutesJson.Context.PrivacyDecisionLog);
        return log.Decisions[^1];
    }
}
