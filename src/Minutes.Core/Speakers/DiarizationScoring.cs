using System.Globalization;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Speakers;

/// <summary>Diarization error rate and its parts, in seconds of scored reference speech.</summary>
public sealed record DiarizationScore(
    double ScoredSeconds,
    double MissSeconds,
    double FalseAlarmSeconds,
    double ConfusionSeconds,
    double CollarSeconds,
    int ReferenceSpeakers,
    int HypothesisSpeakers,
    IReadOnlyDictionary<string, string> Mapping)
{
    /// <summary>Reference speaker time left out because two or more reference speakers talk at once (only when overlap is not scored).</summary>
    public double OverlapSeconds { get; init; }

    /// <summary>Scored speaker time beyond the first speaker wherever several talk at once: what an answer of one speaker at a time must miss.</summary>
    public double OverlapExcessSeconds { get; init; }

    /// <summary><see cref="OverlapExcessSeconds"/> as a share of the scored time: the least DER of one speaker at a time.</summary>
    public double OverlapFloor => ScoredSeconds <= 0 ? 0 : OverlapExcessSeconds / ScoredSeconds;

    public double Der => ScoredSeconds <= 0 ? 0 : (MissSeconds + FalseAlarmSeconds + ConfusionSeconds) / ScoredSeconds;

    public double Miss => ScoredSeconds <= 0 ? 0 : MissSeconds / ScoredSeconds;

    public double FalseAlarm => ScoredSeconds <= 0 ? 0 : FalseAlarmSeconds / ScoredSeconds;

    public double Confusion => ScoredSeconds <= 0 ? 0 : ConfusionSeconds / ScoredSeconds;
}

/// <summary>
/// DER as NIST md-eval defines it: time within <c>collar</c> seconds of a reference boundary is
/// not scored; reference and hypothesis speakers are mapped one-to-one to maximise their overlap
/// (exhaustively); miss, false alarm and confusion are counted per speaker over the scored time.
/// With <c>skipOverlap</c>, time where two or more reference speakers talk at once is not scored
/// either (pyannote's <c>skip_overlap</c>, the "forgiving" DIHARD setting): what a diarizer that
/// gives one speaker at a time can get right, apart from the overlap it cannot.
/// </summary>
public static class DiarizationScoring
{
    /// <summary>Reads the SPEAKER lines of an RTTM file (other line types are ignored); with <paramref name="file"/>, only that recording's of a file that holds several.</summary>
    public static IReadOnlyList<SpeakerTurn> LoadRttm(string path, string? file = null)
    {
        if (!File.Exists(path))
        {
            throw new MinutesException(Messages.Get("RttmNotFound", path));
        }

        var turns = new List<SpeakerTurn>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            var f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 0 || f[0] != "SPEAKER" || (file is not null && (f.Length < 2 || f[1] != file)))
            {
                continue;
            }

            if (f.Length < 8
                || !double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var start)
                || !double.TryParse(f[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var duration)
                || duration < 0)
            {
                throw new MinutesException(Messages.Get("RttmBadLine", Path.GetFileName(path), number));
            }

