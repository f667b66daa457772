using System.Globalization;
using System.Text;

namespace Minutes.Tests.Support;

/// <summary>
/// Writes tiny Whisper models in whisper.cpp's legacy ggml format, so that tests can run the real
/// Whisper.net runtime where no real weights can be downloaded. Both models are multilingual
/// (n_vocab 51865, so <c>&lt;|ja|&gt;</c> exists), n_state 64, one head and one layer each, ftype 1:
/// 2-D matrices in F16 (the CPU convolution requires F16), biases, layer norms and positional
/// embeddings in F32. The tensor table and the header are <see cref="ShapeTrueWhisperModel"/>'s
/// (one source for whisper.cpp's names, shapes and types), at a shape of its own.
/// </summary>
public static class TinyWhisperModel
{
    /// <summary>The most text tokens <see cref="WriteCrafted"/> can chain (one embedding dimension each).</summary>
    public const int MaxCraftedTokens = State - 5;

    private const int Vocabulary = 51865;
    private const int TextTokens = 50257;
    private const int State = 64;
    private const int Hidden = 4 * State;
    private const int Mels = 80;
    private const int FftBins = 201;
    private const int SampleRate = 16000;

    // Special token ids of a multilingual vocabulary, as whisper.cpp numbers them after the text tokens.
    private const int EndOfText = 50257;
    private const int Transcribe = 50359;
    private const int NoTimestamps = 50363;
    private const int TimestampBegin = 50364;
    private const int LastTimestamp = TimestampBegin + 1500;

    // The crafted pieces take ids after the 256 single-byte tokens.
    private const int FirstCraftedId = 256;

    // One-hot embedding height, and how strongly the decoder MLP pushes a token's successor: the
    // winning logit is about 60, enough for p = 1.0 in float yet under ~80, because whisper.cpp
    // computes the no-speech probability against the largest logit of its whole buffer and a
    // larger one underflows its log-sum-exp (NoSpeechProbability then reads +Infinity).
    private const float Amplitude = 8f;
    private const float Step = 10f;

    /// <summary>n_state 64, one head, one encoder and one decoder layer, multilingual.</summary>
    private static readonly WhisperShape Shape = new("tiny-test", State, 1, 1, 1, Mels, Vocabulary);

