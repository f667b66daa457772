using System.Buffers.Binary;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Audio;

/// <summary>
/// A RIFF/WAVE reader of its own, so that what real recorders write can be read and what they get
/// wrong can be repaired and reported: PCM 8/16/24/32-bit, IEEE float 32/64-bit, WAVE_FORMAT_EXTENSIBLE,
/// any rate and channel count; a data size that lies (0, 0xFFFFFFFF from streaming writers, or
/// more than the file holds) and a last frame cut short. It also reads a WAV stream that cannot seek
/// (ffmpeg's output on a pipe, <see cref="FfmpegSource"/>): chunks are skipped by reading, and data
/// whose size is not yet known (0 or 0xFFFFFFFF) runs to the end of the stream.
/// </summary>
internal sealed class WavSource : ISampleSource
{
    private const int FormatPcm = 1;
    private const int FormatFloat = 3;
    private const int FormatExtensible = 0xFFFE;
    private readonly Stream _stream;
    private readonly long _dataStart;
    private readonly long _dataEnd;
    private readonly int _bytesPerSample;
    private readonly bool _float;
    private readonly bool _seekable;
    private byte[] _bytes = [];
    private long _position;

    private WavSource(Stream stream, int rate, int channels, int bits, bool isFloat, long dataStart, long dataEnd, List<string> warnings)
    {
        _stream = stream;
        SampleRate = rate;
        Channels = channels;
        BitsPerSample = bits;
        _float = isFloat;
        _bytesPerSample = bits / 8;
        _dataStart = dataStart;
        _dataEnd = dataEnd;
        Warnings = warnings;
        _seekable = stream.CanSeek;
        _position = dataStart;
        if (_seekable)
        {
            _stream.Position = dataStart;
        }
    }

    public int SampleRate { get; }

    public int Channels { get; }

    public int BitsPerSample { get; }

    public string Codec => _float ? $"ieee_float{BitsPerSample}" : $"pcm_{(BitsPerSample == 8 ? "u8" : $"s{BitsPerSample}le")}";

    public IReadOnlyList<string> Warnings { get; }

    public double? Position => _seekable && _dataEnd > _dataStart ? (double)(_position - _dataStart) / (_dataEnd - _dataStart) : null;

    public static WavSource Open(Stream stream, string name)
    {
        var warnings = new List<string>();
        // Without a length (a pipe) every size is believed until the stream ends.
        var length = stream.CanSeek ? stream.Length : long.MaxValue;
        Span<byte> header = stackalloc byte[12];
        stream.ReadExactly(header);
        long at = 12;
        int format = 0, channels = 0, rate = 0, bits = 0;
        var haveFormat = false;
        Span<byte> chunk = stackalloc byte[8];
        while (true)
        {
            if (stream.ReadAtLeast(chunk, 8, throwOnEndOfStream: false) < 8)
            {
                throw new MinutesException(Messages.Get("WavNoData", name));
            }

            at += 8;
            var id = System.Text.Encoding.ASCII.GetString(chunk[..4]);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (id == "fmt ")
            {
                if (size < 16 || size > ushort.MaxValue || at + size > length)
                {
                    throw new MinutesException(Messages.Get("WavBrokenFormat", name));
                }

                var fmt = new byte[size];
                stream.ReadExactly(fmt);
                at += size;
                format = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(2));
                rate = BinaryPrimitives.ReadInt32LittleEndian(fmt.AsSpan(4));
                bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(14));
                if (format == FormatExtensible && size >= 40)
                {
                    // The sub-format GUID starts with the plain format tag.
                    format = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(24));
                }

