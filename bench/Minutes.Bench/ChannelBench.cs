using System.Diagnostics;
using System.Globalization;
using System.Text;
using Minutes.Audio;
using Minutes.Speakers;
using Minutes.Tests.Support;
using Minutes.Vad;

namespace Minutes.Bench;

/// <summary>
/// <c>bench channels</c>: generated seat-microphone meetings from the synthesized samples (each
/// speaker on a channel of their own, 12 dB crosstalk and 3 ms delay on the others; and the same
/// with the most talkative speaker's turns alternating between two seats: two people with one
/// voice), decoded by the real decoder, Silero VAD on the mix, then the diarizer with
/// <c>--channels mix</c>, <c>per-speaker</c> and <c>auto</c>; DER with a 0.25 s collar, the same
/// scoring as <c>minutes eval diarization</c>. The recordings and their RTTM stay in
/// <c>bench/.work/channels/</c> for a check through the CLI.
/// </summary>
public static class ChannelBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        _ = args;
        var work = Path.Combine(Bench.Root, "bench", ".work", "channels");
        Directory.CreateDirectory(work);
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var detector = new SileroVoiceActivityDetector(Stages.SileroPath(), VadSettings.SileroDefaults);
        var c = CultureInfo.InvariantCulture;
        var rows = new StringBuilder();
        var totals = new Dictionary<string, (double Error, double Scored, int Right, int Count)>(StringComparer.Ordinal);
        foreach (var sample in Directory.GetDirectories(Path.Combine(Bench.Root, "samples")).Where(d => File.Exists(Path.Combine(d, "reference.rttm"))).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(sample);
            var mono = Path.Combine(work, name + "-mono.wav");
            await PipelineDecodeAsync(Path.Combine(sample, "recording.ogg"), mono);
            float[] samples;
            using (var audio = PcmAudio.Open(mono))
            {
                samples = audio.Read(0, (int)audio.SampleCount);
            }

            var reference = DiarizationScoring.LoadRttm(Path.Combine(sample, "reference.rttm"));
            foreach (var split in new[] { false, true })
            {
                var variant = split ? "seats, one voice on two" : "seats";
                var speakers = reference.Select(t => t.Speaker).Distinct().Count() + (split ? 1 : 0);
                var plan = ChannelMeetings.SeatPlan(reference.Select(t => (t.Start, t.End, t.Speaker)).ToList(), speakers, split);
                var truth = plan.Select(p => new SpeakerTurn(p.Start, p.End, $"seat{p.Channel + 1}")).ToList();
                var stem = Path.Combine(work, $"{name}-{(split ? "split" : "seats")}");
                ChannelMeetings.WriteWav(stem + ".wav", ChannelMeetings.Seats(samples, PcmAudio.Rate, plan, speakers), PcmAudio.Rate);
                await File.WriteAllLinesAsync(stem + ".rttm", truth.Select(t => string.Create(c, $"SPEAKER {Path.GetFileName(stem)} 1 {t.Start:0.000} {t.End - t.Start:0.000} <NA> <NA> {t.Speaker} <NA> <NA>")));
                var pcm = stem + "-16k.wav";
                await new AudioDecoder().DecodeAsync(stem + ".wav", pcm, null, CancellationToken.None);
                var levels = ChannelLevels.Read(ChannelLevels.PathFor(pcm));
                using var decoded = PcmAudio.Open(pcm);
                var regions = detector.Detect(decoded, null, CancellationToken.None).Regions;
                var cells = new List<string>();
                foreach (var mode in new[] { ChannelMode.Mix, ChannelMode.PerSpeaker, ChannelMode.Auto })
                {
                    var choice = ChannelChoice.Decide(mode, levels, regions);
                    var clock = Stopwatch.StartNew();
                    var result = new Diarizer(new DiarizationOptions { Channels = mode }).Diarize(decoded, regions, choice.Used == ChannelMode.PerSpeaker.Name() ? levels : null, CancellationToken.None);
                    clock.Stop();
                    var score = DiarizationScoring.Score(truth, result.Turns, RealMeetings.Collar);
                    var found = result.Centroids.Count;
                    cells.Add(string.Create(c, $"{found} / {score.Der * 100:0.0} %{(mode == ChannelMode.Auto ? $" ({choice.Used}, spread {choice.SpreadDb:0.0} dB)" : string.Empty)}"));
                    var key = $"{variant}|{mode.Name()}";
                    var total = totals.GetValueOrDefault(key);
                    totals[key] = (total.Error + score.MissSeconds + score.FalseAlarmSeconds + score.ConfusionSeconds, total.Scored + score.ScoredSeconds, total.Right + (found == speakers ? 1 : 0), total.Count + 1);
                }

                rows.AppendLine(c, $"| {name} | {variant} | {speakers} | {string.Join(" | ", cells)} |");
            }
        }

        var report = new StringBuilder();
        report.AppendLine(c, $"## {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — commit {Bench.Git("rev-parse --short HEAD")}{(Bench.Git("status --porcelain --untracked-files=no").Length > 0 ? " (with uncommitted changes)" : string.Empty)} — seat microphones (`--channels`)");
        report.AppendLine();
        report.AppendLine(c, $"Machine: {Bench.Machine()}. Command: `bench/run channels`. Load average at start: {load} (DER does not depend on it).");
        report.AppendLine();
        report.AppendLine("Generated from the synthesized samples: every speaker at full level on a channel of their own, 12 dB down and 3 ms later on every other channel, the room's background on all; \"one voice on two\" also gives the most talkative speaker's turns alternately to two seats (two people the same voice: no voice embedding can part them). Decoded by the real decoder (the mono mix for Silero VAD and the embeddings, each channel's loudness kept), built-in diarizer, automatic count; DER with a 0.25 s collar (the scoring of `minutes eval diarization`; the WAVs and RTTMs stay in `bench/.work/channels/`, e.g. `minutes transcribe bench/.work/channels/council-split.wav --channels per-speaker --stop-after speakers -o run` then `minutes eval diarization run --reference bench/.work/channels/council-split.rttm`). Cells: speakers found / DER.");
        report.AppendLine();
        report.AppendLine("| sample | meeting | seats (speakers) | mix | per-speaker | auto |");
        report.AppendLine("|---|---|---:|---:|---:|---:|");
        report.Append(rows);
        report.AppendLine();
        report.AppendLine("| meeting | mode | DER (speech-weighted) | count right |");
        report.AppendLine("|---|---|---:|---:|");
        foreach (var (key, total) in totals)
        {
            var parts = key.Split('|');
            report.AppendLine(c, $"| {parts[0]} | {parts[1]} | {total.Error / Math.Max(1e-9, total.Scored) * 100:0.0} % | {total.Right} of {total.Count} |");
        }

        await Bench.PrependAsync(report.ToString());
        Console.WriteLine(report);
        return 0;
    }

    private static async Task PipelineDecodeAsync(string source, string pcm)
    {
        if (!File.Exists(pcm))
        {
            await new AudioDecoder().DecodeAsync(source, pcm, null, CancellationToken.None);
        }
    }
}
