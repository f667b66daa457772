using System.Buffers.Binary;

namespace Minutes.Tests.Support;

/// <summary>
/// ggml's tensor encodings for whisper.cpp model files: F32, F16 and the quantized block formats
/// q8_0 and q5_0 (ggml-quants.c, <c>quantize_row_q8_0_ref</c> / <c>quantize_row_q5_0_ref</c>),
/// 32 values per block with an F16 scale in front.
/// </summary>
public static class GgmlBlocks
{
    public const int BlockSize = 32;

    /// <summary>Bytes of one q8_0 block: <c>ggml_half d; int8 qs[32]</c>.</summary>
    public const int Q8_0Bytes = 2 + BlockSize;

    /// <summary>Bytes of one q5_0 block: <c>ggml_half d; uint8 qh[4]; uint8 qs[16]</c>.</summary>
    public const int Q5_0Bytes = 2 + 4 + (BlockSize / 2);

    /// <summary>Bytes a tensor of <paramref name="elements"/> values takes in <paramref name="type"/>.</summary>
    public static long SizeOf(GgmlType type, long elements) => type switch
    {
        GgmlType.F32 => elements * 4,
        GgmlType.F16 => elements * 2,
        GgmlType.Q8_0 => elements / BlockSize * Q8_0Bytes,
        GgmlType.Q5_0 => elements / BlockSize * Q5_0Bytes,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static void Encode(GgmlType type, ReadOnlySpan<float> values, Span<byte> output)
    {
        switch (type)
        {
            case GgmlType.F32:
                for (var i = 0; i < values.Length; i++)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(output[(i * 4)..], values[i]);
                }

                break;
            case GgmlType.F16:
                for (var i = 0; i < values.Length; i++)
                {
                    BinaryPrimitives.WriteHalfLittleEndian(output[(i * 2)..], (Half)values[i]);
                }

                break;
            case GgmlType.Q8_0:
                for (var b = 0; b < values.Length / BlockSize; b++)
                {
                    QuantizeQ8_0(values.Slice(b * BlockSize, BlockSize), output.Slice(b * Q8_0Bytes, Q8_0Bytes));
                }

                break;
            case GgmlType.Q5_0:
                for (var b = 0; b < values.Length / BlockSize; b++)
                {
                    QuantizeQ5_0(values.Slice(b * BlockSize, BlockSize), output.Slice(b * Q5_0Bytes, Q5_0Bytes));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type));
        }
    }

    /// <summary>The values a block encodes (ggml's <c>dequantize_row_*</c>), for tests of the encoders.</summary>
    public static float[] Decode(GgmlType type, ReadOnlySpan<byte> block)
    {
        var d = (float)BinaryPrimitives.ReadHalfLittleEndian(block);
        var values = new float[BlockSize];
        if (type == GgmlType.Q8_0)
        {
            for (var j = 0; j < BlockSize; j++)
            {
                values[j] = (sbyte)block[2 + j] * d;
            }

            return values;
        }

        var qh = BinaryPrimitives.ReadUInt32LittleEndian(block[2..]);
        var qs = block[6..];
        for (var j = 0; j < BlockSize / 2; j++)
        {
            var low = (qs[j] & 0x0F) | (int)(((qh >> j) & 1) << 4);
            var high = (qs[j] >> 4) | (int)(((qh >> (j + 16)) & 1) << 4);
            values[j] = (low - 16) * d;
            values[j + 16] = (high - 16) * d;
        }

        return values;
    }

    private static void QuantizeQ8_0(ReadOnlySpan<float> x, Span<byte> y)
    {
        var amax = 0f;
        foreach (var v in x)
        {
            amax = Math.Max(amax, Math.Abs(v));
        }

        var d = amax / 127f;
        var id = d != 0 ? 1f / d : 0f;
        BinaryPrimitives.WriteHalfLittleEndian(y, (Half)d);
        for (var j = 0; j < BlockSize; j++)
        {
            y[2 + j] = (byte)(sbyte)MathF.Round(x[j] * id, MidpointRounding.AwayFromZero);
        }
    }

    private static void QuantizeQ5_0(ReadOnlySpan<float> x, Span<byte> y)
    {
        // The scale maps the value of largest magnitude, with its sign, to -16.
        float amax = 0, max = 0;
        foreach (var v in x)
        {
            if (amax < Math.Abs(v))
            {
                amax = Math.Abs(v);
                max = v;
            }
        }

        var d = max / -16f;
        var id = d != 0 ? 1f / d : 0f;
        BinaryPrimitives.WriteHalfLittleEndian(y, (Half)d);
        uint qh = 0;
        for (var j = 0; j < BlockSize / 2; j++)
        {
            var xi0 = (byte)Math.Min(31, (int)(sbyte)((x[j] * id) + 16.5f));
            var xi1 = (byte)Math.Min(31, (int)(sbyte)((x[j + 16] * id) + 16.5f));
            y[6 + j] = (byte)((xi0 & 0x0F) | ((xi1 & 0x0F) << 4));
            qh |= (uint)((xi0 & 0x10) >> 4) << j;
            qh |= (uint)((xi1 & 0x10) >> 4) << (j + 16);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(y[2..], qh);
    }
}

/// <summary>ggml's type ids as they are written in a model file.</summary>
public enum GgmlType
{
    F32 = 0,
    F16 = 1,
    Q5_0 = 6,
    Q8_0 = 8,
}
