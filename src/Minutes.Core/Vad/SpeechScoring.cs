namespace Minutes.Vad;

/// <summary>Speech detection against a reference: precision, recall and F1 over 10 ms frames.</summary>
public sealed record SpeechScore(double Precision, double Recall, double F1);

/// <summary>Scores speech regions against reference speech intervals (e.g. a sample's speech.tsv).</summary>
public static class SpeechScoring
{
    public static SpeechScore Score(IReadOnlyList<(double Start, double End)> found, IReadOnlyList<(double Start, double End)> reference, double duration)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(reference);
        var frames = (int)Math.Ceiling(duration * 100);
        var a = Mask(found, frames);
        var b = Mask(reference, frames);
        long tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < frames; i++)
        {
            tp += a[i] && b[i] ? 1 : 0;
            fp += a[i] && !b[i] ? 1 : 0;
            fn += !a[i] && b[i] ? 1 : 0;
        }

        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new SpeechScore(Math.Round(precision, 4), Math.Round(recall, 4), Math.Round(f1, 4));
    }

    /// <summary>Reads a TSV of intervals (header line, then start and end in seconds).</summary>
    public static IReadOnlyList<(double Start, double End)> LoadIntervals(string path) =>
        File.ReadLines(path)
            .Skip(1)
            .Select(l => l.Split('\t'))
            .Where(f => f.Length >= 2)
            .Select(f => (double.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture), double.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

    private static bool[] Mask(IReadOnlyList<(double Start, double End)> intervals, int frames)
    {
        var mask = new bool[frames];
        foreach (var (start, end) in intervals)
        {
            for (var i = Math.Max(0, (int)(start * 100)); i < Math.Min(frames, (int)Math.Ceiling(end * 100)); i++)
            {
                mask[i] = true;
            }
        }

        return mask;
    }
}
