using System.Globalization;
using System.Text;

namespace Minutes.Tests.Support;

/// <summary>
/// Whisper models with the published shapes and random weights: the hyper-parameters, tensor
/// names, shapes and types of whisper.cpp's <c>ggml-NAME.bin</c> files (written by
/// <c>models/convert-pt-to-ggml.py</c>, quantized by <c>examples/quantize</c>), so that the real
/// runtime spends on them what it spends on the real models: the encoder exactly, the decoder
/// per token. Their output is noise. Generated on demand into a cache, never committed.
/// </summary>
/// <remarks>
/// Hyper-parameters from OpenAI's <c>whisper/__init__.py</c> model dimensions (n_audio_ctx 1500,
/// n_text_ctx 448; large-v3 and its turbo: 128 mel bands and n_vocab 51866). Types: in F16 files
/// every tensor of two or more dimensions is F16 except the conv biases and positional embeddings
/// (F32); quantizing changes every 2-D tensor but those four (the quantizer's <c>to_skip</c>), the
/// 3-D conv kernels stay F16. The header's ftype carries the quantization version in its thousands
/// (2: 2007 is q8_0, 2008 q5_0). Random values are drawn once into a pool and tiled across the
/// tensors at random block offsets, so a 1.5 GiB file is written at disk speed.
/// </remarks>
public static class ShapeTrueWhisperModel
{
    /// <summary>Bumped when the generator changes, so cached files from an older one are not used.</summary>
    public const int GeneratorVersion = 1;

    public static IReadOnlyList<WhisperShape> Shapes { get; } =
    [
        new("tiny", 384, 6, 4, 4, 80, 51865),
        new("base", 512, 8, 6, 6, 80, 51865),
        new("small", 768, 12, 12, 12, 80, 51865),
        new("medium", 1024, 16, 24, 24, 80, 51865),
        new("large-v3", 1280, 20, 32, 32, 128, 51866),
        new("large-v3-turbo", 1280, 20, 32, 4, 128, 51866),
    ];