    /// <summary>
    /// A model with small random weights: the encoder and the decoder loop run on real arithmetic;
    /// its output text is arbitrary (seed 1 on 10 s of noise: one segment, "&lt;48095&gt;").
    /// </summary>
    public static void WriteRandom(string path, int seed = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var random = new Random(seed);
        Write(path, BaseVocabulary(), spec =>
        {
            var values = new float[spec.Elements];
            if (IsNormWeight(spec.Name))
            {
                Array.Fill(values, 1f);
                return values;
            }

            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (float)((random.NextDouble() - 0.5) * 0.2);
            }

            return values;
        });
    }

    /// <summary>
    /// A model whose decoder emits exactly <paramref name="outputTokens"/>, in order, then ends the
    /// segment, for any audio, any initial prompt and any position. Each string becomes its own
    /// vocabulary entry (its UTF-8 bytes), so Japanese pieces are emitted as they are. Attention
    /// and positional embeddings are zero, so the next token depends on the current token only:
    /// each chained token's embedding is one-hot on its own dimension and the decoder MLP maps that
    /// dimension to its successor's. Chains: <c>&lt;|transcribe|&gt; → &lt;|0.00|&gt; → tokens →
    /// &lt;|30.00|&gt; → &lt;|endoftext|&gt;</c> with timestamps, and
    /// <c>&lt;|notimestamps|&gt; → tokens → &lt;|endoftext|&gt;</c> without.
    /// </summary>
    public static void WriteCrafted(string path, IReadOnlyList<string> outputTokens)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(outputTokens);
        if (outputTokens.Count is 0 or > MaxCraftedTokens)
        {
            throw new ArgumentOutOfRangeException(
                nameof(outputTokens),
                outputTokens.Count,
                string.Create(CultureInfo.InvariantCulture, $"Between 1 and {MaxCraftedTokens} tokens."));
        }

        if (outputTokens.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("Tokens must not be empty.", nameof(outputTokens));
        }

        var vocabulary = BaseVocabulary();
        for (var i = 0; i < outputTokens.Count; i++)
        {
            vocabulary[FirstCraftedId + i] = Encoding.UTF8.GetBytes(outputTokens[i]);
        }

        var edges = CraftedTransitions(outputTokens.Count);
        var slots = new Dictionary<int, int>();
        foreach (var (from, to, _) in edges)
        {
            slots.TryAdd(from, slots.Count);
            slots.TryAdd(to, slots.Count);
        }

        var embedding = new float[Vocabulary * State];
        foreach (var (token, slot) in slots)
        {
            embedding[(token * State) + slot] = Amplitude;
        }

        var up = new float[Hidden * State];
        for (var d = 0; d < State; d++)
        {
            up[(d * State) + d] = 1f;
        }

        var down = new float[State * Hidden];
        foreach (var (from, to, strength) in edges)
        {
            down[(slots[to] * Hidden) + slots[from]] = Step * strength;
        }

        Write(path, vocabulary, spec => spec.Name switch
        {
            "decoder.token_embedding.weight" => embedding,
            "decoder.blocks.0.mlp.0.weight" => up,
            "decoder.blocks.0.mlp.2.weight" => down,
            _ when IsNormWeight(spec.Name) => Filled((int)spec.Elements, 1f),
            _ => new float[spec.Elements],
        });
    }

    /// <summary>Which token follows which, with the relative strength of the push.</summary>
    private static List<(int From, int To, float Strength)> CraftedTransitions(int count)
    {
        var first = FirstCraftedId;
        var last = FirstCraftedId + count - 1;
        var edges = new List<(int From, int To, float Strength)>
        {
            (Transcribe, TimestampBegin, 1f),
            (TimestampBegin, first, 1f),
            (NoTimestamps, first, 1f),
        };
        for (var id = first; id < last; id++)
        {
            edges.Add((id, id + 1, 1f));
        }

        // After the last piece the closing <|30.00|> wins; with timestamps off it is masked and end-of-text is next best.
        edges.Add((last, LastTimestamp, 1f));
        edges.Add((last, EndOfText, 0.5f));
        edges.Add((LastTimestamp, EndOfText, 1f));
        return edges;
    }

    private static bool IsNormWeight(string name) =>
        name.EndsWith("ln.weight", StringComparison.Ordinal) || name.EndsWith("ln_post.weight", StringComparison.Ordinal);

    private static float[] Filled(int count, float value)
    {
        var values = new float[count];
        Array.Fill(values, value);
        return values;
    }

    /// <summary>
    /// The 256 single bytes (so any prompt can be tokenised and the token " " exists, which
    /// whisper.cpp's blank suppression looks up), then unique ASCII fillers up to 50,257 text tokens.
    /// </summary>
    internal static byte[][] BaseVocabulary()
    {
        var tokens = new byte[TextTokens][];
        for (var i = 0; i < TextTokens; i++)
        {
            tokens[i] = i < 256 ? [(byte)i] : Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"<{i}>"));
        }

        return tokens;
    }

    private static void Write(string path, byte[][] vocabulary, Func<GgmlTensor, float[]> values)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new BinaryWriter(stream);
        ShapeTrueWhisperModel.WriteHeader(writer, Shape, GgmlType.F16, vocabulary);
        foreach (var tensor in ShapeTrueWhisperModel.Tensors(Shape, GgmlType.F16))
        {
            var data = values(tensor);
            if (data.Length != tensor.Elements)
            {
                throw new InvalidOperationException($"{tensor.Name}: {data.Length} values for {tensor.Elements} elements.");
            }

            ShapeTrueWhisperModel.WriteTensorHeader(writer, tensor);
            var bytes = new byte[tensor.Bytes];
            GgmlBlocks.Encode(tensor.Type, data, bytes);
            writer.Write(bytes);
        }
    }

    /// <summary>Slaney-normalised mel filterbank (librosa's default, as Whisper uses) for 16 kHz and n_fft 400, for any number of mel bands (80, or 128 for large-v3).</summary>
    internal static void WriteMelFilters(BinaryWriter writer, int mels)
    {
        writer.Write(mels);
        writer.Write(FftBins);
        var maxMel = HertzToMel(SampleRate / 2.0);
        var edges = new double[mels + 2];
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = MelToHertz(maxMel * i / (mels + 1));
        }

        for (var m = 0; m < mels; m++)
        {
            var norm = 2.0 / (edges[m + 2] - edges[m]);
            for (var k = 0; k < FftBins; k++)
            {
                var hertz = k * (double)SampleRate / ((FftBins - 1) * 2);
                var rising = (hertz - edges[m]) / (edges[m + 1] - edges[m]);
                var falling = (edges[m + 2] - hertz) / (edges[m + 2] - edges[m + 1]);
                writer.Write((float)(Math.Max(0, Math.Min(rising, falling)) * norm));
            }
        }
    }

    private static double HertzToMel(double hertz) =>
        hertz < 1000 ? 3 * hertz / 200 : 15 + (27 * Math.Log(hertz / 1000) / Math.Log(6.4));

    private static double MelToHertz(double mel) =>
        mel < 15 ? 200 * mel / 3 : 1000 * Math.Exp(Math.Log(6.4) * (mel - 15) / 27);

    internal static void WriteVocabulary(BinaryWriter writer, byte[][] vocabulary)
    {
        writer.Write(vocabulary.Length);
        foreach (var token in vocabulary)
        {
            writer.Write(token.Length);
            writer.Write(token);
        }
    }
}
