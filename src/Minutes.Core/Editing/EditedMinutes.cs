using System.Globalization;
using Minutes.Drafting;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Editing;

/// <summary>
/// The minutes as the reviewers edited them: the drafted minutes (07) with the edit log replayed
/// over them, in order. An edit applies only to the drafted statement it was made on (same id,
/// same text digest); otherwise it becomes an <see cref="EditConflict"/>. A later edit of the same
/// statement that applies resolves its earlier conflicts. <see cref="EditedItems"/> are the
/// statements whose text is the reviewers' (reworded or inserted), verified again by the edits stage.
/// </summary>
public sealed record EditedMinutes(MinutesDocument Minutes, IReadOnlyList<string> EditedItems, IReadOnlyList<EditConflict> Conflicts)
{
    /// <summary>The edited minutes, derived by the edits stage; every document is rendered from them when the run has edits.</summary>
    public const string File = "trace/07-minutes.edited.json";

    /// <summary>The id of the statement an insert adds: e and the edit's sequence (e0003).</summary>
    public static string InsertedId(int sequence) => "e" + sequence.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>The minutes every document is rendered from: the edited ones when the run has edits or corrections, else the drafted ones.</summary>
    public static string CurrentFile(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return HasReviewersWords(run) && run.Exists(File) ? File : RunFolder.MinutesTrace;
    }

    /// <summary>
    /// Whether reviewers typed anything the edits stage reads: edits of the minutes, or corrections
    /// of the transcript (scanned for personal information into the edited minutes).
    /// </summary>
    public static bool HasReviewersWords(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Exists(MinutesEditLog.File) || run.Exists(RunFolder.CorrectionsTrace);
    }

    /// <summary>The digest edits record of a drafted statement's text.</summary>
    public static string DigestOf(string text) => Hashing.Sha256OfText(text);

    public static EditedMinutes Replay(MinutesDocument drafted, MinutesEditLog log)
    {
        ArgumentNullException.ThrowIfNull(drafted);
        ArgumentNullException.ThrowIfNull(log);
        var draftedItems = drafted.Sections.SelectMany(s => s.Items).GroupBy(i => i.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        // Deleted statements keep their place until the end, so an insert after one still has its position and a restore puts it back.
        var sections = drafted.Sections.Select(s => (Section: s, Items: s.Items.Select(i => new Slot(i)).ToList())).ToList();
        var edited = new HashSet<string>(StringComparer.Ordinal);
        var conflicts = new List<EditConflict>();
        foreach (var edit in log.Edits)
        {
            var reason = Apply(edit, drafted, draftedItems, sections, edited);
            if (reason is null)
            {
                // An edit that applies resolves the earlier conflicts of its statement (an insert has none yet).
                conflicts.RemoveAll(c => edit.Operation != MinutesEditOperation.Insert && c.Item == edit.Item);
                continue;
            }

            var now = edit.Operation == MinutesEditOperation.Insert ? null : Find(sections, edit.Item) is { Deleted: false } slot ? slot.Item.Text : null;
            conflicts.Add(new EditConflict(edit.Sequence, edit.NewItem ?? edit.Item, edit.Operation, edit.Reviewer, edit.After, now, reason));
        }

        var minutes = drafted with
        {
            Sections = sections.Select(s => s.Section with { Items = s.Items.Where(i => !i.Deleted).Select(i => i.Item).ToList() }).ToList(),
        };
        var present = minutes.Sections.SelectMany(s => s.Items).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        return new EditedMinutes(minutes, edited.Where(present.Contains).Order(StringComparer.Ordinal).ToList(), conflicts);
    }

    /// <summary>Applies one edit; returns null, or why it could not be applied.</summary>
    private static string? Apply(MinutesEdit edit, MinutesDocument drafted, Dictionary<string, MinutesItem> draftedItems, List<(MinutesSection Section, List<Slot> Items)> sections, HashSet<string> edited)
    {
        if (edit.Operation == MinutesEditOperation.Insert)
        {
            var (list, index) = Anchor(sections, edit.Item);
            if (list is null)
            {
                return Messages.Get("EditConflictAnchorGone", edit.Item);
            }

            var kind = drafted.Style == DraftStyle.Verbatim ? ItemKinds.Statement : ItemKinds.Summary;
            var id = edit.NewItem ?? InsertedId(edit.Sequence);
            list.Insert(index, new Slot(new MinutesItem(id, kind, edit.After, edit.Citations)));
            edited.Add(id);
            return null;
        }

        var slot = Find(sections, edit.Item);
        var inserted = !draftedItems.ContainsKey(edit.Item);
        if (inserted)
        {
            if (slot is null || slot.Deleted)
            {
                // Deleting an insert that never found its place withdraws it.
                return edit.Operation == MinutesEditOperation.Delete ? null : Messages.Get("EditConflictGone", edit.Item);
            }
        }
        else if (slot is null || DigestOf(draftedItems[edit.Item].Text) != edit.DraftedSha256)
        {
            return slot is null ? Messages.Get("EditConflictGone", edit.Item) : Messages.Get("EditConflictChanged", edit.Item);
        }

        switch (edit.Operation)
        {
            case MinutesEditOperation.Text:
                slot!.Item = slot.Item with { Text = edit.After };
                slot.Deleted = false;
                edited.Add(edit.Item);
                break;
            case MinutesEditOperation.Delete:
                slot!.Deleted = true;
                break;
            case MinutesEditOperation.Restore:
                slot!.Item = draftedItems[edit.Item];
                slot.Deleted = false;
                edited.Remove(edit.Item);
                break;
        }

        return null;
    }

    private static Slot? Find(List<(MinutesSection Section, List<Slot> Items)> sections, string id) =>
        sections.SelectMany(s => s.Items).FirstOrDefault(i => i.Item.Id == id);

    /// <summary>Where an insert goes: after the statement <paramref name="anchor"/>, or first in the part whose session id it is.</summary>
    private static (List<Slot>? List, int Index) Anchor(List<(MinutesSection Section, List<Slot> Items)> sections, string anchor)
    {
        foreach (var (section, items) in sections)
        {
            if (section.SessionId == anchor)
            {
                return (items, 0);
            }

            var at = items.FindIndex(i => i.Item.Id == anchor);
            if (at >= 0)
            {
                return (items, at + 1);
            }
        }

        return (null, 0);
    }

    private sealed class Slot(MinutesItem item)
    {
        public MinutesItem Item { get; set; } = item;

        public bool Deleted { get; set; }
    }
}
