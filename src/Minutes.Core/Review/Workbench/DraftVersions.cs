using Minutes.Drafting;
using Minutes.Json;
using Minutes.Runs;

namespace Minutes.Review.Workbench;

/// <summary>
/// The draft before the last redraft (<c>trace/07-minutes.previous.json</c>) and what changed
/// between it and the current one: statements added, removed and changed. Only the one version
/// before is kept; its digest is not bound by approvals (the current 07 is).
/// </summary>
public static class DraftVersions
{
    /// <summary>
    /// Keeps <paramref name="before"/> (the text of 07 before a draft ran) as the previous
    /// version when the draft stage wrote a different 07; a failed or identical draft keeps the
    /// previous version there was.
    /// </summary>
    public static void KeepPrevious(RunFolder run, string? before)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (before is null || !run.Exists(RunFolder.MinutesTrace))
        {
            return;
        }

        if (!string.Equals(before, File.ReadAllText(run.PathOf(RunFolder.MinutesTrace)), StringComparison.Ordinal))
        {
            run.WriteText(RunFolder.PreviousMinutesTrace, before);
        }
    }

    /// <summary>The changes from the previous version to the current one, or null when the run has no previous version.</summary>
    public static IReadOnlyList<DraftChange>? Changes(RunFolder run, MinutesDocument current)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(current);
        return run.Exists(RunFolder.PreviousMinutesTrace)
            ? Compare(run.Read(RunFolder.PreviousMinutesTrace, MinutesJson.Context.MinutesDocument), current)
            : null;
    }

    /// <summary>
    /// Pairs the statements of two versions. Ids are not stable across drafts (a drafter numbers
    /// what it writes), so a statement is the same when its kind and text are; of the rest, a
    /// statement of the same kind citing an overlapping set of segments is the changed version
    /// of it; what is left was added or removed. Changes come in the order of the current draft,
    /// removed statements last.
    /// </summary>
    public static IReadOnlyList<DraftChange> Compare(MinutesDocument previous, MinutesDocument current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var before = previous.Sections.SelectMany(s => s.Items).ToList();
        var after = current.Sections.SelectMany(s => s.Items).ToList();
        var unmatched = new List<MinutesItem>(before);
        var pending = new List<MinutesItem>();
        foreach (var item in after)
        {
            var same = unmatched.FindIndex(b => b.Kind == item.Kind && b.Text == item.Text);
            if (same >= 0)
            {
                unmatched.RemoveAt(same);
            }
            else
            {
                pending.Add(item);
            }
        }

        var changes = new List<DraftChange>();
        foreach (var item in pending)
        {
            var match = unmatched
                .Where(b => b.Kind == item.Kind)
                .Select(b => (Item: b, Shared: b.Citations.Intersect(item.Citations, StringComparer.Ordinal).Count()))
                .Where(p => p.Shared > 0)
                .OrderByDescending(p => p.Shared)
                .Select(p => p.Item)
                .FirstOrDefault();
            if (match is null)
            {
                changes.Add(new DraftChange(DraftChangeKind.Added, null, item.Id, null, item.Text));
                continue;
            }

            unmatched.Remove(match);
            changes.Add(new DraftChange(DraftChangeKind.Changed, match.Id, item.Id, match.Text, item.Text));
        }

        changes.AddRange(unmatched.Select(b => new DraftChange(DraftChangeKind.Removed, b.Id, null, b.Text, null)));
        return changes;
    }
}
