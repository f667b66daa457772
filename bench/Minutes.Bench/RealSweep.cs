using System.Globalization;
using Minutes.Audio;
using Minutes.Speakers;
using Minutes.Vad;

namespace Minutes.Bench;

/// <summary>
/// <c>bench real-sweep vad|speakers</c>: the grids the VAD settings and the diarizer's count were
/// chosen on (docs/notes/speakers.md), over the AMI tuning excerpts and the synthesized samples
/// only — the held-out excerpts are never shown here, so nothing is chosen on them.
/// </summary>
public static class RealSweep
{
    public static async Task<int> RunAsync(string[] args)
    {
        var cases = (await RealMeetings.CasesAsync(Path.Combine(Bench.Root, "bench", ".work", "real")))
            .Where(c => c.Set != "AMI held-out").ToList();
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        if (args.FirstOrDefault() == "vad")
        {
            foreach (var threshold in new[] { 0.5, 0.4, 0.3, 0.25, 0.2 })
            {
                foreach (var (minSpeech, minSilence) in new[] { (0.25, 0.5), (0.1, 0.3), (0.25, 0.3), (0.1, 0.5) })
                {
                    Print($"vad t {threshold} minSpeech {minSpeech} minSilence {minSilence}", RealMeetings.Measure(cases, VadSettings.SileroDefaults with { Threshold = threshold, MinSpeech = minSpeech, MinSilence = minSilence }, new DiarizationOptions()));
                }
            }

            return 0;
        }

        var regions = new Dictionary<string, IReadOnlyList<SpeechRegion>>();
        var detector = new SileroVoiceActivityDetector(Stages.SileroPath(), VadSettings.SileroDefaults);
        foreach (var c in cases)
        {
            using var audio = PcmAudio.Open(c.Pcm);
            regions[c.Name] = detector.Detect(audio, null, CancellationToken.None).Regions;
        }

        if (args.FirstOrDefault() == "diag")
        {
            foreach (var c in cases)
            {
                using var audio = PcmAudio.Open(c.Pcm);
                var result = new Diarizer(new DiarizationOptions()).Diarize(audio, regions[c.Name], CancellationToken.None);
                static string L(IEnumerable<double> v) => string.Join(',', v.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)));
                Console.WriteLine($"{c.Name}: regions {regions[c.Name].Count} windows {result.WindowCount} pieces {result.PieceCount} found {result.Centroids.Count} lastMerges {L(result.LastMerges)} countMerges {L(result.CountDecision?.Merges ?? [])} next {result.CountDecision?.Next:0.00}");
            }

            return 0;
        }

        foreach (var options in Grid())
        {
            var outcomes = cases.Select(c =>
            {
                using var audio = PcmAudio.Open(c.Pcm);
                return RealMeetings.Diarize(c, audio, regions[c.Name], options);
            }).ToList();
            Print(string.Join(' ', options.Parameters.Where(p => p.Key is "threshold" or "countPenalty" or "changeDistance" or "minSpeakerSeconds").Select(p => $"{p.Key} {p.Value}")), outcomes);
        }

        return 0;
    }

    private static IEnumerable<DiarizationOptions> Grid()
    {
        foreach (var change in new[] { 0.0, 0.6, 0.8, 1.0 })
        {
            foreach (var minSeconds in new[] { 0.0, 2.0, 4.0 })
            {
                foreach (var penalty in new[] { 0.3, 0.5 })
                {
                    yield return new DiarizationOptions { ChangeDistance = change, MinSpeakerSeconds = minSeconds, CountPenalty = penalty };
                }
            }
        }
    }

    private static void Print(string label, List<RealMeetings.Outcome> outcomes)
    {
        var parts = outcomes.Select(o => o.Case.Set).Distinct().Select(set =>
        {
            var s = RealMeetings.Summary.Of(outcomes.Where(o => o.Case.Set == set).ToList());
            return string.Create(CultureInfo.InvariantCulture, $"{set}: DER {s.Der * 100:0.0} (m {s.Miss * 100:0.0} fa {s.FalseAlarm * 100:0.0} c {s.Confusion * 100:0.0}) count±1 {s.WithinOne}/{s.Count} F1 {s.F1:0.000}");
        });
        var counts = string.Join(' ', outcomes.Select(o => $"{o.Case.Name}:{o.Found}/{o.Der.ReferenceSpeakers}"));
        Console.WriteLine($"{label} | {string.Join(" | ", parts)} | {counts}");
    }
}
