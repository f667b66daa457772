using System.Buffers.Binary;

namespace Minutes.Tests.Support;

/// <summary>
/// Multi-channel meetings made from a mono recording and its reference turns, the way a council
/// room's seat microphones record one: each speaker at full level on their own channel, and on
/// every other channel attenuated by the crosstalk and a little later (the farther microphone).
/// Between turns the room's faint background reaches every microphone alike. Also the two
/// recordings channel dominance must not be fooled by: identical channels, and one source panned.
/// </summary>
public static class ChannelMeetings
{
    /// <summary>The default crosstalk: a neighbour's microphone hears a speaker 12 dB down.</summary>
    public const double CrosstalkDb = 12;

    /// <summary>The default delay on the other microphones: 3 ms, about a metre of air.</summary>
    public const double DelaySeconds = 0.003;

    /// <summary>
    /// The channels of a seat meeting: <paramref name="turns"/> (seconds, and the 0-based channel
    /// of the speaker's microphone) over <paramref name="mono"/> at <paramref name="rate"/>.
    /// </summary>
    public static float[][] Seats(float[] mono, int rate, IReadOnlyList<(double Start, double End, int Channel)> turns, int channels, double crosstalkDb = CrosstalkDb, double delaySeconds = DelaySeconds)
    {
        ArgumentNullException.ThrowIfNull(mono);
        ArgumentNullException.ThrowIfNull(turns);
        var owner = new int[mono.Length];
        Array.Fill(owner, -1);
        foreach (var (start, end, channel) in turns)
        {
            var from = Math.Clamp((int)(start * rate), 0, mono.Length);
            var to = Math.Clamp((int)(end * rate), from, mono.Length);
            Array.Fill(owner, channel, from, to - from);
        }

        var gain = (float)Math.Pow(10, -crosstalkDb / 20);
        var delay = (int)Math.Round(delaySeconds * rate);
        var output = Enumerable.Range(0, channels).Select(_ => new float[mono.Length]).ToArray();
        for (var i = 0; i < mono.Length; i++)
        {
            if (owner[i] < 0)
            {
                foreach (var channel in output)
                {
                    channel[i] += mono[i];
                }

                continue;
            }

            output[owner[i]][i] += mono[i];
            for (var c = 0; c < channels; c++)
            {
                if (c != owner[i] && i + delay < mono.Length)
                {
                    output[c][i + delay] += gain * mono[i];
                }
            }
        }

        return output;
    }

    /// <summary>
    /// Seats for a meeting's reference turns: each speaker on a channel of their own, the most
    /// talkative first; with <paramref name="splitFirst"/> the most talkative speaker's turns
    /// alternate between two seats (two people with one voice: the limit of similar voices, which
    /// no voice embedding can part). Speakers beyond <paramref name="channels"/> get -1 (not seated:
    /// the caller leaves them out). The seat names are <c>seat1</c>, <c>seat2</c>….
    /// </summary>
    public static List<(double Start, double End, int Channel)> SeatPlan(IReadOnlyList<(double Start, double End, string Speaker)> turns, int channels, bool splitFirst)
    {
        ArgumentNullException.ThrowIfNull(turns);
        var order = turns.GroupBy(t => t.Speaker).OrderByDescending(g => g.Sum(t => t.End - t.Start)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        var seat = new Dictionary<string, int>(StringComparer.Ordinal);
        var next = splitFirst ? 2 : 1;
        seat[order[0]] = 0;
        foreach (var speaker in order.Skip(1))
        {
            seat[speaker] = next < channels ? next++ : -1;
        }

        var alternate = 0;
        return turns.OrderBy(t => t.Start).Select(t => (t.Start, t.End, splitFirst && t.Speaker == order[0] ? alternate++ % 2 : seat[t.Speaker])).ToList();
    }

    /// <summary>The same signal on every channel: what a mono source saved as stereo gives.</summary>
    public static float[][] Identical(float[] mono, int channels)
    {
        ArgumentNullException.ThrowIfNull(mono);
        return Enumerable.Range(0, channels).Select(_ => (float[])mono.Clone()).ToArray();
    }

    /// <summary>One source panned left: the right channel the same signal, <paramref name="db"/> quieter.</summary>
    public static float[][] Panned(float[] mono, double db)
    {
        ArgumentNullException.ThrowIfNull(mono);
        var gain = (float)Math.Pow(10, -db / 20);
        return [(float[])mono.Clone(), mono.Select(x => x * gain).ToArray()];
    }

    /// <summary>Writes the channels as one 16-bit PCM WAV (plain format tag, as most recorders write up to a few channels).</summary>
    public static void WriteWav(string path, float[][] channels, int rate)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var count = channels.Length;
        var frames = channels[0].Length;
        var data = frames * count * 2;
        var bytes = new byte[44 + data];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 36 + data);
        "WAVEfmt "u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(22), (short)count);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), rate);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), rate * count * 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(32), (short)(count * 2));
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(34), 16);
        "data"u8.CopyTo(bytes.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), data);
        for (var f = 0; f < frames; f++)
        {
            for (var c = 0; c < count; c++)
            {
                var value = (short)Math.Clamp(MathF.Round(channels[c][f] * 32767f), short.MinValue, short.MaxValue);
                BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(44 + (((f * count) + c) * 2)), value);
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, bytes);
    }
}
