namespace Minutes.Speakers;

/// <summary>
/// Speaker changes inside one speech region: at each window boundary, the cosine distance between
/// the mean embedding of the two windows before it and the two windows from it on; a peak above
/// the threshold (and at least two windows from the region's ends and from another cut) is a cut.
/// Real conversation runs voices into each other without the pause a detector splits at, so a
/// region's pieces would otherwise average two voices into one.
/// </summary>
public static class SpeakerChanges
{
    private const int Side = 2;

    /// <summary>The window indices in [<paramref name="from"/>, <paramref name="to"/>) where a new piece starts, ascending.</summary>
    public static IReadOnlyList<int> Find(IReadOnlyList<float[]> embeddings, int from, int to, double threshold)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        if (threshold <= 0 || to - from < 2 * Side)
        {
            return [];
        }

        var distance = new Dictionary<int, double>();
        for (var b = from + Side; b <= to - Side; b++)
        {
            var left = Vectors.Normalised(Vectors.Mean(Range(embeddings, b - Side, b)));
            var right = Vectors.Normalised(Vectors.Mean(Range(embeddings, b, b + Side)));
            distance[b] = 1 - Vectors.Dot(left, right);
        }

        // Largest peaks first; a cut keeps the next one at least Side windows away.
        var cuts = new List<int>();
        foreach (var (b, d) in distance.Where(p => p.Value > threshold).OrderByDescending(p => p.Value))
        {
            if (cuts.All(c => Math.Abs(c - b) >= Side))
            {
                cuts.Add(b);
            }
        }

        cuts.Sort();
        return cuts;
    }

    private static IEnumerable<float[]> Range(IReadOnlyList<float[]> embeddings, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            yield return embeddings[i];
        }
    }
}
