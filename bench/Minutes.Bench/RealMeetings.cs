using System.Diagnostics;
using System.Globalization;
using System.Text;
using Minutes.Audio;
using Minutes.Pipeline;
using Minutes.Speakers;
using Minutes.Vad;

namespace Minutes.Bench;

/// <summary>
/// Speakers and speech on real meeting audio (issue 15): the nine 30 s AMI excerpts and the
/// 2-speaker sample of <c>../shared/data/ami-debug</c> (or <c>MINUTES_AMI_DEBUG</c>), beside the
/// synthesized samples, through Silero VAD and the built-in diarizer with the defaults a user
/// gets. The excerpts are split once, by name, into a tuning set and a held-out set (nothing was
/// tuned on the held-out set; docs/notes/speakers.md).
/// </summary>
public static class RealMeetings
{
    public const double Collar = 0.25;

    /// <summary>The excerpts the VAD settings, the penalty and the cut were chosen on.</summary>
    public static IReadOnlyList<string> Tuning { get; } = ["trn01", "trn02", "trn03", "trn04", "sample"];

    /// <summary>The excerpts kept out of every choice, reported separately.</summary>
    public static IReadOnlyList<string> HeldOut { get; } = ["trn05", "trn06", "trn07", "trn08", "trn09"];

    /// <summary>The folder of the excerpts, or null when it is not on this machine.</summary>
    public static string? Folder()
    {
        var folder = Environment.GetEnvironmentVariable("MINUTES_AMI_DEBUG") is { Length: > 0 } set
            ? set
            : Path.GetFullPath(Path.Combine(Bench.Root, "..", "shared", "data", "ami-debug"));
        return File.Exists(Path.Combine(folder, "debug.train.rttm")) ? folder : null;
    }

    /// <summary>One recording with its reference turns and speech.</summary>
    public sealed record Case(string Name, string Set, string Pcm, IReadOnlyList<SpeakerTurn> Reference, IReadOnlyList<(double Start, double End)> Speech);

    /// <summary>What one recording gave.</summary>
    public sealed record Outcome(Case Case, SpeechScore Speech, double VadMissSeconds, double SpeechSeconds, DiarizationScore Der, int Found, double DiarizeSeconds, double AudioSeconds)
    {
        /// <summary>The same answer scored without the reference's overlapping speech (what a one-speaker-at-a-time answer can get right).</summary>
        public required DiarizationScore Single { get; init; }

        /// <summary>The baseline that labels all detected speech as one voice, on the same regions: what the diarizer must beat.</summary>
        public required DiarizationScore OneVoice { get; init; }
    }

