using System.Buffers.Binary;
using System.Text;
using Minutes.Text;

namespace Minutes.Models;

/// <summary>
/// Reads the first bytes of a whisper.cpp ggml file to tell a Whisper model from a Silero VAD
/// model before either is handed to native code: whisper.cpp aborts the whole process (no
/// exception) when it is given the wrong kind, for instance a Whisper model as the VAD.
/// </summary>
/// <remarks>
/// Both start with the magic 0x67676d6c ("lmgg" on disk). A Whisper model continues with eleven
/// int32 hyper-parameters (n_vocab ≈ 51865, n_audio_ctx 1500, …, n_mels 80 or 128, ftype); the
/// Silero model continues with a length-prefixed type string ("silero-16k") and its version
/// (6, 2, 0 for v6.2.0).
/// </remarks>
public sealed record GgmlModelHeader(GgmlModelKind Kind, Message Description, IReadOnlyList<int>? Hyperparameters = null)
{
    public const uint Magic = 0x67676d6c;

    public static GgmlModelHeader Inspect(string path)
    {
        Span<byte> head = stackalloc byte[64];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        head = head[..read];
        if (read < 48 || BinaryPrimitives.ReadUInt32LittleEndian(head) != Magic)
        {
            var gguf = read >= 4 && head[..4].SequenceEqual("GGUF"u8);
            return new(GgmlModelKind.NotGgml, Messages.Of(gguf ? "ModelIsGguf" : "ModelNotGgml"));
        }

        var typeLength = BinaryPrimitives.ReadInt32LittleEndian(head[4..]);
        if (typeLength is > 0 and <= 32 && 8 + typeLength + 12 <= read)
        {
            var type = Encoding.ASCII.GetString(head.Slice(8, typeLength));
            if (type.StartsWith("silero", StringComparison.Ordinal))
            {
                var v = head[(8 + typeLength)..];
                var version = $"{BinaryPrimitives.ReadInt32LittleEndian(v)}.{BinaryPrimitives.ReadInt32LittleEndian(v[4..])}.{BinaryPrimitives.ReadInt32LittleEndian(v[8..])}";
                return new(GgmlModelKind.SileroVad, Messages.Of("ModelSilero", type, version));
            }
        }

        var hp = new int[11];
        for (var i = 0; i < hp.Length; i++)
        {
            hp[i] = BinaryPrimitives.ReadInt32LittleEndian(head[(4 + (i * 4))..]);
        }

        var (vocab, audioCtx, audioState, audioLayers, textCtx, mels, ftype) = (hp[0], hp[1], hp[2], hp[4], hp[5], hp[9], hp[10] % 1000);
        if (vocab is >= 50000 and <= 52000 && audioCtx is > 0 and <= 1500 && textCtx is > 0 and <= 448
            && audioState > 0 && audioLayers > 0 && mels is 80 or 128 && ftype >= 0)
        {
            return new(GgmlModelKind.Whisper, Messages.Of("ModelWhisper", audioState, audioLayers, mels, hp[10]), hp);
        }

        return new(GgmlModelKind.OtherGgml, Messages.Of("ModelOtherGgml"));
    }
}
