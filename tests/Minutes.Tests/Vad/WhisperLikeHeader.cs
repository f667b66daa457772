using System.Buffers.Binary;

namespace Minutes.Tests.Vad;

/// <summary>The first bytes of a whisper.cpp ggml Whisper model (tiny's hyper-parameters) followed by filler.</summary>
public static class WhisperLikeHeader
{
    public static byte[] Bytes(int extra)
    {
        int[] hparams = [51865, 1500, 384, 6, 4, 448, 384, 6, 4, 80, 1];
        var bytes = new byte[4 + (hparams.Length * 4) + extra];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, 0x67676d6c);
        for (var i = 0; i < hparams.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4 + (i * 4)), hparams[i]);
        }

        for (var i = 4 + (hparams.Length * 4); i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 31 % 253);
        }

        return bytes;
    }
}
