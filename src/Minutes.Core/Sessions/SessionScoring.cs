using System.Globalization;
using Minutes.Runs;
using Minutes.Transcription.Import;
using Minutes.Text;

namespace Minutes.Sessions;

/// <summary>A session of a reference file (<c>sessions.tsv</c>: <c>id title start end</c> or <c>session title start end</c>, one header line).</summary>
public sealed record ReferenceSession(string Id, string Title, double Start, double End);

/// <summary>A boundary (the start of a session other than the first) of the reference or of the run.</summary>
public sealed record ScoredBoundary(string Id, string Title, double Time);

/// <summary>A boundary found within the tolerance of a reference boundary.</summary>
public sealed record BoundaryMatch(ScoredBoundary Reference, ScoredBoundary Found)
{
    public double Offset => Found.Time - Reference.Time;
}

/// <summary>Boundary precision, recall and F1 within a tolerance, and what was missed or spurious.</summary>
public sealed record BoundaryScore(
    double ToleranceSeconds,
    int ReferenceCount,
    int FoundCount,
    IReadOnlyList<BoundaryMatch> Matches,
    IReadOnlyList<ScoredBoundary> Missed,
    IReadOnlyList<ScoredBoundary> Spurious)
{
    /// <summary>Matched / found; 1 when nothing was found and nothing was expected.</summary>
    public double Precision => FoundCount == 0 ? (ReferenceCount == 0 ? 1 : 0) : (double)Matches.Count / FoundCount;

    /// <summary>Matched / expected; 1 when nothing was expected.</summary>
    public double Recall => ReferenceCount == 0 ? 1 : (double)Matches.Count / ReferenceCount;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Scores session boundaries against a reference. The boundaries are the starts of every session
/// but the first (the first always starts with the meeting, and would flatter the score).
/// Pairs are matched one to one, closest first, within the tolerance.
/// </summary>
public static class SessionScoring
{
    public static BoundaryScore Score(SessionPlan plan, IReadOnlyList<ReferenceSession> reference, double toleranceSeconds)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(reference);
        return Score(
            [.. plan.Sessions.OrderBy(s => s.Start).Skip(1).Select(s => new ScoredBoundary(s.Id, s.Title, s.Start))],
            [.. reference.OrderBy(s => s.Start).Skip(1).Select(s => new ScoredBoundary(s.Id, s.Title, s.Start))],
            toleranceSeconds);
    }

    public static BoundaryScore Score(IReadOnlyList<ScoredBoundary> found, IReadOnlyList<ScoredBoundary> reference, double toleranceSeconds)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(reference);
        var pairs = reference.SelectMany(r => found.Select(f => (Reference: r, Found: f, Distance: Math.Abs(f.Time - r.Time))))
            .Where(p => p.Distance <= toleranceSeconds)
            .OrderBy(p => p.Distance);
        var matches = new List<BoundaryMatch>();
        var usedReference = new HashSet<ScoredBoundary>();
        var usedFound = new HashSet<ScoredBoundary>();
        foreach (var (r, f, _) in pairs)
        {
            if (!usedReference.Contains(r) && !usedFound.Contains(f))
            {
                usedReference.Add(r);
                usedFound.Add(f);
                matches.Add(new BoundaryMatch(r, f));
            }
        }

        return new BoundaryScore(
            toleranceSeconds,
            reference.Count,
            found.Count,
            [.. matches.OrderBy(m => m.Reference.Time)],
            [.. reference.Where(r => !usedReference.Contains(r))],
            [.. found.Where(f => !usedFound.Contains(f))]);
    }

    /// <summary>
    /// Reads a reference TSV: a header line naming id (or session), title, start, end, in any
    /// order; times in seconds or hh:mm:ss.fff.
    /// </summary>
    public static IReadOnlyList<ReferenceSession> LoadReference(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new MinutesException(Messages.Get("ReferenceNotFound", path));
        }

        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0 && !l.StartsWith('#')).ToList();
        var name = Path.GetFileName(path);
        var header = lines.Count > 0 ? lines[0].Split('\t').Select(h => h.Trim().ToLowerInvariant()).ToList() : [];
        int Column(string column) => header.IndexOf(column) is var i and >= 0
            ? i
            : throw new MinutesException(Messages.Get("SessionsHeaderInvalid", name));
        var (id, title, start, end) = (header.Contains("session") ? Column("session") : Column("id"), Column("title"), Column("start"), Column("end"));
        var sessions = new List<ReferenceSession>();
        for (var n = 1; n < lines.Count; n++)
        {
            var cells = lines[n].Split('\t');
            var label = $"{name} line {n + 1}";
            if (cells.Length < header.Count)
            {
                throw new MinutesException(Messages.Get("SessionsColumns", label, header.Count, cells.Length));
            }

            sessions.Add(new ReferenceSession(cells[id].Trim(), cells[title].Trim(), Seconds(cells[start], label), Seconds(cells[end], label)));
        }

        if (sessions.Count == 0)
        {
            throw new MinutesException(Messages.Get("SessionsEmpty", name));
        }

        return sessions;
    }

    private static double Seconds(string cell, string label) =>
        double.TryParse(cell.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : TimeCode.Parse(cell, label);
}
