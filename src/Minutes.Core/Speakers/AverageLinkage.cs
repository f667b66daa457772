namespace Minutes.Speakers;

/// <summary>
/// Agglomerative clustering with average linkage over cosine distances, built with the
/// nearest-neighbour chain (O(n²) time and memory), then cut at a distance or a cluster count.
/// </summary>
public sealed class AverageLinkage
{
    private readonly List<(int A, int B, double Distance)> _merges;

    private AverageLinkage(int count, List<(int A, int B, double Distance)> merges)
    {
        Count = count;
        _merges = merges;
        _merges.Sort((x, y) => x.Distance.CompareTo(y.Distance));
    }

    public int Count { get; }

    /// <summary>Builds the dendrogram of L2-normalised vectors.</summary>
    public static AverageLinkage Build(IReadOnlyList<float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var n = vectors.Count;
        var d = new float[n][];
        for (var i = 0; i < n; i++)
        {
            d[i] = new float[n];
            for (var j = 0; j < i; j++)
            {
                var distance = (float)(1 - Vectors.Dot(vectors[i], vectors[j]));
                d[i][j] = distance;
                d[j][i] = distance;
            }
        }

        var size = Enumerable.Repeat(1, n).ToArray();
        var active = Enumerable.Repeat(true, n).ToArray();
        var merges = new List<(int, int, double)>(n);
        var chain = new List<int>();
        for (var remaining = n; remaining > 1;)
        {
            if (chain.Count == 0)
            {
                chain.Add(Array.IndexOf(active, true));
            }

            var a = chain[^1];
            var previous = chain.Count >= 2 ? chain[^2] : -1;
            var b = previous;
            var best = previous >= 0 ? d[a][previous] : float.MaxValue;
            for (var c = 0; c < n; c++)
            {
                if (active[c] && c != a && d[a][c] < best)
                {
                    best = d[a][c];
                    b = c;
                }
            }

            if (b != previous)
            {
                chain.Add(b);
                continue;
            }

            chain.RemoveRange(chain.Count - 2, 2);
            merges.Add((a, b, best));
            for (var c = 0; c < n; c++)
            {
                if (active[c] && c != a && c != b)
                {
                    var merged = ((size[a] * d[a][c]) + (size[b] * d[b][c])) / (size[a] + size[b]);
                    d[a][c] = merged;
                    d[c][a] = merged;
                }
            }

            size[a] += size[b];
            active[b] = false;
            remaining--;
        }

        return new AverageLinkage(n, merges);
    }

    /// <summary>The number of clusters left when every merge at or below <paramref name="threshold"/> is made.</summary>
    /// <summary>The distances of the last merges, largest first (how far apart the last clusters were).</summary>
    public IReadOnlyList<double> TopDistances(int count) => _merges.Select(m => m.Distance).Reverse().Take(count).ToList();

    public int CountAt(double threshold) => Count - _merges.Count(m => m.Distance <= threshold);

    /// <summary>Labels 0…k-1 (in order of first occurrence) when the dendrogram is cut into <paramref name="clusters"/> clusters.</summary>
    public int[] Cut(int clusters)
    {
        var parent = Enumerable.Range(0, Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        foreach (var (a, b, _) in _merges.Take(Math.Max(0, Count - clusters)))
        {
            parent[Find(b)] = Find(a);
        }

        var ids = new Dictionary<int, int>();
        var labels = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            var root = Find(i);
            if (!ids.TryGetValue(root, out var id))
            {
                id = ids.Count;
                ids[root] = id;
            }

            labels[i] = id;
        }

        return labels;
    }
}

/// <summary>Small vector helpers for embeddings.</summary>
public static class Vectors
{
    public static double Dot(float[] a, float[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    public static float[] Normalised(float[] v)
    {
        var norm = Math.Sqrt(Dot(v, v));
        return norm < 1e-12 ? v : v.Select(x => (float)(x / norm)).ToArray();
    }

    /// <summary>The mean of each dimension over the vectors where it is a number (NaN marks a missing value).</summary>
    public static float[] Mean(IEnumerable<float[]> vectors)
    {
        double[]? sum = null;
        int[]? count = null;
        foreach (var v in vectors)
        {
            sum ??= new double[v.Length];
            count ??= new int[v.Length];
            for (var i = 0; i < v.Length; i++)
            {
                if (!float.IsNaN(v[i]))
                {
                    sum[i] += v[i];
                    count[i]++;
                }
            }
        }

        return sum is null ? [] : sum.Select((x, i) => count![i] == 0 ? float.NaN : (float)(x / count[i])).ToArray();
    }
}
