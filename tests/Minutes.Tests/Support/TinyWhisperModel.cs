using System.Text;

namespace Minutes.Tests.Support;

/// <summary>
/// Writes tiny Whisper models in whisper.cpp's legacy ggml format, for running the real
/// Whisper.net runtime where no real weights can be downloaded. n_state 64, one layer each,
/// F16 matrices (the CPU convolution requires F16), F32 biases, norms and positional embeddings.
/// </summary>
public static class TinyWhisperModel
{
    private const int Vocabulary = 51865;
    private const int TextTokens = 50257;
    private const int State = 64;
    private const int AudioContext = 1500;
    private const int TextContext = 448;
    private const int Mels = 80;
    private const int EndOfText = 50257;
    private const int Transcribe = 50359;
    private const int TimestampBegin = 50364;
    private const int FirstCraftedToken = 1000;

    /// <summary>
    /// A model whose decoder emits exactly <paramref name="pieces"/> (then end of text) for any
    /// audio and any initial prompt: each token's embedding is one-hot on its own dimension, and
    /// the decoder's MLP maps that dimension to the next token's, so the next token depends on
    /// the current token only — never on the position, the prompt or the audio.
    /// </summary>
    public static void WriteCrafted(string path, IReadOnlyList<string> pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        if (pieces.Count == 0 || pieces.Count > State - 4)
        {
            throw new ArgumentOutOfRangeException(nameof(pieces), "between 1 and 60 pieces");
        }

        // The chain: <|transcribe|> → <|0.00|> → pieces… → <|endoftext|>, slot k on dimension k.
        var chain = new List<int> { Transcribe, TimestampBegin };
        chain.AddRange(Enumerable.Range(FirstCraftedToken, pieces.Count));
        chain.Add(EndOfText);

        const float amplitude = 8f;
        const float step = 10f;
        var embedding = new float[Vocabulary * State];
        for (var slot = 0; slot < chain.Count; slot++)
        {
            embedding[(chain[slot] * State) + slot] = amplitude;
        }

        var up = new float[4 * State * State];
        for (var d = 0; d < State; d++)
        {
            up[(d * State) + d] = 1f;
        }

        var down = new float[State * 4 * State];
        for (var slot = 0; slot + 1 < chain.Count; slot++)
        {
            down[((slot + 1) * 4 * State) + slot] = step;
        }

        var vocabulary = BaseVocabulary();
        for (var i = 0; i < pieces.Count; i++)
        {
            vocabulary[FirstCraftedToken + i] = Encoding.UTF8.GetBytes(pieces[i]);
        }

        Write(path, vocabulary, name => name switch
        {
            "decoder.token_embedding.weight" => embedding,
            "decoder.blocks.0.mlp.0.weight" => up,
            "decoder.blocks.0.mlp.2.weight" => down,
            _ when name.EndsWith("ln.weight", StringComparison.Ordinal) || name.EndsWith("ln_post.weight", StringComparison.Ordinal) => Filled(State, 1f),
            _ => null,
        });
    }

    /// <summary>Random small weights: the full encoder and decoder run, with arbitrary output.</summary>
    public static void WriteRandom(string path, int seed = 1)
    {
        var random = new Random(seed);
        Write(path, BaseVocabulary(), name =>
        {
            if (name.EndsWith("ln.weight", StringComparison.Ordinal) || name.EndsWith("ln_post.weight", StringComparison.Ordinal))
            {
                return Filled(State, 1f);
            }

            var count = Tensors().First(t => t.Name == name).Shape.Aggregate(1, (a, b) => a * b);
            var values = new float[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = (float)((random.NextDouble() - 0.5) * 0.2);
            }

            return values;
        });
    }

    private static float[] Filled(int count, float value)
    {
        var values = new float[count];
        Array.Fill(values, value);
        return values;
    }

