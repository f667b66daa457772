using System.Globalization;
using Minutes.Speakers;

namespace Minutes.Review;

/// <summary>
/// The speaker count of 04-speakers.json: given (<c>--speakers</c>) or estimated, and for an
/// estimate the BIC score (see <c>BicMerging</c>) nearest the penalty: the last merge taken or
/// the nearest pair left apart. A near one means one voice more or less was a close call: the
/// reviewer should listen, or run again with <c>--speakers N</c>.
/// </summary>
public sealed record SpeakerCountCheck(int Count, bool Given, double Penalty, double? Nearest)
{
    /// <summary>The count was estimated with a speaker model the threshold and penalty were never measured for (<see cref="SpeakerModelInputs.IsCalibrated"/>).</summary>
    public bool Uncalibrated { get; init; }

    public bool Doubtful => !Given && (Uncalibrated || (Nearest is { } d && Math.Abs(d - Penalty) < ReviewFlags.CountMargin));

    /// <summary>Null when the map holds no count evidence: imported speakers, a run from before the evidence was recorded, or no speech to cluster.</summary>
    public static SpeakerCountCheck? Of(SpeakerMap? map)
    {
        if (map?.Count is not { } evidence || (evidence.Given is null && evidence.Windows == 0))
        {
            return null;
        }

        IEnumerable<double> scores = evidence.CountNext is { } next ? [.. evidence.CountMerges, next] : evidence.CountMerges;
        double? nearest = scores.Any() ? scores.MinBy(d => Math.Abs(d - evidence.CountPenalty)) : null;
        return new SpeakerCountCheck(map.Speakers.Count, evidence.Given is not null, evidence.CountPenalty, nearest)
        {
            Uncalibrated = !SpeakerModelInputs.IsCalibrated(map.Method),
        };
    }

    public string Describe() => this switch
    {
        { Given: true } => $"speaker count: {Count}, given",
        { Uncalibrated: true } => $"speaker count: {Count}, estimated with a speaker model whose threshold and penalty were never measured: check it, or run again with --speakers N",
        { Nearest: null } => $"speaker count: {Count}, estimated (one voice; nothing to compare)",
        { Doubtful: true } => string.Create(CultureInfo.InvariantCulture, $"speaker count: {Count}, estimated — a close call (BIC score {Nearest:0.000} against the penalty {Penalty:0.000}): listen, or run again with --speakers N"),
        _ => string.Create(CultureInfo.InvariantCulture, $"speaker count: {Count}, estimated (nearest BIC score {Nearest:0.000}, penalty {Penalty:0.000})"),
    };
}
