using Minutes.Policy;

namespace Minutes.Runs;

/// <summary>A file of the run (path relative to the run folder, '/' separated) and its digest.</summary>
public sealed record FileDigest(string Path, string Sha256, long Bytes);

public enum StageStatus
{
    Running,
    Completed,
    Failed,
    Skipped,
}

/// <summary>One stage's entry in the manifest: what went in, what came out, how long it took.</summary>
public sealed record StageRecord(
    string Name,
    StageStatus Status,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<FileDigest> Inputs,
    IReadOnlyList<FileDigest> Outputs,
    DateTimeOffset Started,
    double ElapsedSeconds,
    string? Error = null)
{
    /// <summary>
    /// The last attempt to run the stage again that failed, kept apart from this completed
    /// record: a failed re-draft leaves the earlier draft (and the traces it wrote) bound.
    /// </summary>
    public StageFailure? LastFailure { get; init; }
}

/// <summary>The recording a run started from (absent for a run imported from a transcript).</summary>
public sealed record SourceFile(string Path, string FileName, string Sha256, long Bytes);

/// <summary>
/// <c>manifest.json</c>: the run's identity and, per stage, its status, parameters, input and
/// output files with sha256, start time and elapsed seconds. Stages appear in pipeline order.
/// <see cref="Approvals"/> seals <c>approvals.json</c> (absent until the first approval).
/// </summary>
public sealed record Manifest(
    int FormatVersion,
    string RunId,
    string ToolVersion,
    DateTimeOffset Created,
    SourceFile? Source,
    IReadOnlyList<StageRecord> Stages,
    ApprovalSeal? Approvals = null)
{
    public const int CurrentFormatVersion = 1;

    /// <summary>
    /// The run's 機密性, kept with the run so that every later command works at it (null in runs
    /// written before it was kept; see <see cref="RunPolicy"/>).
    /// </summary>
    public Confidentiality? Confidentiality { get; init; }

    /// <summary>Every change of the level after the run was created, in order (null: none).</summary>
    public IReadOnlyList<ConfidentialityChange>? ConfidentialityChanges { get; init; }

    public StageRecord? Stage(string name) => Stages.FirstOrDefault(s => s.Name == name);

    /// <summary>The stages' inputs that lie outside the run folder (the recording, a glossary), each once.</summary>
    public IReadOnlyList<FileDigest> OutsideInputs() =>
        Stages.SelectMany(s => s.Inputs).Where(i => Path.IsPathFullyQualified(i.Path)).DistinctBy(i => i.Path, StringComparer.Ordinal).ToList();

    public Manifest WithStage(StageRecord record)
    {
        var stages = Stages.Where(s => s.Name != record.Name).ToList();
        var order = Array.IndexOf(StageNames.Order, record.Name);
        var index = stages.FindIndex(s => Array.IndexOf(StageNames.Order, s.Name) > order);
        if (order < 0 || index < 0)
        {
            stages.Add(record);
        }
        else
        {
            stages.Insert(index, record);
        }

        return this with { Stages = stages };
    }
}

/// <summary>The stage names, in pipeline order, as they appear in the manifest.</summary>
public static class StageNames
{
    public const string Audio = "audio";
    public const string Vad = "vad";
    public const string Transcript = "transcript";
    public const string Speakers = "speakers";
    public const string Corrections = "corrections";
    public const string Sessions = "sessions";
    public const string Draft = "draft";
    public const string Edits = "edits";
    public const string Render = "render";
    public const string Review = "review";

    public static readonly string[] Order = [Audio, Vad, Transcript, Speakers, Corrections, Sessions, Draft, Edits, Render, Review];
}
