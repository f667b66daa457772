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
        CheckName(name);
        using var embedder = SpeakerEmbedders.Open(speakerModel);
        var (samples, speech) = ReadEnrolment(audioPath);
        return Save(name, embedder, samples, speech, Path.GetFileName(audioPath), Hashing.Sha256OfFile(audioPath), Messages.Get("EnrolFileHolds", Path.GetFileName(audioPath)));
    }

    /// <summary>
    /// Enrols <paramref name="name"/> from a run: the embedding is made from the run's decoded
    /// recording over the segments of <paramref name="speaker"/> (a label such as S2, or the name
    /// it is shown with) as the run attributes them now, corrections included.
    /// </summary>
    public SpeakerProfile EnrollFromRun(string name, RunFolder run, string speaker, string? speakerModel = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        CheckName(name);
        if (!run.Exists(RunFolder.DecodedAudio))
        {
            throw new MinutesException(Messages.Get("RunNoDecodedAudio", RunFolder.DecodedAudio));
        }

        var transcript = run.Read(run.CurrentTranscript, MinutesJson.Context.Transcript);
        var map = run.CurrentSpeakers is { } current ? run.Read(current, MinutesJson.Context.SpeakerMap) : null;
        var assignments = new SegmentSpeakers(map);
        var labels = transcript.Segments.Select(assignments.Of).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var wanted = (speaker ?? string.Empty).Trim();
        var label = labels.Contains(wanted, StringComparer.Ordinal)
            ? wanted
            : map?.Speakers.FirstOrDefault(s => s.Name == wanted && labels.Contains(s.Id, StringComparer.Ordinal))?.Id
              ?? throw new MinutesException(labels.Count == 0
                  ? Messages.Get("EnrolNoSpeakers", wanted)
                  : Messages.Get("EnrolUnknownSpeaker", wanted, string.Join(", ", labels.Select(l => map?.Speakers.FirstOrDefault(s => s.Id == l) is { } s ? $"{l} ({s.Name})" : l))));
        using var embedder = SpeakerEmbedders.Open(speakerModel);
        var samples = new List<float>();
        var speech = new List<(double Start, double End)>();
        using (var audio = PcmAudio.Open(run.PathOf(RunFolder.DecodedAudio)))
        {
            // Only this speaker's spans are read, one after the other; each stays its own stretch of windows.
            foreach (var segment in transcript.Segments.Where(s => assignments.Of(s) == label))
            {
                var span = audio.ReadSeconds(segment.Start, Math.Min(segment.End, audio.Duration));
                var start = (double)samples.Count / PcmAudio.Rate;
                samples.AddRange(span);
                speech.Add((start, start + (double)span.Length / PcmAudio.Rate));
            }
        }

        var source = $"{Path.GetFileName(Path.TrimEndingDirectorySeparator(run.Root))}#{label}";
        return Save(name, embedder, [.. samples], speech, source, Hashing.Sha256OfFile(run.PathOf(RunFolder.DecodedAudio)), Messages.Get("EnrolSegmentsHold", label, source));
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

    private static void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(['=', ',']) >= 0)
        {
            throw new MinutesException(Messages.Get("SpeakerNameInvalid"));
        }
    }

    private SpeakerProfile Save(string name, ISpeakerEmbedder embedder, float[] samples, List<(double Start, double End)> speech, string sourceFile, string sourceSha256, string heldBy)
    {
        var seconds = speech.Sum(s => s.End - s.Start);
        if (seconds < MinimumSpeechSeconds)
        {
            throw new MinutesException(speech.Count == 0
                ? Messages.Get("EnrolNoSpeech", heldBy, MinimumSpeechSeconds)
                : Messages.Get("EnrolLittleSpeech", heldBy, seconds, MinimumSpeechSeconds));
        }

        var windows = new Diarizer(new DiarizationOptions(), embedder).RawEmbeddings(samples, speech);
        var profile = new SpeakerProfile(
            name.Trim(),
            embedder.Method,
            Vectors.Mean(windows),
            Math.Round(seconds, 3),
            windows.Count,
            sourceFile,
            sourceSha256,
            DateTimeOffset.UtcNow,
            embedder.ModelSha256);
        Directory.CreateDirectory(Folder);
        AtomicFile.WriteAllText(PathOf(profile.Name), MinutesJson.Serialize(profile, MinutesJson.Context.SpeakerProfile));
        return Load(PathOf(profile.Name));
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
