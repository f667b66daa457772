using System.Globalization;
using Minutes.Audio;
using Minutes.Tests.Support;
using Minutes.Vad;

namespace Minutes.Tests.Vad;

/// <summary>
/// Fixtures/vad/speech.wav (five Open JTalk utterances, room tone, one 5 s stretch of louder noise)
/// and truth.tsv, its exact speech and noise boundaries; see Fixtures/vad/generate.py.
/// </summary>
public static class VadFixture
{
    public const double Tolerance = 0.2;

    public static string Wav => RepoPaths.Fixture("vad/speech.wav");

    public static IReadOnlyList<(string Kind, double Start, double End)> Truth { get; } =
        File.ReadLines(RepoPaths.Fixture("vad/truth.tsv")).Skip(1)
            .Select(l => l.Split('\t'))
            .Select(f => (f[0], double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture)))
            .ToList();

    public static IReadOnlyList<(double Start, double End)> Speech =>
        Truth.Where(t => t.Kind == "speech").Select(t => (t.Start, t.End)).ToList();

    /// <summary>Every stretch without speech: the gaps between utterances and the ends of the recording.</summary>
    public static IReadOnlyList<(double Start, double End)> Silences(double duration)
    {
        var speech = Speech;
        var edges = new List<double> { 0 };
        foreach (var (start, end) in speech)
        {
            edges.Add(start);
            edges.Add(end);
        }

        edges.Add(duration);
        return Enumerable.Range(0, edges.Count / 2).Select(i => (edges[2 * i], edges[(2 * i) + 1])).ToList();
    }

    /// <summary>One region per utterance, each boundary within ±0.2 s, and nothing else.</summary>
    public static void AssertMatchesTruth(VadTrace trace)
    {
        var speech = Speech;
        Assert.True(speech.Count == trace.Regions.Count, $"expected {speech.Count} regions, got {Describe(trace.Regions)}");
        for (var i = 0; i < speech.Count; i++)
        {
            var (region, truth) = (trace.Regions[i], speech[i]);
            Assert.True(
                Math.Abs(region.Start - truth.Start) <= Tolerance && Math.Abs(region.End - truth.End) <= Tolerance,
                $"{region.Id} {region.Start:0.000}–{region.End:0.000} vs truth {truth.Start:0.000}–{truth.End:0.000}");
        }

        foreach (var (start, end) in Silences(trace.Duration))
        {
            var inside = trace.Regions.Where(r => r.Start < end - Tolerance && r.End > start + Tolerance).ToList();
            Assert.True(inside.Count == 0, $"speech found in the silence {start:0.00}–{end:0.00}: {Describe(inside)}");
        }
    }

    /// <summary>Speech F1 over 10 ms frames against the truth.</summary>
    public static double FrameF1(VadTrace trace)
    {
        var frames = (int)(trace.Duration * 100);
        int tp = 0, fp = 0, fn = 0;
        for (var f = 0; f < frames; f++)
        {
            var t = (f + 0.5) / 100;
            var truth = Speech.Any(s => t >= s.Start && t < s.End);
            var found = trace.Regions.Any(r => t >= r.Start && t < r.End);
            tp += truth && found ? 1 : 0;
            fp += !truth && found ? 1 : 0;
            fn += truth && !found ? 1 : 0;
        }

        return 2.0 * tp / ((2.0 * tp) + fp + fn);
    }

    /// <summary>The fixture repeated <paramref name="times"/> times into a new 16 kHz PCM file.</summary>
    public static string Repeated(TempFolder temp, int times)
    {
        var data = File.ReadAllBytes(Wav)[PcmWavFormat.HeaderBytes..];
        var path = temp.File($"speech-x{times}.wav");
        using var stream = File.Create(path);
        PcmWavFormat.WriteHeader(stream, (long)data.Length * times);
        for (var i = 0; i < times; i++)
        {
            stream.Write(data);
        }

        return path;
    }

    /// <summary>A recording of <paramref name="seconds"/> of digital silence.</summary>
    public static string Silent(TempFolder temp, double seconds)
    {
        var path = temp.File("silence.wav");
        var bytes = (long)(seconds * PcmAudio.Rate) * 2;
        using var stream = File.Create(path);
        PcmWavFormat.WriteHeader(stream, bytes);
        stream.Write(new byte[bytes]);
        return path;
    }

    public static string Describe(IEnumerable<SpeechRegion> regions) =>
        string.Join(", ", regions.Select(r => $"{r.Start:0.000}–{r.End:0.000}"));
}
