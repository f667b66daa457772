using Minutes.Audio;
using Minutes.Runs;
using Minutes.Text;
using Minutes.Vad;

namespace Minutes.Speakers;

/// <summary>
/// Decides whether the channels of a recording are evidence of who spoke. whisper.cpp's
/// <c>--diarize</c> (<c>estimate_diarization_speaker</c> in <c>examples/cli/cli.cpp</c>) sums
/// |x| of the two channels of a stereo recording over each segment and calls it speaker 0 or 1
/// when one sum beats the other by 10 % (about 0.8 dB), "?" otherwise, on every stereo file it is
/// asked to. Here channels are evidence only where they can be: <c>per-speaker</c> always (one
/// microphone per seat, the user says so), <c>auto</c> only when the level differences between
/// channels over the speech really vary (a spread of at least <see cref="SpreadThresholdDb"/>)
/// and at least two channels each dominate a part of it. Identical channels, a plain stereo mix
/// (one source panned: the differences are constant) and a dead channel (one channel dominates
/// everything) stay with the mix.
/// </summary>
public static class ChannelChoice
{
    /// <summary>A piece is "dominated" by a channel louder than every other by at least this (dB): a seat's own microphone, not the room.</summary>
    public const double DominanceDb = 6;

    /// <summary>The channel louder than every other by at least <see cref="DominanceDb"/> over <paramref name="energy"/> (one value per channel), else -1.</summary>
    public static int DominantSeat(IReadOnlyList<double> energy)
    {
        var (channel, margin) = ChannelLevels.Dominance(energy);
        return margin >= DominanceDb ? channel : -1;
    }

    /// <summary>
    /// The spread (RMS over speech blocks of each channel's level difference from the blocks'
    /// mean, less that channel's own average difference) above which <c>auto</c> uses dominance.
    /// Generated seat recordings with 12 dB of crosstalk gave 4.1–4.9 dB (4 to 7 seats, bench/RESULTS.md),
    /// identical channels and a panned mix 0; not yet measured on real multi-microphone recordings
    /// (none is available here).
    /// </summary>
    public const double SpreadThresholdDb = 3;

    /// <summary>The mono mix, for a recording with one channel (or decoded to one).</summary>
    public const string Mono = "mono";

    /// <summary>The mode was given (<c>mix</c> or <c>per-speaker</c>), not chosen.</summary>
    public const string Given = "given";

    /// <summary><c>auto</c>: the channels differ in who is loud.</summary>
    public const string ChannelsDiffer = "channels-differ";

    /// <summary><c>auto</c>: the channels carry the same voices alike (identical, panned, or one channel carries all).</summary>
    public const string ChannelsAlike = "channels-alike";

    // Levels are compared over half-second blocks of speech (20 ms frames are too noisy), and a
    // channel more than 40 dB below the loudest counts as 40 dB below (a dead channel is constant).
    private const double BlockSeconds = 0.5;
    private const double DepthDb = 40;

    // A channel must dominate at least this share of the speech blocks to count as a seat.
    private const double SeatShare = 0.05;

    /// <summary>The decision for <paramref name="mode"/> on a recording with <paramref name="levels"/> (null = one channel).</summary>
    public static ChannelEvidence Decide(ChannelMode mode, ChannelLevels? levels, IReadOnlyList<SpeechRegion> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        if (levels is null)
        {
            return mode == ChannelMode.PerSpeaker
                ? throw new MinutesException(Messages.Get("ChannelsPerSpeakerMono"))
                : new ChannelEvidence(mode.Name(), ChannelMode.Mix.Name(), Mono, 1);
        }

        var (spread, shares) = Measure(levels, regions);
        var seats = shares.Count(s => s >= SeatShare);
        var used = mode switch
        {
            ChannelMode.Auto => spread >= SpreadThresholdDb && seats >= 2 ? ChannelMode.PerSpeaker : ChannelMode.Mix,
            _ => mode,
        };
        var reason = mode != ChannelMode.Auto ? Given : used == ChannelMode.PerSpeaker ? ChannelsDiffer : ChannelsAlike;
        return new ChannelEvidence(mode.Name(), used.Name(), reason, levels.Channels, Math.Round(spread, 2), [.. shares.Select(s => Math.Round(s, 3))]);
    }

    /// <summary>The spread of the inter-channel level differences over the speech (dB) and each channel's share of dominated blocks.</summary>
    public static (double SpreadDb, IReadOnlyList<double> Shares) Measure(ChannelLevels levels, IReadOnlyList<SpeechRegion> regions)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(regions);
        var rows = new List<double[]>();
        var dominated = new double[levels.Channels];
        foreach (var region in regions)
        {
            for (var start = region.Start; start < region.End - (BlockSeconds / 2); start += BlockSeconds)
            {
                var energy = levels.Energy(start, Math.Min(region.End, start + BlockSeconds));
                var db = energy.Select(ChannelLevels.Db).ToArray();
                var loudest = db.Max();
                if (loudest <= ChannelLevels.Db(0) + 1)
                {
                    continue;
                }

                var clipped = db.Select(d => Math.Max(d, loudest - DepthDb)).ToArray();
                var mean = clipped.Average();
                rows.Add(clipped.Select(d => d - mean).ToArray());
                if (DominantSeat(energy) is var seat and >= 0)
                {
                    dominated[seat]++;
                }
            }
        }

        if (rows.Count == 0)
        {
            return (0, new double[levels.Channels]);
        }

        var offsets = Enumerable.Range(0, levels.Channels).Select(c => rows.Average(r => r[c])).ToArray();
        var variance = rows.Average(r => r.Select((d, c) => (d - offsets[c]) * (d - offsets[c])).Average());
        return (Math.Sqrt(variance), dominated.Select(d => d / rows.Count).ToArray());
    }
}
