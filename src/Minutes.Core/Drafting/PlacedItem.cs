namespace Minutes.Drafting;

/// <summary>An item of an LLM answer with where it stands (call and pointer) and, for a merged item, the part items it was merged from.</summary>
internal sealed record PlacedItem(DraftedItem Item, CallPointer At, IReadOnlyList<CallPointer>? Parts = null);
