namespace Minutes.Speakers;

/// <summary>
/// Why the speaker count of <c>04-speakers.json</c> is what it is, kept as numbers so the review
/// and the bench read them as written: the count given (<c>--speakers N</c>) if any, the BIC
/// penalty λ, how many windows and region pieces were clustered, the cosine distances of the
/// first clustering's last merges (largest first), the BIC scores of the merges taken after that
/// fine cut (in order; each below λ) and of the nearest pair left apart (null with one voice).
/// </summary>
public sealed record SpeakerCountEvidence(
    int? Given,
    double CountPenalty,
    int Windows,
    int Pieces,
    IReadOnlyList<double> LastMerges,
    IReadOnlyList<double> CountMerges,
    double? CountNext)
{
    /// <summary>The evidence of one diarization, scores rounded to the trace's three decimals.</summary>
    public static SpeakerCountEvidence Of(DiarizationResult result, DiarizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        return new SpeakerCountEvidence(
            options.Speakers,
            options.CountPenalty,
            result.WindowCount,
            result.PieceCount,
            [.. result.LastMerges.Select(Round)],
            [.. (result.CountDecision?.Merges ?? []).Select(Round)],
            result.CountDecision?.Next is { } next ? Round(next) : null);
    }

    private static double Round(double score) => Math.Round(score, 3);
}
