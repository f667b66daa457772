namespace Minutes.Tests.Support;

/// <summary>
/// A small speaker-embedding model in ONNX, hand-encoded (ir_version 8, opset 13), for tests of
/// the <c>--speaker-model</c> path where no real model can be downloaded. Graph:
/// <c>feats [N, T, 80]</c> → per window the mean and the mean square of each bin over time
/// (<c>ReduceMean</c> over axis 1) → concatenated <c>[N, 160]</c> → <c>MatMul</c> with a fixed
/// seeded matrix <c>W [160, 32]</c> → <c>embs [N, 32]</c>. The window's features are
/// mean-normalised before they reach the model, so what tells voices apart is the second half:
/// how much each band varies over the window.
/// </summary>
public static class TinySpeakerModel
{
    public const int Bins = 80;
    public const int Dimensions = 32;
    private const int Statistics = 2 * Bins;

    // ONNX enums.
    private const int FloatType = 1;
    private const int IntAttribute = 2;
    private const int IntsAttribute = 7;

    /// <summary>The projection, <c>[160, 32]</c> row-major, uniform in [-1, 1) from a fixed seed.</summary>
    public static IReadOnlyList<float> Weights { get; } = MakeWeights(Statistics);

    /// <summary>
    /// Writes the model. <paramref name="batch"/> null = a free batch dimension ("N"), else fixed;
    /// <paramref name="bins"/> and <paramref name="rank3"/> make deliberately unfit inputs;
    /// another <paramref name="producer"/> makes another file (digest) computing the same.
    /// </summary>
    public static string Write(string path, int? batch = null, int bins = Bins, bool rank3 = true, string producer = "minutes-tests", int dimensions = Dimensions)
    {
        File.WriteAllBytes(path, Build(batch, bins, rank3, producer, dimensions));
        return path;
    }

    /// <param name="dimensions">The embedding's size (a published model's, to check its shape end to end).</param>
    public static byte[] Build(int? batch = null, int bins = Bins, bool rank3 = true, string producer = "minutes-tests", int dimensions = Dimensions)
    {
        // Without the batch dimension (an unfit model, but a valid one) time is axis 0.
        var inputShape = rank3 ? new object?[] { batch, "T", bins } : ["T", bins];
        var outputShape = rank3 ? new object?[] { batch, dimensions } : [dimensions];
        var time = rank3 ? 1 : 0;
        var graph = new ProtoWriter()
            .Message(1, Node("ReduceMean", ["feats"], ["mean"], Ints("axes", time), Int("keepdims", 0)))
            .Message(1, Node("Mul", ["feats", "feats"], ["squares"]))
            .Message(1, Node("ReduceMean", ["squares"], ["power"], Ints("axes", time), Int("keepdims", 0)))
            .Message(1, Node("Concat", ["mean", "power"], ["stats"], Int("axis", time)))
            .Message(1, Node("MatMul", ["stats", "W"], ["embs"]))
            .String(2, "tiny-speaker")
            .Message(5, new ProtoWriter()
                .PackedInts(1, [2 * bins, dimensions])
                .Int(2, FloatType)
                .String(8, "W")
                .Bytes(9, ProtoWriter.LittleEndian(bins == Bins && dimensions == Dimensions ? Weights : MakeWeights(2 * bins, dimensions))))
            .Message(11, Value("feats", inputShape))
            .Message(12, Value("embs", outputShape));
        return new ProtoWriter()
            .Int(1, 8)
            .String(2, producer)
            .Message(7, graph)
            .Message(8, new ProtoWriter().String(1, "").Int(2, 13))
            .ToArray();
    }

    /// <summary>What the model computes for one window of <paramref name="frames"/> rows of 80 features, in double precision.</summary>
    public static float[] Expected(ReadOnlySpan<float> window, int frames)
    {
        var stats = new double[Statistics];
        for (var t = 0; t < frames; t++)
        {
            for (var b = 0; b < Bins; b++)
            {
                var x = window[(t * Bins) + b];
                stats[b] += x / frames;
                stats[Bins + b] += x * x / frames;
            }
        }

        var result = new float[Dimensions];
        for (var d = 0; d < Dimensions; d++)
        {
            var sum = 0.0;
            for (var s = 0; s < Statistics; s++)
            {
                sum += stats[s] * Weights[(s * Dimensions) + d];
            }

            result[d] = (float)sum;
        }

        return result;
    }

    private static float[] MakeWeights(int rows, int dimensions = Dimensions)
    {
        var random = new Random(20261128);
        return Enumerable.Range(0, rows * dimensions).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
    }

    private static ProtoWriter Node(string op, string[] inputs, string[] outputs, params ProtoWriter[] attributes)
    {
        var node = new ProtoWriter();
        foreach (var i in inputs)
        {
            node.String(1, i);
        }

        foreach (var o in outputs)
        {
            node.String(2, o);
        }

        node.String(3, op.ToLowerInvariant() + "_" + outputs[0]).String(4, op);
        foreach (var a in attributes)
        {
            node.Message(5, a);
        }

        return node;
    }

    private static ProtoWriter Int(string name, long value) =>
        new ProtoWriter().String(1, name).Int(3, value).Int(20, IntAttribute);

    private static ProtoWriter Ints(string name, params long[] values) =>
        new ProtoWriter().String(1, name).PackedInts(8, values).Int(20, IntsAttribute);

    /// <summary>A float tensor's ValueInfo; each dimension a number, a symbol, or null for "N".</summary>
    private static ProtoWriter Value(string name, object?[] dims)
    {
        var shape = new ProtoWriter();
        foreach (var d in dims)
        {
            shape.Message(1, d switch
            {
                int n => new ProtoWriter().Int(1, n),
                string symbol => new ProtoWriter().String(2, symbol),
                _ => new ProtoWriter().String(2, "N"),
            });
        }

        return new ProtoWriter()
            .String(1, name)
            .Message(2, new ProtoWriter().Message(1, new ProtoWriter().Int(1, FloatType).Message(2, shape)));
    }
}