    /// <summary>"base", "small-q8_0", "large-v3-turbo-q5_0" …: the shape and the weight type.</summary>
    public static (WhisperShape Shape, GgmlType Type) Parse(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var type = GgmlType.F16;
        var shapeName = name;
        foreach (var (suffix, t) in new[] { ("-q5_0", GgmlType.Q5_0), ("-q8_0", GgmlType.Q8_0), ("-f16", GgmlType.F16) })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                type = t;
                shapeName = name[..^suffix.Length];
            }
        }

        var shape = Shapes.FirstOrDefault(s => string.Equals(s.Name, shapeName, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"No shape-true model '{name}'; known: {string.Join(", ", Shapes.Select(s => s.Name))} (optionally -q5_0 or -q8_0).", nameof(name));
        return (shape, type);
    }

    /// <summary>The file of <paramref name="name"/> in <paramref name="cache"/>, written first when it is not there.</summary>
    public static string Ensure(string name, string cache)
    {
        var (shape, type) = Parse(name);
        Directory.CreateDirectory(cache);
        var path = Path.Combine(cache, string.Create(CultureInfo.InvariantCulture, $"shape-true-v{GeneratorVersion}-{name.ToLowerInvariant()}.bin"));
        if (File.Exists(path) && new FileInfo(path).Length == FileBytes(shape, type))
        {
            return path;
        }

        var temporary = path + ".part";
        Write(temporary, shape, type);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>The header's ftype: 1 for F16; 2007 (q8_0) and 2008 (q5_0) for quantization version 2.</summary>
    public static int FileType(GgmlType type) => type switch
    {
        GgmlType.F16 => 1,
        GgmlType.Q8_0 => 2000 + 7,
        GgmlType.Q5_0 => 2000 + 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Every tensor of the model, in order, with the type it has in a file of <paramref name="weights"/>.</summary>
    public static IEnumerable<GgmlTensor> Tensors(WhisperShape shape, GgmlType weights)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var n = shape.State;
        GgmlTensor Matrix(string name, params long[] dims) => new(name, dims.Length == 3 ? GgmlType.F16 : weights, dims);
        GgmlTensor F32(string name, params long[] dims) => new(name, GgmlType.F32, dims);

        yield return F32("encoder.positional_embedding", n, 1500);
        yield return Matrix("encoder.conv1.weight", 3, shape.Mels, n);
        yield return F32("encoder.conv1.bias", 1, n);
        yield return Matrix("encoder.conv2.weight", 3, n, n);
        yield return F32("encoder.conv2.bias", 1, n);
        for (var i = 0; i < shape.AudioLayers; i++)
        {
            foreach (var t in Block($"encoder.blocks.{i}", n, ["attn"], Matrix, F32))
            {
                yield return t;
            }
        }

        yield return F32("encoder.ln_post.weight", n);
        yield return F32("encoder.ln_post.bias", n);
        yield return F32("decoder.positional_embedding", n, 448);
        yield return Matrix("decoder.token_embedding.weight", n, shape.Vocabulary);
        for (var i = 0; i < shape.TextLayers; i++)
        {
            foreach (var t in Block($"decoder.blocks.{i}", n, ["attn", "cross_attn"], Matrix, F32))
            {
                yield return t;
            }
        }

        yield return F32("decoder.ln.weight", n);
        yield return F32("decoder.ln.bias", n);
    }

    /// <summary>The file's size, computed from the tensor table without writing it.</summary>
    public static long FileBytes(WhisperShape shape, GgmlType weights)
    {
        ArgumentNullException.ThrowIfNull(shape);
        long header = 4 + (11 * 4) + 8 + (shape.Mels * 201 * 4L) + 4 + TinyWhisperModel.BaseVocabulary().Sum(t => 4L + t.Length);
        return header + Tensors(shape, weights).Sum(t => 4 + 4 + 4 + (4L * t.Dims.Count) + Encoding.ASCII.GetByteCount(t.Name) + t.Bytes);
    }

    public static void Write(string path, WhisperShape shape, GgmlType weights, int seed = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(shape);
        var random = new Random(seed);
        var pools = new Dictionary<GgmlType, byte[]>();
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 22);
        using var writer = new BinaryWriter(stream);
        WriteHeader(writer, shape, weights, TinyWhisperModel.BaseVocabulary());
        foreach (var tensor in Tensors(shape, weights))
        {
            WriteTensorHeader(writer, tensor);
            if (tensor.Type == GgmlType.F32)
            {
                WriteF32(writer, tensor, random);
                continue;
            }

            if (!pools.TryGetValue(tensor.Type, out var pool))
            {
                pools[tensor.Type] = pool = Pool(tensor.Type, random);
            }

            Tile(writer, pool, tensor, random);
        }
    }

    /// <summary>The magic, the hyper-parameters of <paramref name="shape"/>, the mel filterbank and <paramref name="vocabulary"/>.</summary>
    internal static void WriteHeader(BinaryWriter writer, WhisperShape shape, GgmlType weights, byte[][] vocabulary)
    {
        writer.Write(0x67676d6c);
        int[] hparams = [shape.Vocabulary, 1500, shape.State, shape.Heads, shape.AudioLayers, 448, shape.State, shape.Heads, shape.TextLayers, shape.Mels, FileType(weights)];
        foreach (var value in hparams)
        {
            writer.Write(value);
        }

        TinyWhisperModel.WriteMelFilters(writer, shape.Mels);
        TinyWhisperModel.WriteVocabulary(writer, vocabulary);
    }

    /// <summary>A tensor's declaration (dimension count, name length, type, dimensions, name); its data follows.</summary>
    internal static void WriteTensorHeader(BinaryWriter writer, GgmlTensor tensor)
    {
        var name = Encoding.ASCII.GetBytes(tensor.Name);
        writer.Write(tensor.Dims.Count);
        writer.Write(name.Length);
        writer.Write((int)tensor.Type);
        foreach (var dimension in tensor.Dims)
        {
            writer.Write((int)dimension);
        }

        writer.Write(name);
    }

    private static IEnumerable<GgmlTensor> Block(string prefix, long n, string[] attentions, Func<string, long[], GgmlTensor> matrix, Func<string, long[], GgmlTensor> f32)
    {
        foreach (var attention in attentions)
        {
            yield return matrix($"{prefix}.{attention}.query.weight", [n, n]);
            yield return f32($"{prefix}.{attention}.query.bias", [n]);
            yield return matrix($"{prefix}.{attention}.key.weight", [n, n]);
            yield return matrix($"{prefix}.{attention}.value.weight", [n, n]);
            yield return f32($"{prefix}.{attention}.value.bias", [n]);
            yield return matrix($"{prefix}.{attention}.out.weight", [n, n]);
            yield return f32($"{prefix}.{attention}.out.bias", [n]);
            yield return f32($"{prefix}.{attention}_ln.weight", [n]);
            yield return f32($"{prefix}.{attention}_ln.bias", [n]);
        }

        yield return matrix($"{prefix}.mlp.0.weight", [n, 4 * n]);
        yield return f32($"{prefix}.mlp.0.bias", [4 * n]);
        yield return matrix($"{prefix}.mlp.2.weight", [4 * n, n]);
        yield return f32($"{prefix}.mlp.2.bias", [n]);
        yield return f32($"{prefix}.mlp_ln.weight", [n]);
        yield return f32($"{prefix}.mlp_ln.bias", [n]);
    }

    /// <summary>Layer-norm gains are 1 (as trained models' are, near enough); the rest small random values.</summary>
    private static void WriteF32(BinaryWriter writer, GgmlTensor tensor, Random random)
    {
        var one = tensor.Name.EndsWith("ln.weight", StringComparison.Ordinal) || tensor.Name.EndsWith("ln_post.weight", StringComparison.Ordinal);
        var values = new float[tensor.Elements];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = one ? 1f : (float)((random.NextDouble() - 0.5) * 0.04);
        }

        var bytes = new byte[tensor.Bytes];
        GgmlBlocks.Encode(GgmlType.F32, values, bytes);
        writer.Write(bytes);
    }

    /// <summary>4 MiB of random weights (±0.02, GPT-2's initial scale), encoded by the real block encoder.</summary>
    private static byte[] Pool(GgmlType type, Random random)
    {
        var values = new float[1 << 20];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() - 0.5) * 0.04);
        }

        var bytes = new byte[GgmlBlocks.SizeOf(type, values.Length)];
        GgmlBlocks.Encode(type, values, bytes);
        return bytes;
    }

    private static void Tile(BinaryWriter writer, byte[] pool, GgmlTensor tensor, Random random)
    {
        var unit = (int)GgmlBlocks.SizeOf(tensor.Type, GgmlBlocks.BlockSize);
        var offset = random.Next(pool.Length / unit) * unit;
        var left = tensor.Bytes;
        while (left > 0)
        {
            var take = (int)Math.Min(left, pool.Length - offset);
            writer.Write(pool, offset, take);
            left -= take;
            offset = 0;
        }
    }
}

/// <summary>A Whisper model's dimensions (OpenAI's <c>ModelDimensions</c>; audio and text share n_state and n_head).</summary>
public sealed record WhisperShape(string Name, int State, int Heads, int AudioLayers, int TextLayers, int Mels, int Vocabulary);

/// <summary>A tensor as a ggml file declares it: dimensions in ggml order (fastest first).</summary>
public sealed record GgmlTensor(string Name, GgmlType Type, IReadOnlyList<long> Dims)
{
    public long Elements => Dims.Aggregate(1L, (product, dimension) => product * dimension);

    public long Bytes => GgmlBlocks.SizeOf(Type, Elements);
}
