namespace Minutes.Runs;

/// <summary>
/// The rules of the logs people append to (corrections, personal-information decisions): each
/// entry carries the digest of the one before and its own, so an edited entry, or one taken out of
/// the middle, shows as a broken link.
/// </summary>
public static class HashChain
{
    /// <summary>The <see cref="IChainedEntry.Previous"/> of a first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>What the next entry's <see cref="IChainedEntry.Previous"/> must be.</summary>
    public static string Tail<T>(IReadOnlyList<T> entries)
        where T : IChainedEntry
    {
        ArgumentNullException.ThrowIfNull(entries);
        return entries.Count == 0 ? Genesis : entries[^1].Sha256;
    }

    /// <summary>The sequence numbers of entries whose digest or link to the one before does not hold.</summary>
    public static IReadOnlyList<int> BrokenLinks<T>(IEnumerable<T> entries, Func<T, string> digest)
        where T : IChainedEntry
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(digest);
        var broken = new List<int>();
        var previous = Genesis;
        foreach (var entry in entries)
        {
            if (entry.Previous != previous || digest(entry) != entry.Sha256)
            {
                broken.Add(entry.Sequence);
            }

            previous = entry.Sha256;
        }

        return broken;
    }
}
