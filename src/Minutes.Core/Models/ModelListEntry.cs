namespace Minutes.Models;

/// <summary>
/// One model of <see cref="ModelList"/>: its name, kind (<c>whisper</c>, <c>vad</c>, <c>?</c>), the
/// size shown (the file's when present, else the catalog's estimate), the file's bytes and path when
/// present, and the catalog's note.
/// </summary>
public sealed record ModelListEntry(string Name, string Kind, string Size, long? Bytes, bool Present, bool InCatalog, string? Path, string? Note);
