namespace Minutes.Editing;

/// <summary>
/// One edit as asked for: <see cref="Item"/> is the statement (for an insert: the statement or
/// part it follows), <see cref="Text"/> the new wording, <see cref="Citations"/> the segments an
/// inserted statement rests on, <see cref="Expected"/> the statement's text as the reviewer saw it
/// (the workbench sends it; null: not checked): a statement that reads otherwise now is a
/// <see cref="StaleEditException"/>.
/// </summary>
public sealed record MinutesEditRequest(MinutesEditOperation Operation, string Item, string? Text = null, IReadOnlyList<string>? Citations = null, string? Expected = null);
