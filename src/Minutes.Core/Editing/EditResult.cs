using Minutes.Drafting;

namespace Minutes.Editing;

/// <summary>An edit as recorded, the statement as it now stands (with its verification; null when deleted), and the conflicts left.</summary>
public sealed record EditResult(MinutesEdit Edit, MinutesItem? Statement, IReadOnlyList<EditConflict> Conflicts);
