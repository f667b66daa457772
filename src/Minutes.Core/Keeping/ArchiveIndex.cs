namespace Minutes.Keeping;

/// <summary>
/// <c>archive.json</c>, the first entry of an archive: the run, the approved version and its
/// reviewers, every file kept (with the digests approvals bound) and every file left out with its digest.
/// </summary>
public sealed record ArchiveIndex(
    int FormatVersion,
    string RunId,
    DateTimeOffset Created,
    int Version,
    IReadOnlyList<string> ApprovedBy,
    IReadOnlyList<ArchivedFile> Files,
    IReadOnlyList<LeftOutFile> LeftOut)
{
    public const int CurrentFormatVersion = 1;

    public const string EntryName = "archive.json";
}
