using System.Buffers.Binary;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Audio;

/// <summary>
/// Random access to the decoded recording (16-bit mono PCM WAV at 16 kHz, as the decoder writes
/// it). Samples are read per span, so a three-hour recording never sits in memory as a whole.
/// </summary>
public sealed class PcmAudio : IDisposable
{
    public const int Rate = 16000;
    private readonly FileStream _stream;
    private readonly long _dataOffset;
    private readonly object _gate = new();

    private PcmAudio(FileStream stream, long dataOffset, long sampleCount)
    {
        _stream = stream;
        _dataOffset = dataOffset;
        SampleCount = sampleCount;
    }

    public long SampleCount { get; }

    public double Duration => (double)SampleCount / Rate;

    public static PcmAudio Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            var (offset, bytes) = PcmWavFormat.ReadHeader(stream);
            return new PcmAudio(stream, offset, bytes / 2);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public static long ToSample(double seconds) => (long)Math.Round(seconds * Rate);

    /// <summary>Reads samples [start, start + count) as floats in [-1, 1), clamped to the recording.</summary>
    public float[] Read(long start, int count)
    {
        start = Math.Clamp(start, 0, SampleCount);
        count = (int)Math.Clamp(count, 0, SampleCount - start);
        var samples = new float[count];
        var bytes = new byte[count * 2];
        lock (_gate)
        {
            _stream.Position = _dataOffset + (start * 2);
            _stream.ReadExactly(bytes);
        }

        for (var i = 0; i < count; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(i * 2)) / 32768f;
        }

        return samples;
    }

    public float[] ReadSeconds(double start, double end) =>
        Read(ToSample(start), (int)Math.Max(0, ToSample(end) - ToSample(start)));

    /// <summary>Visits the recording in blocks of at most <paramref name="blockSamples"/> samples.</summary>
    public IEnumerable<(long Start, float[] Samples)> Blocks(int blockSamples)
    {
        for (long start = 0; start < SampleCount; start += blockSamples)
        {
            yield return (start, Read(start, blockSamples));
        }
    }

    public void Dispose() => _stream.Dispose();
}

/// <summary>The canonical 44-byte header of a 16 kHz mono 16-bit PCM WAV, written and checked.</summary>
public static class PcmWavFormat
{
    public const int HeaderBytes = 44;

    public static void WriteHeader(Stream stream, long dataBytes)
    {
        Span<byte> h = stackalloc byte[HeaderBytes];
        "RIFF"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], (uint)Math.Min(uint.MaxValue, dataBytes + 36));
        "WAVE"u8.CopyTo(h[8..]);
        "fmt "u8.CopyTo(h[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(h[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(h[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(h[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(h[24..], PcmAudio.Rate);
        BinaryPrimitives.WriteInt32LittleEndian(h[28..], PcmAudio.Rate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(h[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(h[34..], 16);
        "data"u8.CopyTo(h[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[40..], (uint)Math.Min(uint.MaxValue, dataBytes));
        stream.Write(h);
    }

    public static (long DataOffset, long DataBytes) ReadHeader(Stream stream)
    {
        Span<byte> h = stackalloc byte[HeaderBytes];
        if (stream.Length < HeaderBytes || stream.Read(h) != HeaderBytes
            || !h[..4].SequenceEqual("RIFF"u8) || !h[8..12].SequenceEqual("WAVE"u8)
            || BinaryPrimitives.ReadInt16LittleEndian(h[22..]) != 1
            || BinaryPrimitives.ReadInt32LittleEndian(h[24..]) != PcmAudio.Rate
            || BinaryPrimitives.ReadInt16LittleEndian(h[34..]) != 16)
        {
            throw new MinutesException(Messages.Get("DecodedAudioWrongFormat"));
        }

        // The data size is taken from the file length: a 32-bit header field cannot describe
        // recordings over ~18 hours, and the file is written by us.
        return (HeaderBytes, (stream.Length - HeaderBytes) & ~1L);
    }
}
