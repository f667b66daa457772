using System.Globalization;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Vad;

/// <summary>
/// The post-processing both detectors share: merge pauses shorter than the minimum silence, drop
/// blips shorter than the minimum speech, pad, merge what padding made touch, round to
/// milliseconds and number r0001…. A recording without any region fails here, in the VAD stage,
/// so that no run is ever marked complete with nothing to transcribe.
/// </summary>
public static class SpeechRegionBuilder
{
    public static IReadOnlyList<SpeechRegion> Build(IEnumerable<(double Start, double End)> raw, double duration, VadSettings settings)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(settings);
        var merged = MergeGaps(raw.Where(r => r.End > r.Start).OrderBy(r => r.Start), settings.MinSilence)
            .Where(r => r.End - r.Start >= settings.MinSpeech)
            .Select(r => (Math.Max(0, r.Start - settings.Padding), Math.Min(duration, r.End + settings.Padding)));
        return MergeGaps(merged, 0)
            .Select((r, i) => new SpeechRegion(
                "r" + (i + 1).ToString("0000", CultureInfo.InvariantCulture),
                Math.Round(r.Start, 3),
                Math.Round(r.End, 3)))
            .ToList();
    }

    /// <summary>
    /// Raw speech stretches from a probability per frame, with hysteresis: speech starts on the first
    /// frame at or above <paramref name="onset"/> and ends on the first frame below
    /// <paramref name="offset"/>. <paramref name="firstFrame"/> numbers the first value, so a window's
    /// probabilities give times in the recording. The start moves back over at most
    /// <paramref name="backFrames"/> frames before it that are at or above <paramref name="offset"/>
    /// (hysteresis on both sides, so a quiet onset is kept as a quiet ending is).
    /// </summary>
    public static IEnumerable<(double Start, double End)> FromProbabilities(IReadOnlyList<float> probabilities, long firstFrame, double frameSeconds, double onset, double offset, int backFrames = 0)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        long? start = null;
        var lastEnd = 0;
        for (var i = 0; i < probabilities.Count; i++)
        {
            var frame = firstFrame + i;
            if (start is null && probabilities[i] >= onset)
            {
                var first = i;
                while (i - first < backFrames && first > lastEnd && probabilities[first - 1] >= offset)
                {
                    first--;
                }

                start = firstFrame + first;
            }
            else if (start is { } s && probabilities[i] < offset)
            {
                yield return (s * frameSeconds, frame * frameSeconds);
                start = null;
                lastEnd = i;
            }
        }

        if (start is { } open)
        {
            yield return (open * frameSeconds, (firstFrame + probabilities.Count) * frameSeconds);
        }
    }

    /// <summary>The trace of a detection, or the one-line failure when nothing was found.</summary>
    public static VadTrace ToTrace(
        string detector,
        string? model,
        string? modelSha256,
        IReadOnlyDictionary<string, string> settings,
        double duration,
        IReadOnlyList<SpeechRegion> regions,
        float peak,
        string? fallbackReason)
    {
        ArgumentNullException.ThrowIfNull(regions);
        if (regions.Count == 0)
        {
            var level = peak <= 0
                ? "digital silence"
                : (20 * Math.Log10(peak)).ToString("0.0", CultureInfo.InvariantCulture) + " dBFS";
            throw new MinutesException(Messages.Get("NoSpeech", level, detector));
        }

        var speech = Math.Round(regions.Sum(r => r.Duration), 3);
        return new VadTrace(detector, model, modelSha256, settings, Math.Round(duration, 3), speech, regions, fallbackReason);
    }

    /// <summary>Joins regions that overlap or are separated by less than <paramref name="minGap"/>.</summary>
    public static IEnumerable<(double Start, double End)> MergeGaps(IEnumerable<(double Start, double End)> sorted, double minGap)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        (double Start, double End)? current = null;
        foreach (var r in sorted)
        {
            if (current is { } c && r.Start - c.End < minGap)
            {
                current = (c.Start, Math.Max(c.End, r.End));
                continue;
            }

            if (current is { } done)
            {
                yield return done;
            }

            current = r;
        }

        if (current is { } last)
        {
            yield return last;
        }
    }
}