    /// <summary><c>bench real</c>: measures every set with the defaults and prepends a section to bench/RESULTS.md.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var work = Path.Combine(Bench.Root, "bench", ".work", "real");
        var cases = await CasesAsync(work);
        if (cases.Count == 0)
        {
            Console.Error.WriteLine("bench: ../shared/data/ami-debug not found (set MINUTES_AMI_DEBUG): nothing measured");
            return 2;
        }

        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var outcomes = Measure(cases, VadSettings.SileroDefaults, new DiarizationOptions());
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — commit {Bench.Git("rev-parse --short HEAD")}{(Bench.Git("status --porcelain --untracked-files=no").Length > 0 ? " (with uncommitted changes)" : string.Empty)} — real meetings");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Bench.Machine()}. Command: `bench/run real`. Load average at start: {load} (timings only; DER does not depend on it).");
        report.Append(Table(outcomes));
        report.Append(Bounds(cases, outcomes));
        await Bench.PrependAsync(report.ToString());
        Console.WriteLine(report);
        return 0;
    }

    /// <summary>The markdown of a measurement: one row per recording, then one per set (speech-weighted).</summary>
    public static string Table(IReadOnlyList<Outcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var c = CultureInfo.InvariantCulture;
        var report = new StringBuilder();
        report.AppendLine();
        report.AppendLine(c, $"Decode → Silero VAD → built-in diarizer, automatic count, defaults; DER with a {Collar} s collar (overlapping reference speech counts for each speaker, so a one-speaker-at-a-time answer misses it; the overlap floor is the part of the scored time such an answer must miss, and DER without overlap scores the same answer with it left out, pyannote's skip_overlap; one-voice DER labels all detected speech as one speaker, the baseline a diarizer must beat). Sets: AMI tuning {string.Join(", ", Tuning)}; AMI held-out {string.Join(", ", HeldOut)} (nothing chosen on these); synthesized: {string.Join(", ", outcomes.Where(o => o.Case.Set == "synthesized").Select(o => o.Case.Name))} (Japanese TTS).");
        report.AppendLine();
        report.AppendLine("| recording | set | speech s | speech F1 | VAD miss | DER | miss | false alarm | confusion | overlap floor | DER without overlap | speakers found / true (speaking ≥ the minimum) |");
        report.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var o in outcomes)
        {
            report.AppendLine(c, $"| {o.Case.Name} | {o.Case.Set} | {o.SpeechSeconds:0.0} | {o.Speech.F1:0.000} | {Percent(o.VadMissSeconds, o.SpeechSeconds)} | {o.Der.Der * 100:0.0} % | {o.Der.Miss * 100:0.0} % | {o.Der.FalseAlarm * 100:0.0} % | {o.Der.Confusion * 100:0.0} % | {o.Der.OverlapFloor * 100:0.0} % | {o.Single.Der * 100:0.0} % | {o.Found} / {o.Der.ReferenceSpeakers} ({Speaking(o.Case.Reference)} ≥ {Default.MinSpeakerSeconds:0} s) |");
        }

        report.AppendLine();
        report.AppendLine("| set | recordings | DER (speech-weighted) | miss | false alarm | confusion | overlap floor | DER without overlap | one-voice DER | count within one | count right | speech F1 (frames pooled) | VAD miss | diarization s per audio hour |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var set in outcomes.Select(o => o.Case.Set).Distinct())
        {
            var s = Summary.Of(outcomes.Where(o => o.Case.Set == set).ToList());
            report.AppendLine(c, $"| {set} | {s.Count} | {s.Der * 100:0.0} % | {s.Miss * 100:0.0} % | {s.FalseAlarm * 100:0.0} % | {s.Confusion * 100:0.0} % | {s.Overlap * 100:0.0} % | {s.Single * 100:0.0} % | {s.OneVoice * 100:0.0} % | {s.WithinOne} of {s.Count} | {s.Right} of {s.Count} | {s.F1:0.000} | {s.VadMiss * 100:0.0} % | {s.SecondsPerHour:0.0} |");
        }

        report.AppendLine();
        report.AppendLine("Five real Japanese voices: not measured — no real Japanese multi-speaker recording with reference turns is available on this machine (only the synthesized samples and the English AMI excerpts).");
        return report.ToString();
    }

    /// <summary>
    /// Where the error comes from: the same diarizer on the reference's speech regions (a perfect
    /// voice detector), automatic and with the true count given. What remains with both is what the
    /// embeddings cannot tell apart.
    /// </summary>
    public static string Bounds(IReadOnlyList<Case> cases, IReadOnlyList<Outcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(outcomes);
        var perfect = new List<Outcome>();
        var given = new List<Outcome>();
        foreach (var c in cases)
        {
            using var audio = PcmAudio.Open(c.Pcm);
            var regions = c.Speech.Select((s, i) => new SpeechRegion($"ref{i + 1}", s.Start, s.End)).ToList();
            perfect.Add(Diarize(c, audio, regions, new DiarizationOptions()));
            given.Add(Diarize(c, audio, regions, new DiarizationOptions { Speakers = c.Reference.Select(t => t.Speaker).Distinct().Count() }));
        }

        var c0 = CultureInfo.InvariantCulture;
        var report = new StringBuilder();
        report.AppendLine();
        report.AppendLine("Where the error comes from (speech-weighted DER / without overlap / confusion; the reference's speech regions stand in for a perfect voice detector):");
        report.AppendLine();
        report.AppendLine("| set | Silero, count automatic | reference speech, count automatic | reference speech, true count given | one voice on reference speech |");
        report.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var set in outcomes.Select(o => o.Case.Set).Distinct())
        {
            string Cell(IEnumerable<Outcome> list)
            {
                var s = Summary.Of(list.Where(o => o.Case.Set == set).ToList());
                return string.Create(c0, $"{s.Der * 100:0.0} / {s.Single * 100:0.0} / {s.Confusion * 100:0.0} %");
            }

            var one = Summary.Of(perfect.Where(o => o.Case.Set == set).ToList());
            report.AppendLine(c0, $"| {set} | {Cell(outcomes)} | {Cell(perfect)} | {Cell(given)} | {one.OneVoice * 100:0.0} % |");
        }

        return report.ToString();
    }

    /// <summary>A set's figures: DER pooled over its scored speech, speech F1 over its pooled frames.</summary>
    public sealed record Summary(int Count, double Der, double Miss, double FalseAlarm, double Confusion, double Overlap, double Single, double OneVoice, int WithinOne, int Right, double F1, double VadMiss, double SecondsPerHour)
    {
        public static Summary Of(IReadOnlyList<Outcome> set)
        {
            ArgumentNullException.ThrowIfNull(set);
            var scored = Math.Max(1e-9, set.Sum(o => o.Der.ScoredSeconds));
            var speech = Math.Max(1e-9, set.Sum(o => o.SpeechSeconds));
            // F1 pooled: true positives, found and reference frames summed over the set.
            var tp = set.Sum(o => o.Speech.Recall * o.SpeechSeconds);
            var found = set.Sum(o => o.Speech.Precision > 0 ? o.Speech.Recall * o.SpeechSeconds / o.Speech.Precision : 0);
            var precision = found > 0 ? tp / found : 0;
            var recall = tp / speech;
            return new Summary(
                set.Count,
                set.Sum(o => o.Der.MissSeconds + o.Der.FalseAlarmSeconds + o.Der.ConfusionSeconds) / scored,
                set.Sum(o => o.Der.MissSeconds) / scored,
                set.Sum(o => o.Der.FalseAlarmSeconds) / scored,
                set.Sum(o => o.Der.ConfusionSeconds) / scored,
                set.Sum(o => o.Der.OverlapExcessSeconds) / scored,
                set.Sum(o => o.Single.MissSeconds + o.Single.FalseAlarmSeconds + o.Single.ConfusionSeconds) / Math.Max(1e-9, set.Sum(o => o.Single.ScoredSeconds)),
                set.Sum(o => o.OneVoice.MissSeconds + o.OneVoice.FalseAlarmSeconds + o.OneVoice.ConfusionSeconds) / scored,
                set.Count(o => Math.Abs(o.Found - o.Der.ReferenceSpeakers) <= 1),
                set.Count(o => o.Found == o.Der.ReferenceSpeakers),
                precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0,
                set.Sum(o => o.VadMissSeconds) / speech,
                set.Sum(o => o.DiarizeSeconds) / Math.Max(1e-9, set.Sum(o => o.AudioSeconds)) * 3600);
        }
    }

    /// <summary>Runs VAD and diarization on every case with the settings given.</summary>
    public static List<Outcome> Measure(IReadOnlyList<Case> cases, VadSettings vad, DiarizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var detector = new SileroVoiceActivityDetector(Stages.SileroPath(), vad);
        var outcomes = new List<Outcome>();
        foreach (var c in cases)
        {
            using var audio = PcmAudio.Open(c.Pcm);
            var trace = detector.Detect(audio, null, CancellationToken.None);
            outcomes.Add(Diarize(c, audio, trace.Regions, options));
        }

        return outcomes;
    }

    /// <summary>Diarizes one case on the given regions and scores it.</summary>
    public static Outcome Diarize(Case c, PcmAudio audio, IReadOnlyList<SpeechRegion> regions, DiarizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(regions);
        var found = regions.Select(r => (r.Start, r.End)).ToList();
        var speech = SpeechScoring.Score(found, c.Speech, audio.Duration);
        var speechSeconds = c.Speech.Sum(s => s.End - s.Start);
        var missed = c.Speech.Sum(s => s.End - s.Start - found.Sum(f => Math.Max(0, Math.Min(f.End, s.End) - Math.Max(f.Start, s.Start))));
        var clock = Stopwatch.StartNew();
        var result = new Diarizer(options).Diarize(audio, regions, CancellationToken.None);
        clock.Stop();
        var der = DiarizationScoring.Score(c.Reference, result.Turns, Collar);
        return new Outcome(c, speech, missed, speechSeconds, der, result.Centroids.Count, clock.Elapsed.TotalSeconds, audio.Duration)
        {
            Single = DiarizationScoring.Score(c.Reference, result.Turns, Collar, skipOverlap: true),
            OneVoice = DiarizationScoring.Score(c.Reference, regions.Select(r => new SpeakerTurn(r.Start, r.End, "one")).ToList(), Collar),
        };
    }

    /// <summary>Every case: the AMI excerpts (when present) and the synthesized samples, decoded once into <paramref name="work"/>.</summary>
    public static async Task<List<Case>> CasesAsync(string work)
    {
        Directory.CreateDirectory(work);
        var cases = new List<Case>();
        if (Folder() is { } folder)
        {
            foreach (var name in Tuning.Concat(HeldOut))
            {
                var wav = Path.Combine(folder, name + ".wav");
                if (!File.Exists(wav))
                {
                    continue;
                }

                var reference = DiarizationScoring.LoadRttm(Path.Combine(folder, name == "sample" ? "sample.rttm" : "debug.train.rttm"), name);
                var pcm = await DecodeAsync(wav, Path.Combine(work, name + ".wav"));
                cases.Add(new Case(name, HeldOut.Contains(name) ? "AMI held-out" : "AMI tuning", pcm, reference, Union(reference)));
            }
        }

        cases.AddRange(await MeetingCasesAsync(Directory.GetDirectories(Path.Combine(Bench.Root, "samples")), "synthesized", work));
        return cases;
    }

    /// <summary>Cases of sample-shaped meeting folders (recording.ogg, reference.rttm, speech.tsv), decoded once into <paramref name="work"/>.</summary>
    public static async Task<List<Case>> MeetingCasesAsync(IEnumerable<string> folders, string set, string work)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var cases = new List<Case>();
        foreach (var sample in folders.Where(d => File.Exists(Path.Combine(d, "reference.rttm"))).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(sample);
            var pcm = await DecodeAsync(Path.Combine(sample, "recording.ogg"), Path.Combine(work, $"{set}-{name}.wav"));
            cases.Add(new Case(name, set, pcm, DiarizationScoring.LoadRttm(Path.Combine(sample, "reference.rttm")), SpeechScoring.LoadIntervals(Path.Combine(sample, "speech.tsv"))));
        }

        return cases;
    }

    private static async Task<string> DecodeAsync(string source, string pcm)
    {
        if (!File.Exists(pcm))
        {
            await PipelineServices.Default.Decoder().DecodeAsync(source, pcm, null, CancellationToken.None);
        }

        return pcm;
    }

    private static List<(double Start, double End)> Union(IEnumerable<SpeakerTurn> turns) =>
        SpeechRegionBuilder.MergeGaps(turns.Select(t => (t.Start, t.End)).OrderBy(t => t.Start), 0).ToList();

    private static readonly DiarizationOptions Default = new();

    /// <summary>Reference speakers who speak at least the diarizer's minimum speaking time (the others it folds into a neighbour, flagged).</summary>
    private static int Speaking(IEnumerable<SpeakerTurn> reference) =>
        reference.GroupBy(t => t.Speaker).Count(g => g.Sum(t => t.End - t.Start) >= Default.MinSpeakerSeconds);

    private static string Percent(double part, double whole) => whole <= 0 ? "—" : (part / whole * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
