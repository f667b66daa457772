using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Speakers;

/// <summary>
/// A speaker-embedding model in ONNX (WeSpeaker / 3D-Speaker style) run through ONNX Runtime:
/// Kaldi fbank (80 bins) of each window, mean-normalised over the window, in as
/// <c>[N, T, 80]</c> floats; the first output, <c>[N, D]</c>, is the embedding. Windows of equal
/// length run as one batch when the model's batch dimension is dynamic.
/// </summary>
public sealed class OnnxSpeakerEmbedder : ISpeakerEmbedder
{
    public const int MelBins = 80;

    /// <summary>Windows per model run when the batch dimension is dynamic.</summary>
    public const int BatchWindows = 32;

    // Convolutional models need some context; a shorter window (a clipped word) is repeated whole
    // until it has at least this many frames, which leaves its statistics over time unchanged.
    private const int MinimumFrames = 50;

    private readonly InferenceSession _session;
    private readonly string _input;
    private readonly string _output;
    private readonly string _file;
    private readonly KaldiFbank _fbank = new(MelBins);
    private int _dimensions;

    private OnnxSpeakerEmbedder(InferenceSession session, string file, string sha256, bool dynamicBatch)
    {
        _session = session;
        _file = file;
        _input = session.InputNames[0];
        _output = session.OutputNames[0];
        ModelSha256 = sha256;
        DynamicBatch = dynamicBatch;
    }

    public string Method => "onnx:" + _file;

    public string? ModelSha256 { get; }

    /// <summary>Whether several windows go through the model in one run.</summary>
    public bool DynamicBatch { get; }

    /// <summary>
    /// Loads and checks the model: a missing file, a file ONNX Runtime cannot load, or a model
    /// whose first input is not float <c>[N, T, 80]</c> with a free T, or whose first output is
    /// not float <c>[N, D]</c>, fail with one line.
    /// </summary>
    public static OnnxSpeakerEmbedder Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = Path.GetFileName(path);
        if (Directory.Exists(path) || !File.Exists(path))
        {
            throw new MinutesException(Messages.Of("SpeakerModelNotFound", path));
        }

        var sha256 = Hashing.Sha256OfFile(path);
        InferenceSession session;
        try
        {
            // Warnings (unused initializers and the like) would be printed over the progress bar.
            using var options = new SessionOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
            session = new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new MinutesException(Messages.Of("SpeakerModelNotOnnx", file, FirstLine(ex.Message)), ex);
        }

        try
        {
            var dynamicBatch = Check(session, file);
            return new OnnxSpeakerEmbedder(session, file, sha256, dynamicBatch);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Every dimension of a learned embedding weighs the same after the meeting's standardisation.</summary>
    public double Weight(int dimension, int dimensions) => 1;

    public IReadOnlyList<float[]> Embed(IEnumerable<SpeechStretch> stretches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stretches);
        var result = new List<float[]?>();
        var pending = new List<(int Index, float[] Features, int Frames)>();
        foreach (var stretch in stretches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (stretch.Windows.Count == 0)
            {
                continue;
            }

            var fbank = _fbank.Compute(stretch.Samples);
            foreach (var (from, to) in stretch.Windows)
            {
                var (features, frames) = WindowFeatures(fbank, from, to);
                pending.Add((result.Count, features, frames));
                result.Add(null);
            }

            // Enough windows wait for full batches; they are run now so memory stays bounded.
            if (pending.Count >= BatchWindows * 4)
            {
                Run(pending, result, cancellationToken);
            }
        }

        Run(pending, result, cancellationToken);
        return result.Select(e => e!).ToList();
    }

