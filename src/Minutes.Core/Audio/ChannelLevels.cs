using System.Buffers.Binary;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Audio;

/// <summary>
/// How loud each channel of a recording with two or more channels was, kept beside the decoded
/// mono audio (<c>work/audio-16k.channels.bin</c>) so that the speakers stage can tell which
/// microphone a voice was nearest to (channel dominance) without a second copy of the audio:
/// the mean square of each channel over 20 ms frames of the source, before the downmix. Four
/// bytes per channel and frame: a 2-hour 4-channel recording takes 5.8 MB.
/// </summary>
/// <remarks>
/// File: <c>MCHL</c>, int32 version (1), int32 channels, int32 frame length in milliseconds, then
/// float32 values frame by frame, each frame one value per channel; little-endian.
/// </remarks>
public sealed class ChannelLevels
{
    public const int FrameMilliseconds = 20;

    public const double FrameSeconds = FrameMilliseconds / 1000.0;

    // Below this mean square (-100 dBFS) a channel is silent; it keeps a level ratio finite.
    private const double Floor = 1e-10;

    private const int HeaderBytes = 16;

    private readonly float[] _energy;

    private ChannelLevels(int channels, float[] energy)
    {
        Channels = channels;
        _energy = energy;
    }

    public int Channels { get; }

    public int Frames => _energy.Length / Channels;

    /// <summary>The levels file of a decoded audio file, beside it: <c>audio-16k.wav</c> → <c>audio-16k.channels.bin</c>, a join's part <c>audio-16k.wav.part2</c> → <c>audio-16k.wav.part2.channels.bin</c>.</summary>
    public static string PathFor(string pcmPath)
    {
        ArgumentNullException.ThrowIfNull(pcmPath);
        var full = Path.GetFullPath(pcmPath);
        return (full.EndsWith(".wav", StringComparison.OrdinalIgnoreCase) ? full[..^4] : full) + ".channels.bin";
    }

