using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Minutes.Json;
using Minutes.Text;

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

    /// <summary>Each channel's loudness in 20 ms frames, for recordings of two or more channels (<see cref="Audio.ChannelLevels"/>).</summary>
    public const string ChannelLevels = "work/audio-16k.channels.bin";
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
    public const string ApprovalsLock = "approvals.json.lock";

    /// <summary>The files of a run that no stage records in the manifest but that must never be overwritten from outside.</summary>
    private static readonly string[] OwnFiles = [ManifestFile, ApprovalsFile, ApprovalsLock, MinutesMarkdown, ReviewPage];

    /// <summary>The folders that hold only the run's own traces and working data.</summary>
    private static readonly string[] OwnFolders = ["trace/", "work/"];

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
            throw new MinutesException(Messages.Of("NotARunFolder", path, ManifestFile));
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
            throw new MinutesException(Messages.Of("OutputNotWritable", path, ex.Message));
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

    /// <summary>
    /// Whether a path names a file of the run the one way the tool writes it: relative,
    /// '/'-separated, no empty, <c>.</c> or <c>..</c> segment, no backslash, drive or stream
    /// colon, no control character. A manifest path in any other form (<c>./minutes.md</c>,
    /// <c>/tmp/x</c>, <c>trace/../../x</c>) was not written by the tool.
    /// </summary>
    public static bool IsCanonical(string path) =>
        !string.IsNullOrEmpty(path)
        && path.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != ".." && segment.Trim() == segment)
        && !path.Any(c => c is '\\' or ':' || char.IsControl(c));

    /// <summary>The full path of a file of the run; a path that would lead out of the run folder is refused.</summary>
    public string PathOf(string relative)
    {
        ArgumentNullException.ThrowIfNull(relative);
        var full = Path.GetFullPath(Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar)));
        if (!Contains(full))
        {
            throw new MinutesException(Messages.Of("OutsideRun", relative), ExitCodes.VerificationFailed);
        }

        return full;
    }

    /// <summary>
    /// Refuses a path (for <c>render -o</c>) that names one of the run's own files: the manifest,
    /// the approvals and their lock, the draft, the review page, the traces and working data, or
    /// any file a stage recorded. Filing copies go elsewhere, for instance under <c>filing/</c>.
    /// </summary>
    public void RefuseOverwrite(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (!Contains(full))
        {
            return;
        }

        var relative = Path.GetRelativePath(Root, full).Replace(Path.DirectorySeparatorChar, '/');
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var recorded = File.Exists(PathOf(ManifestFile))
            ? LoadManifest().Stages.SelectMany(s => s.Inputs.Concat(s.Outputs)).Select(d => d.Path)
            : [];
        if (Directory.Exists(full)
            || OwnFiles.Concat(recorded).Any(f => string.Equals(f, relative, comparison))
            || OwnFolders.Any(f => relative.StartsWith(f, comparison)))
        {
            throw new MinutesException(Messages.Of("CopyOverRunFile", path, relative, Path.Combine(Root, "filing")));
        }
    }

    public bool Exists(string relative) => File.Exists(PathOf(relative));

    public Manifest LoadManifest() => Read(ManifestFile, MinutesJson.Context.Manifest);

    public void SaveManifest(Manifest manifest) => Write(ManifestFile, manifest, MinutesJson.Context.Manifest);

    public T Read<T>(string relative, JsonTypeInfo<T> type)
    {
        var path = PathOf(relative);
        if (!File.Exists(path))
        {
            throw new MinutesException(Messages.Of("RunLacksArtifact", relative));
        }

        T value;
        try
        {
            value = MinutesJson.Deserialize(File.ReadAllText(path), type);
        }
        catch (JsonException ex)
        {
            throw new MinutesException(Messages.Of("ArtifactUnreadable", relative, ex.Message.ReplaceLineEndings(" ")), MalformedExitCode);
        }

        return ArtifactShape.Problem(value) is { } problem
            ? throw new MinutesException(Messages.Of("ArtifactInvalid", relative, problem), MalformedExitCode)
            : value;
    }

    /// <summary>
    /// A malformed file in a run that was approved is a broken approval (3); in a run never
    /// approved, bad input (2).
    /// </summary>
    private int MalformedExitCode => Exists(ApprovalsFile) ? ExitCodes.VerificationFailed : ExitCodes.Failure;

    public void Write<T>(string relative, T value, JsonTypeInfo<T> type) =>
        AtomicFile.WriteAllText(PathOf(relative), MinutesJson.Serialize(value, type));

    public void WriteText(string relative, string text) => AtomicFile.WriteAllText(PathOf(relative), text);

    /// <summary>Whether a full path is the run folder or lies inside it.</summary>
    public bool Contains(string full)
    {
        ArgumentNullException.ThrowIfNull(full);
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var root = Root.EndsWith(Path.DirectorySeparatorChar) ? Root : Root + Path.DirectorySeparatorChar;
        return string.Equals(full, Root, comparison) || full.StartsWith(root, comparison);
    }

    public FileDigest Digest(string relative) => Digest(relative, CancellationToken.None);

    public FileDigest Digest(string relative, CancellationToken cancellationToken)
    {
        var path = PathOf(relative);
        return new FileDigest(relative, Hashing.Sha256OfFile(path, cancellationToken), FileLength.Of(path));
    }
}