    /// <summary>Byte tokens 0–255 (so every prompt can be tokenised, and " " exists), then unique fillers.</summary>
    private static byte[][] BaseVocabulary()
    {
        var tokens = new byte[TextTokens][];
        for (var i = 0; i < TextTokens; i++)
        {
            tokens[i] = i < 256 ? [(byte)i] : Encoding.ASCII.GetBytes($"<{i}>");
        }

        return tokens;
    }

    private static void Write(string path, byte[][] vocabulary, Func<string, float[]?> values)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new BinaryWriter(stream);
        writer.Write(0x67676d6c);
        foreach (var value in new[] { Vocabulary, AudioContext, State, 1, 1, TextContext, State, 1, 1, Mels, 1 })
        {
            writer.Write(value);
        }

        writer.Write(Mels);
        writer.Write(201);
        writer.Write(new byte[Mels * 201 * 4]);
        writer.Write(vocabulary.Length);
        foreach (var token in vocabulary)
        {
            writer.Write(token.Length);
            writer.Write(token);
        }

        foreach (var (name, shape, half) in Tensors())
        {
            var count = shape.Aggregate(1, (a, b) => a * b);
            var data = values(name) ?? new float[count];
            writer.Write(shape.Length);
            writer.Write(Encoding.ASCII.GetByteCount(name));
            writer.Write(half ? 1 : 0);
            foreach (var dimension in shape)
            {
                writer.Write(dimension);
            }

            writer.Write(Encoding.ASCII.GetBytes(name));
            foreach (var value in data)
            {
                if (half)
                {
                    writer.Write((Half)value);
                }
                else
                {
                    writer.Write(value);
                }
            }
        }
    }

    /// <summary>Tensor names and shapes (ggml order: fastest dimension first) as whisper.cpp loads them.</summary>
    private static IEnumerable<(string Name, int[] Shape, bool Half)> Tensors()
    {
        const int n = State;
        yield return ("encoder.positional_embedding", [n, AudioContext], false);
        yield return ("encoder.conv1.weight", [3, Mels, n], true);
        yield return ("encoder.conv1.bias", [1, n], false);
        yield return ("encoder.conv2.weight", [3, n, n], true);
        yield return ("encoder.conv2.bias", [1, n], false);
        yield return ("encoder.ln_post.weight", [n], false);
        yield return ("encoder.ln_post.bias", [n], false);
        foreach (var t in Block("encoder.blocks.0", cross: false))
        {
            yield return t;
        }

        yield return ("decoder.positional_embedding", [n, TextContext], false);
        yield return ("decoder.token_embedding.weight", [n, Vocabulary], true);
        yield return ("decoder.ln.weight", [n], false);
        yield return ("decoder.ln.bias", [n], false);
        foreach (var t in Block("decoder.blocks.0", cross: true))
        {
            yield return t;
        }
    }

    private static IEnumerable<(string Name, int[] Shape, bool Half)> Block(string prefix, bool cross)
    {
        const int n = State;
        yield return ($"{prefix}.mlp_ln.weight", [n], false);
        yield return ($"{prefix}.mlp_ln.bias", [n], false);
        yield return ($"{prefix}.mlp.0.weight", [n, 4 * n], true);
        yield return ($"{prefix}.mlp.0.bias", [4 * n], false);
        yield return ($"{prefix}.mlp.2.weight", [4 * n, n], true);
        yield return ($"{prefix}.mlp.2.bias", [n], false);
        foreach (var attention in cross ? new[] { "attn", "cross_attn" } : ["attn"])
        {
            yield return ($"{prefix}.{attention}_ln.weight", [n], false);
            yield return ($"{prefix}.{attention}_ln.bias", [n], false);
            yield return ($"{prefix}.{attention}.query.weight", [n, n], true);
            yield return ($"{prefix}.{attention}.query.bias", [n], false);
            yield return ($"{prefix}.{attention}.key.weight", [n, n], true);
            yield return ($"{prefix}.{attention}.value.weight", [n, n], true);
            yield return ($"{prefix}.{attention}.value.bias", [n], false);
            yield return ($"{prefix}.{attention}.out.weight", [n, n], true);
            yield return ($"{prefix}.{attention}.out.bias", [n], false);
        }
    }
}
