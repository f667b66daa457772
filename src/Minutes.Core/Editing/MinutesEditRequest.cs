namespace Minutes.Editing;

/// <summary>
/// One edit as asked for: <see cref="Item"/> is the statement (for an insert: the statement or
/// part it follows), <see cref="Text"/> the new wording, <see cref="Citations"/> the segments an
/// inserted statement rests on.
/// </summary>
public sealed record MinutesEditRequest(MinutesEditOperation Operation, string Item, string? Text = null, IReadOnlyList<string>? Citations = null);