    /// <summary>The model's output for a batch of fbank windows of equal length, <c>[N, T, 80]</c> flattened; one embedding per window.</summary>
    public IReadOnlyList<float[]> EmbedFeatures(float[] features, int windows, int frames)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Length != windows * frames * MelBins)
        {
            throw new ArgumentException($"Expected {windows} × {frames} × {MelBins} values.", nameof(features));
        }

        using var input = OrtValue.CreateTensorValueFromMemory(features, [windows, frames, MelBins]);
        using var runOptions = new RunOptions();
        IDisposableReadOnlyCollection<OrtValue> outputs;
        try
        {
            outputs = _session.Run(runOptions, [_input], [input], [_output]);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new MinutesException(Messages.Of("SpeakerModelFailed", _file, windows, frames, FirstLine(ex.Message)), ex);
        }

        using (outputs)
        {
            var output = outputs[0];
            var shape = output.GetTensorTypeAndShape().Shape;
            if (shape.Length != 2 || shape[0] != windows || shape[1] < 1)
            {
                throw new MinutesException(Messages.Of("SpeakerModelWrongShape", _file, string.Join(", ", shape), windows));
            }

            var dimensions = (int)shape[1];
            if (_dimensions != 0 && dimensions != _dimensions)
            {
                throw new MinutesException(Messages.Of("SpeakerModelSizeChanged", _file, dimensions, _dimensions));
            }

            _dimensions = dimensions;
            var values = output.GetTensorDataAsSpan<float>();
            var result = new float[windows][];
            for (var w = 0; w < windows; w++)
            {
                result[w] = values.Slice(w * dimensions, dimensions).ToArray();
            }

            return result;
        }
    }

    /// <summary>Fbank rows [from, to) of a stretch, less their mean per bin, repeated whole up to at least <see cref="MinimumFrames"/>.</summary>
    internal static (float[] Features, int Frames) WindowFeatures(float[][] fbank, int from, int to)
    {
        var length = to - from;
        var mean = new double[MelBins];
        for (var f = from; f < to; f++)
        {
            for (var m = 0; m < MelBins; m++)
            {
                mean[m] += fbank[f][m];
            }
        }

        var frames = length * (int)Math.Ceiling(MinimumFrames / (double)length);
        var features = new float[frames * MelBins];
        for (var t = 0; t < frames; t++)
        {
            var row = fbank[from + (t % length)];
            for (var m = 0; m < MelBins; m++)
            {
                features[(t * MelBins) + m] = (float)(row[m] - (mean[m] / length));
            }
        }

        return (features, frames);
    }

    public void Dispose() => _session.Dispose();

    /// <summary>Runs the pending windows, grouped by length, and fills their slots in <paramref name="result"/>.</summary>
    private void Run(List<(int Index, float[] Features, int Frames)> pending, List<float[]?> result, CancellationToken cancellationToken)
    {
        var size = DynamicBatch ? BatchWindows : 1;
        foreach (var group in pending.GroupBy(p => p.Frames))
        {
            foreach (var batch in group.Chunk(size))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var frames = group.Key;
                var features = new float[batch.Length * frames * MelBins];
                for (var i = 0; i < batch.Length; i++)
                {
                    batch[i].Features.CopyTo(features, i * frames * MelBins);
                }

                var embeddings = EmbedFeatures(features, batch.Length, frames);
                for (var i = 0; i < batch.Length; i++)
                {
                    result[batch[i].Index] = embeddings[i];
                }
            }
        }

        pending.Clear();
    }

    /// <summary>Checks the model's first input and output; true when its batch dimension is dynamic.</summary>
    private static bool Check(InferenceSession session, string file)
    {
        if (session.InputNames.Count != 1 || session.OutputNames.Count == 0)
        {
            throw Unfit(file, Messages.Of("SpeakerModelInputsOutputs", session.InputNames.Count, session.OutputNames.Count));
        }

        var input = session.InputMetadata[session.InputNames[0]];
        var dims = input.IsTensor ? input.Dimensions : [];
        if (!input.IsTensor || input.ElementType != typeof(float) || dims.Length != 3)
        {
            throw Unfit(file, Messages.Of("SpeakerModelTakes", Describe(input), session.InputNames[0]));
        }

        // -1 is a free (symbolic) dimension.
        if (dims[0] is not (-1 or 1) || dims[1] != -1 || dims[2] is not (-1 or MelBins))
        {
            throw Unfit(file, Messages.Of("SpeakerModelTakes", Describe(input), session.InputNames[0]));
        }

        var output = session.OutputMetadata[session.OutputNames[0]];
        if (!output.IsTensor || output.ElementType != typeof(float) || output.Dimensions.Length != 2)
        {
            throw new MinutesException(Messages.Of("SpeakerModelWrongOutput", file, Describe(output), session.OutputNames[0]));
        }

        return dims[0] == -1;
    }

    private static MinutesException Unfit(string file, Message what) =>
        new(Messages.Of("SpeakerModelUnfit", file, what, MelBins));

    private static string Describe(NodeMetadata node) =>
        node.IsTensor
            ? $"{node.ElementDataType.ToString().ToLowerInvariant()} [{string.Join(", ", node.Dimensions.Select((d, i) => d >= 0 ? d.ToString(CultureInfo.InvariantCulture) : node.SymbolicDimensions[i] is { Length: > 0 } s ? s : "?"))}]"
            : node.OnnxValueType.ToString();

    private static string FirstLine(string message) =>
        message.Split('\n', 2)[0].Trim();
}