            turns.Add(new SpeakerTurn(start, start + duration, f[7]));
        }

        // A recording named but absent would score every answer as all false alarm.
        if (file is not null && turns.Count == 0)
        {
            throw new MinutesException(Messages.Get("RttmNoSuchRecording", Path.GetFileName(path), file));
        }

        return turns;
    }

    public static DiarizationScore Score(IReadOnlyList<SpeakerTurn> reference, IReadOnlyList<SpeakerTurn> hypothesis, double collar, bool skipOverlap = false)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(hypothesis);
        var refIds = reference.Select(t => t.Speaker).Distinct().Order(StringComparer.Ordinal).ToList();
        var hypIds = hypothesis.Select(t => t.Speaker).Distinct().Order(StringComparer.Ordinal).ToList();
        var collars = reference.SelectMany(t => new[] { t.Start, t.End })
            .Select(b => (From: b - collar, To: b + collar)).Where(c => collar > 0).ToList();
        var points = reference.SelectMany(t => new[] { t.Start, t.End })
            .Concat(hypothesis.SelectMany(t => new[] { t.Start, t.End }))
            .Concat(collars.SelectMany(c => new[] { c.From, c.To }))
            .Distinct().Order().ToList();

        // Elementary pieces: inside each, the set of active speakers does not change.
        var pieces = new List<(double Length, int[] Ref, int[] Hyp)>();
        var collarSeconds = 0.0;
        var overlapSeconds = 0.0;
        for (var i = 0; i + 1 < points.Count; i++)
        {
            var (a, b) = (points[i], points[i + 1]);
            var mid = (a + b) / 2;
            var r = Active(reference, refIds, mid);
            if (collars.Any(c => c.From < mid && mid < c.To))
            {
                collarSeconds += r.Length > 0 ? b - a : 0;
                continue;
            }

            if (skipOverlap && r.Length > 1)
            {
                overlapSeconds += (b - a) * r.Length;
                continue;
            }

            var h = Active(hypothesis, hypIds, mid);
            if (r.Length > 0 || h.Length > 0)
            {
                pieces.Add((b - a, r, h));
            }
        }

        var overlap = new double[refIds.Count, hypIds.Count];
        foreach (var (length, r, h) in pieces)
        {
            foreach (var x in r)
            {
                foreach (var y in h)
                {
                    overlap[x, y] += length;
                }
            }
        }

        var map = BestMapping(overlap, refIds.Count, hypIds.Count);
        double scored = 0, miss = 0, falseAlarm = 0, confusion = 0;
        var excess = 0.0;
        foreach (var (length, r, h) in pieces)
        {
            excess += length * Math.Max(0, r.Length - 1);
            var correct = r.Count(x => map[x] >= 0 && h.Contains(map[x]));
            scored += length * r.Length;
            miss += length * Math.Max(0, r.Length - h.Length);
            falseAlarm += length * Math.Max(0, h.Length - r.Length);
            confusion += length * (Math.Min(r.Length, h.Length) - correct);
        }

        var mapping = Enumerable.Range(0, refIds.Count).Where(x => map[x] >= 0).ToDictionary(x => refIds[x], x => hypIds[map[x]]);
        return new DiarizationScore(scored, miss, falseAlarm, confusion, collarSeconds, refIds.Count, hypIds.Count, mapping) { OverlapSeconds = overlapSeconds, OverlapExcessSeconds = excess };
    }

    private static int[] Active(IReadOnlyList<SpeakerTurn> turns, List<string> ids, double time) =>
        turns.Where(t => t.Start < time && time < t.End).Select(t => ids.IndexOf(t.Speaker)).Distinct().ToArray();

    /// <summary>
    /// The one-to-one mapping of reference to hypothesis speakers with the largest total overlap:
    /// dynamic programming over subsets of hypothesis speakers (exact; exhaustive up to 16 of them).
    /// </summary>
    private static int[] BestMapping(double[,] overlap, int refs, int hyps)
    {
        if (hyps > 16)
        {
            throw new MinutesException(Messages.Get("TooManySpeakersToScore", hyps));
        }

        var states = 1 << hyps;
        var best = new double[refs + 1, states];
        var choice = new int[refs + 1, states];
        for (var x = refs - 1; x >= 0; x--)
        {
            for (var used = 0; used < states; used++)
            {
                best[x, used] = best[x + 1, used];
                choice[x, used] = -1;
                for (var y = 0; y < hyps; y++)
                {
                    if ((used & (1 << y)) == 0 && overlap[x, y] > 0)
                    {
                        var value = overlap[x, y] + best[x + 1, used | (1 << y)];
                        if (value > best[x, used])
                        {
                            best[x, used] = value;
                            choice[x, used] = y;
                        }
                    }
                }
            }
        }

        var map = new int[refs];
        for (int x = 0, used = 0; x < refs; x++)
        {
            map[x] = choice[x, used];
            if (map[x] >= 0)
            {
                used |= 1 << map[x];
            }
        }

        return map;
    }
}
