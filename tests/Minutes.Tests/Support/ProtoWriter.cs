using System.Buffers.Binary;
using System.Text;

namespace Minutes.Tests.Support;

/// <summary>
/// The few protobuf wire types an ONNX model needs (varint, 32-bit, length-delimited), so tests
/// can hand-encode small models: no protobuf or ONNX package is served here.
/// </summary>
public sealed class ProtoWriter
{
    private const int VarintType = 0;
    private const int LengthType = 2;
    private const int Fixed32Type = 5;

    private readonly MemoryStream _stream = new();

    public ProtoWriter Int(int field, long value)
    {
        Tag(field, VarintType);
        Varint(_stream, (ulong)value);
        return this;
    }

    public ProtoWriter Float(int field, float value)
    {
        Tag(field, Fixed32Type);
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        _stream.Write(bytes);
        return this;
    }

    public ProtoWriter Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, LengthType);
        Varint(_stream, (ulong)value.Length);
        _stream.Write(value);
        return this;
    }

    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoWriter Message(int field, ProtoWriter message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Bytes(field, message.ToArray());
    }

    /// <summary>A repeated integer field, packed (one length-delimited run of varints).</summary>
    public ProtoWriter PackedInts(int field, IEnumerable<long> values)
    {
        using var packed = new MemoryStream();
        foreach (var v in values)
        {
            Varint(packed, (ulong)v);
        }

        return Bytes(field, packed.ToArray());
    }

    /// <summary>Floats as little-endian bytes (an ONNX tensor's <c>raw_data</c>).</summary>
    public static byte[] LittleEndian(IReadOnlyList<float> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var bytes = new byte[values.Count * 4];
        for (var i = 0; i < values.Count; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        }

        return bytes;
    }

    public byte[] ToArray() => _stream.ToArray();

    private void Tag(int field, int wireType) => Varint(_stream, (ulong)((field << 3) | wireType));

    private static void Varint(Stream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }
}
