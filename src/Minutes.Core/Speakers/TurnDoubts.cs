namespace Minutes.Speakers;

/// <summary>
/// Why a turn's speaker is in doubt, as written in <c>04-speakers.json</c> (<c>turns[].doubt</c>)
/// and flagged on the review page: the reviewer checks these first.
/// </summary>
public static class TurnDoubts
{
    /// <summary>The turn was a cluster that spoke less than the minimum speaking time and was joined to the nearest voice.</summary>
    public const string Short = "short-speaker";

    /// <summary>The speaker is one of the two voices the count nearly joined (a close call of the BIC).</summary>
    public const string Count = "count";

    /// <summary>The turn's own voice was barely nearer than another (cosine margin below <see cref="DiarizationOptions.DoubtMargin"/>).</summary>
    public const string Margin = "low-margin";

    /// <summary>How close to the penalty a BIC score must be for the count to be a close call (the review's margin).</summary>
    public const double CountCloseCall = 0.1;

    /// <summary>
    /// The doubt of each window: <see cref="Short"/> where the window's cluster was merged for
    /// speaking too little, else <see cref="Count"/> where its final voice is one of a close call's
    /// pair, else <see cref="Margin"/> where its voice won by little (unless <paramref name="settled"/>:
    /// its own microphone dominated it), else null. <paramref name="centroids"/> are the final
    /// voices' (by label), as the diarizer computed them for its result.
    /// </summary>
    public static string?[] OfWindows(
        IReadOnlyList<float[]> embeddings,
        int[] labels,
        int[] beforeShort,
        int[] afterShort,
        IReadOnlyDictionary<int, float[]> centroids,
        (int A, int B)? closePair,
        DiarizationOptions options,
        bool[]? settled = null)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(beforeShort);
        ArgumentNullException.ThrowIfNull(afterShort);
        ArgumentNullException.ThrowIfNull(centroids);
        ArgumentNullException.ThrowIfNull(options);
        var voices = centroids.Keys.ToList();
        var doubts = new string?[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            if (beforeShort[i] != afterShort[i])
            {
                doubts[i] = Short;
            }
            else if (options.Speakers is null && closePair is { } pair && (labels[i] == pair.A || labels[i] == pair.B))
            {
                doubts[i] = Count;
            }
            else if (voices.Count > 1 && settled?[i] != true)
            {
                var own = Vectors.Dot(centroids[labels[i]], embeddings[i]);
                var other = voices.Where(l => l != labels[i]).Max(l => Vectors.Dot(centroids[l], embeddings[i]));
                doubts[i] = own - other < options.DoubtMargin ? Margin : null;
            }
        }

        return doubts;
    }
}