                haveFormat = true;
                at += SkipPad(stream, size, at, length);
            }
            else if (id == "data")
            {
                if (!haveFormat)
                {
                    throw new MinutesException(Messages.Get("WavDataBeforeFormat", name));
                }

                Validate(name, format, channels, rate, bits);
                var start = at;
                var available = length - start;
                long end;
                if (!stream.CanSeek)
                {
                    // A streaming writer cannot know the size when it writes the header: not a repair.
                    end = size is 0 or uint.MaxValue ? long.MaxValue : start + size;
                }
                else if (size == 0 || size == uint.MaxValue || size > available)
                {
                    end = stream.Length;
                    warnings.Add($"the WAV header says {size} bytes of audio but the file holds {available}; decoded what is there");
                }
                else
                {
                    end = start + size;
                }

                var frame = channels * (bits / 8);
                var whole = end == long.MaxValue ? end - start : (end - start) / frame * frame;
                if (whole != end - start)
                {
                    warnings.Add("the last audio frame is cut short; it was dropped");
                }

                return new WavSource(stream, rate, channels, bits, format == FormatFloat, start, start + whole, warnings);
            }
            else
            {
                if (at + size > length)
                {
                    throw new MinutesException(Messages.Get("WavTruncated", name));
                }

                Skip(stream, size);
                at += size;
                at += SkipPad(stream, size, at, length);
            }
        }
    }

    public int Read(float[] buffer, int offset, int count)
    {
        var remaining = _dataEnd - _position;
        var samples = (int)Math.Min(count, remaining / _bytesPerSample);
        if (samples <= 0)
        {
            return 0;
        }

        var need = samples * _bytesPerSample;
        if (_bytes.Length < need)
        {
            _bytes = new byte[need];
        }

        // A pipe hands over what it has; its last read may end short (a seekable file never does, the data's end is known).
        var got = _stream.ReadAtLeast(_bytes.AsSpan(0, need), need, throwOnEndOfStream: false);
        _position += got;
        samples = got / _bytesPerSample;
        var span = _bytes.AsSpan(0, need);
        for (var i = 0; i < samples; i++)
        {
            buffer[offset + i] = Sample(span.Slice(i * _bytesPerSample, _bytesPerSample));
        }

        return samples;
    }

    public void Dispose() => _stream.Dispose();

    private float Sample(ReadOnlySpan<byte> b) => (_float, BitsPerSample) switch
    {
        (true, 32) => BinaryPrimitives.ReadSingleLittleEndian(b),
        (true, _) => (float)BinaryPrimitives.ReadDoubleLittleEndian(b),
        (false, 8) => (b[0] - 128) / 128f,
        (false, 16) => BinaryPrimitives.ReadInt16LittleEndian(b) / 32768f,
        (false, 24) => ((b[2] << 24) | (b[1] << 16) | (b[0] << 8)) / 2147483648f,
        _ => BinaryPrimitives.ReadInt32LittleEndian(b) / 2147483648f,
    };

    private static void Validate(string name, int format, int channels, int rate, int bits)
    {
        var supported = (format == FormatPcm && bits is 8 or 16 or 24 or 32) || (format == FormatFloat && bits is 32 or 64);
        if (!supported)
        {
            throw new MinutesException(Messages.Get("WavUnsupportedEncoding", name, format, bits));
        }

        if (channels is < 1 or > 64 || rate is < 1000 or > 768000)
        {
            throw new MinutesException(Messages.Get("WavInvalidHeader", name, channels, rate));
        }
    }

    /// <summary>Steps over a chunk's pad byte (odd sizes) when the stream has one; the bytes stepped over.</summary>
    private static int SkipPad(Stream stream, uint size, long at, long length)
    {
        if (size % 2 == 0 || at >= length)
        {
            return 0;
        }

        Skip(stream, 1);
        return 1;
    }

    private static void Skip(Stream stream, long bytes)
    {
        if (stream.CanSeek)
        {
            stream.Seek(bytes, SeekOrigin.Current);
            return;
        }

        var buffer = new byte[(int)Math.Min(bytes, 1 << 16)];
        while (bytes > 0)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(bytes, buffer.Length));
            if (read == 0)
            {
                throw new EndOfStreamException();
            }

            bytes -= read;
        }
    }
}
