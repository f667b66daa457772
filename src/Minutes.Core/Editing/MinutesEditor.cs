using Minutes.Drafting;
using Minutes.Runs;
using Minutes.Text;
using Minutes.Transcription;

namespace Minutes.Editing;

/// <summary>
/// Checks an edit against the minutes as they stand (drafted, with the edits so far) and makes
/// the entry to record: an unknown statement or part, empty text, a rewording that changes
/// nothing, an insert without citations or citing a segment the transcript lacks, or a restore of
/// a statement nobody edited are one line each, and nothing is recorded. It runs under the run's
/// lock (<c>MinutesPipeline.EditAsync</c>), so the stale-edit check here is the one that counts.
/// </summary>
public static class MinutesEditor
{
    public static MinutesEdit Prepare(MinutesDocument drafted, MinutesEditLog log, Transcript transcript, MinutesEditRequest request, string reviewer, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(drafted);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(request);
        var current = EditedMinutes.Replay(drafted, log);
        var items = current.Minutes.Sections.SelectMany(s => s.Items).GroupBy(i => i.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var draftedItems = drafted.Sections.SelectMany(s => s.Items).GroupBy(i => i.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var target = request.Item.Trim();
        var text = request.Text?.Trim() ?? string.Empty;
        string? DraftedDigest() => draftedItems.TryGetValue(target, out var d) ? EditedMinutes.DigestOf(d.Text) : null;
        MinutesEdit Entry(string before, string after, IReadOnlyList<string> citations, string? digest) =>
            new(0, request.Operation, target, reviewer, now, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), before, after, citations, digest, null, string.Empty, string.Empty);

        switch (request.Operation)
        {
            case MinutesEditOperation.Insert:
                if (!items.ContainsKey(target) && drafted.Sections.All(s => s.SessionId != target))
                {
                    throw new MinutesException(Messages.Get("EditUnknownAnchor", target));
                }

                var citations = (request.Citations ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
                if (citations.Count == 0)
                {
                    throw new MinutesException(Messages.Get("EditInsertNeedsCitations"));
                }

                var known = transcript.Segments.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
                if (citations.FirstOrDefault(c => !known.Contains(c)) is { } unknown)
                {
                    throw new MinutesException(Messages.Get("EditUnknownSegment", unknown));
                }

                return Entry(string.Empty, NonEmpty(text), citations, null);
            case MinutesEditOperation.Restore:
                var conflicted = current.Conflicts.Any(c => c.Item == target);
                if (!draftedItems.TryGetValue(target, out var original) || (!conflicted && items.TryGetValue(target, out var same) && same.Text == original.Text))
                {
                    throw new MinutesException(Messages.Get("EditNothingToRestore", target));
                }

                return Entry(items.TryGetValue(target, out var shown) ? shown.Text : string.Empty, original.Text, [], DraftedDigest());
            default:
                if (!items.TryGetValue(target, out var item))
                {
                    throw new MinutesException(Messages.Get("EditUnknownItem", target));
                }

                // Checked here, on the log read under the run's lock: of two edits made on the same text, the second is refused.
                if (request.Expected is not null && item.Text != request.Expected)
                {
                    throw new StaleEditException(Messages.Get("WorkbenchEditConflict", target, item.Text));
                }

                if (request.Operation == MinutesEditOperation.Delete)
                {
                    return Entry(item.Text, string.Empty, [], DraftedDigest());
                }

                if (NonEmpty(text) == item.Text)
                {
                    throw new MinutesException(Messages.Get("EditNoChange", target));
                }

                return Entry(item.Text, text, [], DraftedDigest());
        }
    }

    private static string NonEmpty(string text) =>
        text.Length == 0 || text.Any(char.IsControl)
            ? throw new MinutesException(Messages.Get("EditTextEmpty"))
            : text;
}
