namespace Minutes.Speakers;

/// <summary>
/// A minimum speaking time for a cluster to count as a speaker: a cluster that speaks less joins
/// the voice nearest its centroid (smallest first, one at a time, never below the least count
/// allowed). On real far-field audio a cough, a laugh or two words of back-channel otherwise
/// become a speaker of their own; the turns stay, flagged, so the reviewer can check them.
/// </summary>
public static class ShortSpeakers
{
    /// <summary>The labels after merging, and the speaking time (seconds) of each cluster merged away.</summary>
    /// <param name="anchors">Per window, the channel (seat microphone) that dominated it, or -1; a cluster holding such windows is a seat that spoke, and stays however little it said.</param>
    public static (int[] Labels, IReadOnlyList<double> MergedSeconds) Merge(IReadOnlyList<float[]> embeddings, int[] labels, double secondsPerWindow, double minSeconds, int least, int[]? anchors = null)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(labels);
        var result = (int[])labels.Clone();
        var merged = new List<double>();
        while (minSeconds > 0)
        {
            var sizes = result.GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count() * secondsPerWindow);
            if (sizes.Count <= Math.Max(1, least))
            {
                break;
            }

            var candidates = sizes.Where(p => anchors is null || !result.Where((l, i) => l == p.Key && anchors[i] >= 0).Any()).ToList();
            if (candidates.Count == 0)
            {
                break;
            }

            var (smallest, seconds) = candidates.MinBy(p => p.Value);
            if (seconds >= minSeconds)
            {
                break;
            }

            var centroids = sizes.Keys.ToDictionary(l => l, l => Vectors.Normalised(Vectors.Mean(embeddings.Where((_, i) => result[i] == l))));
            var into = centroids.Keys.Where(l => l != smallest).MaxBy(l => Vectors.Dot(centroids[l], centroids[smallest]));
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = result[i] == smallest ? into : result[i];
            }

            merged.Add(Math.Round(seconds, 3));
        }

        return (result, merged);
    }
}
