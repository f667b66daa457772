using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Minutes.Audio;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Vad;
using Minutes.Text;

namespace Minutes.Speakers;

/// <summary>
/// An enrolled voice: the raw mean window embedding (never the audio), the embedder that made it
/// (method, and the model's sha256 for an ONNX model: only the same embedder can compare with
/// it), and where it came from.
/// </summary>
public sealed record SpeakerProfile(
    string Name,
    string Method,
    IReadOnlyList<float> Vector,
    double SpeechSeconds,
    int Windows,
    string SourceFile,
    string SourceSha256,
    DateTimeOffset Enrolled,
    string? ModelSha256 = null)
{
    /// <summary>The sha256 of the profile's JSON, recorded in the stage parameters.</summary>
    [JsonIgnore]
    public string Digest { get; init; } = "";

    internal float[] Embedding => [.. Vector];
}

/// <summary>
/// The profile folder: <c>MINUTES_PROFILES</c>, else the per-user data folder; one JSON file per
/// enrolled name.
/// </summary>
public sealed class ProfileStore
{
    public const string EnvironmentVariable = "MINUTES_PROFILES";

    /// <summary>Less speech than this (seconds) gives no usable voice profile.</summary>
    public const double MinimumSpeechSeconds = 3.0;

    private ProfileStore(string folder) => Folder = folder;

    public string Folder { get; }

    public static ProfileStore Open(string? folder = null) => new(
        folder
        ?? Environment.GetEnvironmentVariable(EnvironmentVariable)
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "minutes", "profiles"));

    public IReadOnlyList<SpeakerProfile> List()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(Folder, "*.json")
            .Select(Load)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Enrols <paramref name="name"/> from a recording of that voice alone, with the built-in
    /// embedder or the ONNX model at <paramref name="speakerModel"/> (a profile is only ever
    /// compared with embeddings of the same kind; enrolling a name again replaces its profile).
    /// </summary>
    public SpeakerProfile Enroll(string name, string audioPath, string? speakerModel = null)
    {
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(['=', ',']) >= 0)
        {
            throw new MinutesException(Messages.Get("SpeakerNameInvalid"));
        }

        using var embedder = SpeakerEmbedders.Open(speakerModel);
        var (samples, speech) = ReadEnrolment(audioPath);
        var seconds = speech.Sum(s => s.End - s.Start);
        if (seconds < MinimumSpeechSeconds)
        {
            var held = speech.Count == 0 ? "no speech" : string.Create(CultureInfo.InvariantCulture, $"{seconds:0.0} s of speech");
            throw new MinutesException(Messages.Get("EnrolmentTooShort", Path.GetFileName(audioPath), held, MinimumSpeechSeconds));
        }

        var windows = new Diarizer(new DiarizationOptions(), embedder).RawEmbeddings(samples, speech);
        var profile = new SpeakerProfile(
            name.Trim(),
            embedder.Method,
            Vectors.Mean(windows),
            Math.Round(seconds, 3),
            windows.Count,
            Path.GetFileName(audioPath),
            Hashing.Sha256OfFile(audioPath),
            DateTimeOffset.UtcNow,
            embedder.ModelSha256);
        Directory.CreateDirectory(Folder);
        AtomicFile.WriteAllText(PathOf(profile.Name), MinutesJson.Serialize(profile, MinutesJson.Context.SpeakerProfile));
        return Load(PathOf(profile.Name));
    }

    public void Remove(string name)
    {
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            throw new MinutesException(Messages.Get("NoEnrolledSpeaker", name, Folder));
        }

        File.Delete(path);
    }

    private string PathOf(string name) =>
        Path.Combine(Folder, Hashing.Sha256OfText(name.Trim())[..16] + ".json");

    private static SpeakerProfile Load(string path)
    {
        try
        {
            var text = File.ReadAllText(path);
            return MinutesJson.Deserialize(text, MinutesJson.Context.SpeakerProfile) with { Digest = Hashing.Sha256OfText(text) };
        }
        catch (JsonException ex)
        {
            throw new MinutesException(Messages.Get("ProfileDamaged", path, ex.Message));
        }
    }

    /// <summary>
    /// Decodes the enrolment recording with the shared decoder (any format the tool reads) into a
    /// temporary 16 kHz file, and finds its speech with the energy detector.
    /// </summary>
    internal static (float[] Samples, List<(double Start, double End)> Speech) ReadEnrolment(string path)
    {
        if (!File.Exists(path))
        {
            throw new MinutesException(Messages.Get("EnrolmentAudioNotFound", path));
        }

        var temp = Path.Combine(Path.GetTempPath(), $"minutes-enrol-{Guid.NewGuid():N}.wav");
        try
        {
            new AudioDecoder().DecodeAsync(path, temp, null, CancellationToken.None).GetAwaiter().GetResult();
            using var audio = PcmAudio.Open(temp);
            var samples = audio.Read(0, (int)audio.SampleCount);
            try
            {
                var trace = new EnergyVoiceActivityDetector().Detect(audio, null, CancellationToken.None);
                return (samples, trace.Regions.Select(r => (r.Start, r.End)).ToList());
            }
            catch (MinutesException)
            {
                // The detector refuses silent audio with its own message; for enrolment that is "no speech".
                return (samples, []);
            }
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
