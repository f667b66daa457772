namespace Minutes.Editing;

/// <summary>
/// An edit a redraft left without its statement: the drafted statement it was made on changed
/// (or is gone, or the statement an insert follows is gone). It is not applied and not dropped:
/// the reviewer sees the edit (<see cref="Edited"/>) beside the new draft (<see cref="DraftNow"/>,
/// null when the statement is gone) and edits again, restores the draft, or deletes the insert.
/// </summary>
public sealed record EditConflict(int Edit, string Item, MinutesEditOperation Operation, string Reviewer, string Edited, string? DraftNow, string Reason);
