using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Minutes.Json;

namespace Minutes.Runs;

/// <summary>
/// The folder a run lives in: <c>manifest.json</c>, <c>trace/</c> with one JSON artifact per
/// stage, <c>work/</c> for intermediate binary data (the decoded audio, checkpoints), and the
/// documents a person reads (<c>minutes.md</c>, <c>review.html</c>, <c>approvals.json</c>).
/// </summary>
public sealed class RunFolder
{
    public const string ManifestFile = "manifest.json";
    public const string AudioTrace = "trace/01-audio.json";
    public const string VadTrace = "trace/02-vad.json";
    public const string TranscriptTrace = "trace/03-transcript.json";
    public const string SpeakersTrace = "trace/04-speakers.json";
    public const string SessionsTrace = "trace/05-sessions.json";
    public const string LlmTraceFolder = "trace/06-llm";
    public const string MinutesTrace = "trace/07-minutes.json";
    public const string DecodedAudio = "work/audio-16k.wav";
    public const string TranscriptCheckpoint = "work/transcript-chunks";
    public const string MinutesMarkdown = "minutes.md";
    public const string ReviewPage = "review.html";
    public const string ApprovalsFile = "approvals.json";
    public const string CorrectionsTrace = "trace/corrections.json";
    public const string CorrectedTranscriptTrace = "trace/03-transcript.corrected.json";
    public const string CorrectedSpeakersTrace = "trace/04-speakers.corrected.json";
    public const string PrivacyDecisionsTrace = "trace/privacy-decisions.json";
    public const string PreviousMinutesTrace = "trace/07-minutes.previous.json";
    public const string ReviewChecksTrace = "trace/review-checks.json";

    private RunFolder(string root) => Root = root;

    public string Root { get; }

    /// <summary>
    /// The transcript every stage after the corrections reads: the reviewers' corrected one when
    /// the run has one, else the machine's (which never changes).
    /// </summary>
    public string CurrentTranscript => Exists(CorrectedTranscriptTrace) ? CorrectedTranscriptTrace : TranscriptTrace;

    /// <summary>The speakers those stages read (corrected, else the machine's), or null for a run without speakers.</summary>
    public string? CurrentSpeakers => Exists(CorrectedSpeakersTrace) ? CorrectedSpeakersTrace : Exists(SpeakersTrace) ? SpeakersTrace : null;

    public static string ToolVersion { get; } =
        typeof(RunFolder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    /// <summary>Opens an existing run folder; fails with a clear line when it is not one.</summary>
    public static RunFolder Open(string path)
    {
        var root = Path.GetFullPath(path);
        if (!File.Exists(Path.Combine(root, ManifestFile)))
        {
            throw new MinutesException($"'{path}' is not a run folder (no {ManifestFile}).");
        }

        return new RunFolder(root);
    }

    /// <summary>Creates the folder (or reuses it when it already holds a run) and checks it is writable.</summary>
    public static RunFolder Create(string path, SourceFile? source)
    {
        var root = Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(root);
            var probe = Path.Combine(root, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MinutesException($"Cannot write to the output folder '{path}': {ex.Message}");
        }

        var run = new RunFolder(root);
        if (!File.Exists(run.PathOf(ManifestFile)))
        {
            run.SaveManifest(new Manifest(
                Manifest.CurrentFormatVersion,
                NewRunId(),
                ToolVersion,
                DateTimeOffset.UtcNow,
                source,
                []));
        }

        return run;
    }

    public static string NewRunId() => $"{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public bool Exists(string relative) => File.Exists(PathOf(relative));

    public Manifest LoadManifest() => Read(ManifestFile, MinutesJson.Context.Manifest);

    public void SaveManifest(Manifest manifest) => Write(ManifestFile, manifest, MinutesJson.Context.Manifest);

    public T Read<T>(string relative, JsonTypeInfo<T> type)
    {
        var path = PathOf(relative);
        if (!File.Exists(path))
        {
            throw new MinutesException($"The run has no {relative}; run the stage that writes it first.");
        }

        try
        {
            return MinutesJson.Deserialize(File.ReadAllText(path), type);
        }
        catch (JsonException ex)
        {
            throw new MinutesException($"{relative} is not valid: {ex.Message}");
        }
    }

    public void Write<T>(string relative, T value, JsonTypeInfo<T> type) =>
        AtomicFile.WriteAllText(PathOf(relative), MinutesJson.Serialize(value, type));

    public void WriteText(string relative, string text) => AtomicFile.WriteAllText(PathOf(relative), text);

    public FileDigest Digest(string relative)
    {
        var path = PathOf(relative);
        return new FileDigest(relative, Hashing.Sha256OfFile(path), new FileInfo(path).Length);
    }
}
