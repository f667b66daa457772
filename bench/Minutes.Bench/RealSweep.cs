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

        if (args.FirstOrDefault() == "vad-hysteresis")
        {
            Print("vad before (onset 0.3, offset 0.15, start not extended)", RealMeetings.Measure(cases, VadSettings.SileroDefaults with { Threshold = 0.3, OffsetThreshold = null, StartExtension = 0 }, new DiarizationOptions()));
            var onsets = args.Length > 1 ? args[1].Split(',').Select(a => double.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [0.3, 0.25, 0.2];
            var offsets = args.Length > 2 ? args[2].Split(',').Select(a => double.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [0.05, 0.1, 0.15, 0.2];
            var minSpeeches = args.Length > 3 ? args[3].Split(',').Select(a => double.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [0.25];
            var extends = args.Length > 4 ? args[4].Split(',').Select(a => double.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [0.0];
            foreach (var onset in onsets)
            {
                foreach (var offset in offsets.Where(o => o <= onset))
                {
                    foreach (var (minSpeech, extend) in minSpeeches.SelectMany(m => extends.Select(e => (m, e))))
                    {
                        Print($"vad onset {onset} offset {offset} minSpeech {minSpeech} startExtension {extend}", RealMeetings.Measure(cases, VadSettings.SileroDefaults with { Threshold = onset, OffsetThreshold = offset, MinSpeech = minSpeech, StartExtension = extend }, new DiarizationOptions()));
                    }
                }
            }

            return 0;
        }

        if (args.FirstOrDefault() == "vad-diag")
        {
            VadDiagnosis(cases, args.Skip(1).Select(a => double.Parse(a, CultureInfo.InvariantCulture)).ToArray());
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

    /// <summary>
    /// Where the VAD misses: every reference turn of the tuning cases with the share of it the
    /// default regions cover and its level (RMS dBFS) beside the level of the speech found.
    /// </summary>
    private static void VadDiagnosis(List<RealMeetings.Case> cases, double[] level)
    {
        var settings = level.Length == 1 ? VadSettings.SileroDefaults with { Threshold = level[0] } : VadSettings.SileroDefaults;
        var detector = new SileroVoiceActivityDetector(Stages.SileroPath(), settings);
        var c0 = CultureInfo.InvariantCulture;
        foreach (var c in cases.Where(c => c.Set == "AMI tuning"))
        {
            using var audio = PcmAudio.Open(c.Pcm);
            List<(double Start, double End)> found;
            try
            {
                found = detector.Detect(audio, null, CancellationToken.None).Regions.Select(r => (r.Start, r.End)).ToList();
            }
            catch (Minutes.Runs.MinutesException)
            {
                found = [];
            }

            static double Db(float[] x) => 10 * Math.Log10(x.Select(v => (double)v * v).DefaultIfEmpty(0).Average() + 1e-12);
            var foundLevel = Db(found.SelectMany(f => audio.ReadSeconds(f.Start, f.End)).ToArray());
            var probabilities = detector.FrameProbabilities(audio, CancellationToken.None) ?? [];
            double MaxProbability(double start, double end) =>
                probabilities.Skip((int)(start / 0.032)).Take(Math.Max(1, (int)((end - start) / 0.032))).DefaultIfEmpty(0).Max();
            var gaps = SpeechRegionBuilder.MergeGaps(c.Reference.Select(t => (t.Start, t.End)).OrderBy(t => t.Start), 0).ToList();
            var silences = gaps.Zip(gaps.Skip(1)).Select(p => (p.First.End, p.Second.Start)).Prepend((0.0, gaps.FirstOrDefault().Start)).Append((gaps.LastOrDefault().End, audio.Duration)).Where(g => g.Item2 - g.Item1 > 0.5);
            Console.WriteLine(string.Create(c0, $"  non-speech max p: {string.Join(' ', silences.Select(g => $"{g.Item1:0.0}-{g.Item2:0.0}:{MaxProbability(g.Item1 + 0.25, g.Item2 - 0.25):0.00}"))}"));
            Console.WriteLine(string.Create(c0, $"{c.Name}: found {string.Join(' ', found.Select(f => $"{f.Start:0.00}-{f.End:0.00}"))} level {foundLevel:0.0} dBFS, whole {Db(audio.ReadSeconds(0, audio.Duration)):0.0}"));
            foreach (var t in c.Reference.OrderBy(t => t.Start))
            {
                var covered = found.Sum(f => Math.Max(0, Math.Min(f.End, t.End) - Math.Max(f.Start, t.Start))) / (t.End - t.Start);
                var overlapped = c.Reference.Where(o => o != t).Sum(o => Math.Max(0, Math.Min(o.End, t.End) - Math.Max(o.Start, t.Start))) / (t.End - t.Start);
                Console.WriteLine(string.Create(c0, $"  {t.Speaker,-8} {t.Start,6:0.00} +{t.End - t.Start:0.00} covered {covered * 100,3:0}% overlapped {overlapped * 100,3:0}% level {Db(audio.ReadSeconds(t.Start, t.End)):0.0} max p {MaxProbability(t.Start, t.End):0.00}"));
            }
        }
    }

    private static IEnumerable<DiarizationOptions> Grid()
    {
        // The penalty with the change cut around the defaults (the 2026-11-30 choice), then the older grid of change cuts and minimum times.
        foreach (var penalty in new[] { 0.5, 0.55, 0.6, 0.65 })
        {
            foreach (var change in new[] { 0.0, 1.1, 1.2, 1.3 })
            {
                yield return new DiarizationOptions { CountPenalty = penalty, ChangeDistance = change };
            }
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
            return string.Create(CultureInfo.InvariantCulture, $"{set}: DER {s.Der * 100:0.0} without overlap {s.Single * 100:0.0} one voice {s.OneVoice * 100:0.0} (m {s.Miss * 100:0.0} fa {s.FalseAlarm * 100:0.0} c {s.Confusion * 100:0.0}) count±1 {s.WithinOne}/{s.Count} F1 {s.F1:0.0000} VAD miss {s.VadMiss * 100:0.0}");
        });
        var counts = string.Join(' ', outcomes.Select(o => $"{o.Case.Name}:{o.Found}/{o.Der.ReferenceSpeakers}"));
        Console.WriteLine($"{label} | {string.Join(" | ", parts)} | {counts}");
    }
}
