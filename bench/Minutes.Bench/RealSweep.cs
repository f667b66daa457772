using System.Globalization;
using Minutes.Audio;
using Minutes.Speakers;
using Minutes.Vad;

namespace Minutes.Bench;

/// <summary>
/// <c>bench real-sweep vad|speakers|diag [--revoiced] [--check-revoiced]</c>: the grids the VAD settings and the
/// diarizer's count were chosen on (docs/notes/speakers.md), over the AMI tuning excerpts and the
/// synthesized samples only — the held-out excerpts are never shown here, so nothing is chosen on
/// them. <c>--revoiced</c> adds the eight re-voiced meetings the count was first chosen on (seed
/// 20261129; Open JTalk builds them into bench/.work once); <c>--check-revoiced</c> the sixteen
/// that bench/run reports as held out (seeds 20261130 and 20261131), to check a choice made without them.
/// </summary>
public static class RealSweep
{
    public static async Task<int> RunAsync(string[] args)
    {
        var work = Path.Combine(Bench.Root, "bench", ".work");
        var cases = (await RealMeetings.CasesAsync(Path.Combine(work, "real")))
            .Where(c => c.Set != "AMI held-out").ToList();
        if (args.Contains("--revoiced"))
        {
            var (meetings, reason) = Revoiced.Build(Bench.Root, work, 8, seed: 20261129);
            cases.AddRange(meetings is null ? throw new InvalidOperationException(reason) : await RealMeetings.MeetingCasesAsync(meetings, "re-voiced", Path.Combine(work, "real")));
        }

        // The sixteen re-voiced meetings of bench/run (seeds 20261130, 20261131) check a choice made without them.
        if (args.Contains("--check-revoiced"))
        {
            foreach (var seed in new[] { 20261130, 20261131 })
            {
                var (meetings, reason) = Revoiced.Build(Bench.Root, Path.Combine(work, $"held-out-{seed}"), 8, seed);
                cases.AddRange(meetings is null ? throw new InvalidOperationException(reason) : await RealMeetings.MeetingCasesAsync(meetings, $"re-voiced {seed}", Path.Combine(work, "real")));
            }
        }

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
            regions[c.Pcm] = detector.Detect(audio, null, CancellationToken.None).Regions;
        }

        if (args.FirstOrDefault() == "diag")
        {
            foreach (var c in cases)
            {
                using var audio = PcmAudio.Open(c.Pcm);
                var result = new Diarizer(new DiarizationOptions()).Diarize(audio, regions[c.Pcm], CancellationToken.None);
                static string L(IEnumerable<double> v) => string.Join(',', v.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)));
                Console.WriteLine($"{c.Name}: regions {regions[c.Pcm].Count} windows {result.WindowCount} pieces {result.PieceCount} found {result.Centroids.Count} lastMerges {L(result.LastMerges)} countMerges {L(result.CountDecision?.Merges ?? [])} next {result.CountDecision?.Next:0.00}");
            }

            return 0;
        }

        foreach (var options in Grid())
        {
            List<RealMeetings.Outcome> outcomes;
            try
            {
                outcomes = cases.Select(c =>
                {
                    using var audio = PcmAudio.Open(c.Pcm);
                    return RealMeetings.Diarize(c, audio, regions[c.Pcm], options);
                }).ToList();
            }
            catch (Minutes.Runs.MinutesException e)
            {
                // A setting that finds more voices than the scorer maps (16) is a failure of that setting, not of the sweep.
                Console.WriteLine($"{string.Join(' ', options.Parameters.Where(p => p.Key is "countPenalty" or "changeDistance" or "minSpeakerSeconds").Select(p => $"{p.Key} {p.Value}"))} | not scored: {e.Message}");
                continue;
            }

            Print(string.Join(' ', options.Parameters.Where(p => p.Key is "threshold" or "countPenalty" or "changeDistance" or "minSpeakerSeconds").Select(p => $"{p.Key} {p.Value}")), outcomes);
        }

        return 0;
    }

    private static IEnumerable<DiarizationOptions> Grid()
    {
        // The penalty around the default (the 2026-11-30 choice), then the older grid of change cuts and minimum times.
        if (Environment.GetEnvironmentVariable("SWEEP_CHANGE_ONLY") is null)
        {
            foreach (var penalty in new[] { 0.5, 0.55, 0.6, 0.65, 0.7 })
            {
                yield return new DiarizationOptions { CountPenalty = penalty };
            }
        }

        foreach (var change in new[] { 0.6, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3 })
        {
            yield return new DiarizationOptions { ChangeDistance = change };
        }

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
            return string.Create(CultureInfo.InvariantCulture, $"{set}: DER {s.Der * 100:0.0} without overlap {s.Single * 100:0.0} one voice {s.OneVoice * 100:0.0} (m {s.Miss * 100:0.0} fa {s.FalseAlarm * 100:0.0} c {s.Confusion * 100:0.0}) count±1 {s.WithinOne}/{s.Count} F1 {s.F1:0.000}");
        });
        var counts = string.Join(' ', outcomes.Select(o => $"{o.Case.Name}:{o.Found}/{o.Der.ReferenceSpeakers}"));
        Console.WriteLine($"{label} | {string.Join(" | ", parts)} | {counts}");
    }
}