    /// <summary>Levels made in memory (tests, joins).</summary>
    public static ChannelLevels Of(int channels, float[] energy)
    {
        ArgumentNullException.ThrowIfNull(energy);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 2);
        return new ChannelLevels(channels, energy);
    }

    /// <summary>
    /// The levels of recordings joined end to end, each part <c>Samples</c> long at 16 kHz: the
    /// parts' frames copied as they are, each part taking the frames from where the samples before
    /// it end (so the parts never drift out of time), padded with silence if its levels are short.
    /// </summary>
    public static ChannelLevels Join(IReadOnlyList<(ChannelLevels Levels, long Samples)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        const double samplesPerFrame = PcmAudio.Rate * FrameSeconds;
        var channels = parts[0].Levels.Channels;
        var total = (int)Math.Round(parts.Sum(p => p.Samples) / samplesPerFrame);
        var energy = new float[total * channels];
        long samples = 0;
        foreach (var (levels, length) in parts)
        {
            var first = (int)Math.Round(samples / samplesPerFrame);
            samples += length;
            var frames = (int)Math.Round(samples / samplesPerFrame) - first;
            Array.Copy(levels._energy, 0, energy, first * channels, Math.Min(frames, levels.Frames) * channels);
        }

        return new ChannelLevels(channels, energy);
    }

    /// <summary>Reads a levels file; one line naming it when it is not one.</summary>
    public static ChannelLevels Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var head = bytes.AsSpan();
        if (bytes.Length < HeaderBytes || !head[..4].SequenceEqual("MCHL"u8)
            || BinaryPrimitives.ReadInt32LittleEndian(head[4..]) != 1
            || BinaryPrimitives.ReadInt32LittleEndian(head[8..]) is < 2 or > 64
            || BinaryPrimitives.ReadInt32LittleEndian(head[12..]) != FrameMilliseconds
            || (bytes.Length - HeaderBytes) % (4 * BinaryPrimitives.ReadInt32LittleEndian(head[8..])) != 0)
        {
            throw new MinutesException(Messages.Get("ChannelLevelsInvalid", Path.GetFileName(path)));
        }

        var channels = BinaryPrimitives.ReadInt32LittleEndian(head[8..]);
        var energy = new float[(bytes.Length - HeaderBytes) / 4];
        for (var i = 0; i < energy.Length; i++)
        {
            energy[i] = BinaryPrimitives.ReadSingleLittleEndian(head[(HeaderBytes + (4 * i))..]);
        }

        return new ChannelLevels(channels, energy);
    }

    /// <summary>Writes the levels (atomically).</summary>
    public void Write(string path) => Write(path, Channels, _energy);

    /// <summary>The mean square of each channel over [<paramref name="start"/>, <paramref name="end"/>) seconds; frames partly inside count whole.</summary>
    public double[] Energy(double start, double end)
    {
        var from = Math.Clamp((int)Math.Floor(start / FrameSeconds), 0, Frames);
        var to = Math.Clamp((int)Math.Ceiling(end / FrameSeconds), from, Frames);
        var sums = new double[Channels];
        for (var f = from; f < to; f++)
        {
            for (var c = 0; c < Channels; c++)
            {
                sums[c] += _energy[(f * Channels) + c];
            }
        }

        for (var c = 0; c < Channels; c++)
        {
            sums[c] /= Math.Max(1, to - from);
        }

        return sums;
    }

    /// <summary>The loudest channel of <paramref name="energy"/> (0-based) and by how many dB it beats the next loudest.</summary>
    public static (int Channel, double MarginDb) Dominance(IReadOnlyList<double> energy)
    {
        ArgumentNullException.ThrowIfNull(energy);
        var top = 0;
        for (var c = 1; c < energy.Count; c++)
        {
            top = energy[c] > energy[top] ? c : top;
        }

        var second = energy.Where((_, c) => c != top).DefaultIfEmpty(0).Max();
        return (top, 10 * Math.Log10((energy[top] + Floor) / (second + Floor)));
    }

    /// <summary>A level in dBFS (mean square → dB), floored at -100.</summary>
    public static double Db(double energy) => 10 * Math.Log10(energy + Floor);

    private static void Write(string path, int channels, IReadOnlyList<float> energy) =>
        AtomicFile.Write(path, stream =>
        {
            var bytes = new byte[HeaderBytes + (4 * energy.Count)];
            "MCHL"u8.CopyTo(bytes);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 1);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), channels);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), FrameMilliseconds);
            for (var i = 0; i < energy.Count; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(HeaderBytes + (4 * i)), energy[i]);
            }

            stream.Write(bytes);
        });

    /// <summary>
    /// Measures interleaved source samples as the decoder reads them: frame k holds the source
    /// samples from round(k·rate·20 ms) on, so frames keep the recording's time at any rate.
    /// </summary>
    internal sealed class Meter(int channels, int sampleRate)
    {
        private readonly List<float> _frames = [];
        private readonly double[] _sums = new double[channels];
        private int _count;
        private long _position;
        private long _frameEnd = Boundary(1, sampleRate);

        public void Add(ReadOnlySpan<float> interleaved)
        {
            for (var f = 0; f + channels <= interleaved.Length; f += channels)
            {
                if (_position >= _frameEnd)
                {
                    Flush();
                }

                for (var c = 0; c < channels; c++)
                {
                    _sums[c] += interleaved[f + c] * (double)interleaved[f + c];
                }

                _count++;
                _position++;
            }
        }

        /// <summary>Writes what was measured to <paramref name="path"/>.</summary>
        public void Write(string path)
        {
            if (_count > 0)
            {
                Flush();
            }

            ChannelLevels.Write(path, channels, _frames);
        }

        private void Flush()
        {
            for (var c = 0; c < channels; c++)
            {
                _frames.Add((float)(_sums[c] / Math.Max(1, _count)));
                _sums[c] = 0;
            }

            _count = 0;
            _frameEnd = Boundary((_frames.Count / channels) + 1, sampleRate);
        }

        private static long Boundary(int frame, int rate) => (long)Math.Round(frame * (double)rate * FrameMilliseconds / 1000);
    }
}
