namespace Minutes.Speakers;

/// <summary>
/// One stretch of speech (a VAD region, or an enrolment recording's speech) as 16 kHz samples,
/// and the windows to embed in it as frame ranges (10 ms frames, 25 ms long, as both feature
/// extractors count them).
/// </summary>
public sealed record SpeechStretch(float[] Samples, IReadOnlyList<(int From, int To)> Windows);

/// <summary>
/// Turns windows of speech into raw speaker embeddings. The diarizer standardises them over the
/// meeting, clusters and re-segments them the same way whichever embedder made them.
/// </summary>
public interface ISpeakerEmbedder : IDisposable
{
    /// <summary>The method recorded in the trace and in profiles: <c>mfcc-ahc</c> or <c>onnx:&lt;file name&gt;</c>.</summary>
    string Method { get; }

    /// <summary>The sha256 of the model file; null for the built-in embedder.</summary>
    string? ModelSha256 { get; }

    /// <summary>The weight of one dimension of the raw embedding after standardisation over the meeting.</summary>
    double Weight(int dimension, int dimensions);

    /// <summary>The raw embedding of every window of every stretch, in order.</summary>
    IReadOnlyList<float[]> Embed(IEnumerable<SpeechStretch> stretches, CancellationToken cancellationToken);
}

/// <summary>Chooses the embedder and tells which enrolled profiles it can compare with.</summary>
public static class SpeakerEmbedders
{
    /// <summary>The speaker model used when <c>--speaker-model</c> is not given.</summary>
    public const string EnvironmentVariable = "MINUTES_SPEAKER_MODEL";

    /// <summary>The built-in embedder when <paramref name="modelPath"/> is null, else the ONNX model (checked: one-line error when unusable).</summary>
    public static ISpeakerEmbedder Open(string? modelPath) =>
        modelPath is null ? new MfccSpeakerEmbedder() : OnnxSpeakerEmbedder.Open(modelPath);

    /// <summary>The model given on the command line, else <c>MINUTES_SPEAKER_MODEL</c>, else none.</summary>
    public static string? ModelPath(string? given) => ModelPath(given, Environment.GetEnvironmentVariable(EnvironmentVariable));

    internal static string? ModelPath(string? given, string? environment)
    {
        var path = string.IsNullOrWhiteSpace(given) ? environment : given;
        return string.IsNullOrWhiteSpace(path) ? null : path;
    }

    /// <summary>
    /// Whether a profile was enrolled with this embedder: an ONNX model is known by its digest
    /// (the file may be renamed), the built-in one by its method name. Embeddings of two
    /// different embedders live in unrelated spaces and are never compared.
    /// </summary>
    public static bool Made(this ISpeakerEmbedder embedder, SpeakerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(profile);
        return embedder.ModelSha256 is null
            ? profile.ModelSha256 is null && profile.Method == embedder.Method
            : string.Equals(profile.ModelSha256, embedder.ModelSha256, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>How a profile's method is shown in notes: the method, and the model digest's start.</summary>
    public static string Describe(SpeakerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.ModelSha256 is null ? profile.Method : $"{profile.Method} {profile.ModelSha256[..Math.Min(12, profile.ModelSha256.Length)]}";
    }
}
