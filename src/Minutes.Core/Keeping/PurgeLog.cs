using Minutes.Json;
using Minutes.Runs;

namespace Minutes.Keeping;

/// <summary>
/// <c>purge-log.json</c>: what was removed from the run after approval, and when. Verify reads a
/// recorded file that is gone or rewritten as purged (not tampered) only when an entry of this
/// log names it with the digest the tool recorded and the digest it has now, and the chain holds.
/// </summary>
public sealed record PurgeLog(int FormatVersion, IReadOnlyList<PurgeEntry> Purges)
{
    public const int CurrentFormatVersion = 1;

    public const string File = "purge-log.json";

    public static PurgeLog Empty { get; } = new(CurrentFormatVersion, []);

    public static PurgeLog Load(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Exists(File) ? run.Read(File, MinutesJson.Context.PurgeLog) : Empty;
    }

    public PurgeLog Append(PurgeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var chained = entry with { Sequence = Purges.Count + 1, Previous = HashChain.Tail(Purges), Sha256 = string.Empty };
        return this with { Purges = [.. Purges, chained with { Sha256 = DigestOf(chained) }] };
    }

    public static string DigestOf(PurgeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Hashing.Sha256OfText(MinutesJson.Serialize(entry with { Sha256 = string.Empty }, MinutesJson.Context.PurgeEntry));
    }

    public IReadOnlyList<int> BrokenLinks() => HashChain.BrokenLinks(Purges, DigestOf);

    /// <summary>
    /// The purge that explains a recorded file's state: the recorded digest before it, the current
    /// one (null: gone) after it. The caller checks the chain first (<see cref="BrokenLinks"/>, once
    /// for all files): a broken log explains nothing.
    /// </summary>
    public (PurgeEntry Entry, PurgedFile File)? Explains(string path, string recorded, string? actual) =>
        Purges.SelectMany(p => p.Files.Select(f => (Entry: p, File: f)))
            .Where(x => x.File.Path == path && x.File.Sha256 == recorded && x.File.After == actual)
            .Select(x => ((PurgeEntry, PurgedFile)?)(x.Entry, x.File))
            .FirstOrDefault();
}
