using Minutes.Runs;

namespace Minutes.Review;

/// <summary>What the tool last recorded about one file of the run: its digest, by which stage, when.</summary>
public sealed record RecordedFile(string Path, string Sha256, string Stage, DateTimeOffset Recorded);

/// <summary>A recorded file as it is now on disk: <see cref="Actual"/> is null when the file is gone.</summary>
public sealed record FileCheck(RecordedFile Recorded, string? Actual)
{
    /// <summary>The purge that removed or redacted the file after approval (<c>purge-log.json</c>), when one explains its state.</summary>
    public Keeping.PurgeEntry? Purged { get; init; }

    public bool Matches => Actual == Recorded.Sha256 || Purged is not null;
}

/// <summary>
/// Reads from the manifest what each file of the run should be and compares it with the disk.
/// A file's expected digest is the one the most recent completed stage recorded for it, as its
/// output or as its input: a trace edited by hand and then read by a later stage (a corrected
/// transcript that was drafted again) is thereby acknowledged by the tool, while an edit no stage
/// has read since is a change the manifest does not know.
/// </summary>
public static class RunIntegrity
{
    /// <summary>The stages whose outputs are views of the others (the review page) and not bound by approvals.</summary>
    public static readonly IReadOnlySet<string> ViewStages = new HashSet<string>(StringComparer.Ordinal) { StageNames.Review };

    public static IReadOnlyList<RecordedFile> Recorded(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var files = new Dictionary<string, RecordedFile>(StringComparer.Ordinal);
        foreach (var stage in manifest.Stages.Where(s => s.Status == StageStatus.Completed).OrderBy(s => s.Started))
        {
            // The digests are written into the manifest when the stage completes.
            var recorded = stage.Started.AddSeconds(stage.ElapsedSeconds);
            // Only canonical paths name files of the run; anything else is reported by InvalidPaths and never read.
            foreach (var digest in stage.Inputs.Concat(stage.Outputs).Where(d => RunFolder.IsCanonical(d.Path)))
            {
                // The stage that wrote a file is named, unless a later stage read other content there.
                if (!files.TryGetValue(digest.Path, out var known) || known.Sha256 != digest.Sha256)
                {
                    files[digest.Path] = new RecordedFile(digest.Path, digest.Sha256, stage.Name, recorded);
                }
            }
        }

        return files.Values.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The manifest's paths the tool never writes: an output that is not a canonical path inside
    /// the run, or an input that is neither that nor an absolute path (a recording, a meeting
    /// file: recorded for the record, never read by verify, never bound). Any of them is exit 3.
    /// </summary>
    public static IReadOnlyList<string> InvalidPaths(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var invalid = new List<string>();
        foreach (var stage in manifest.Stages)
        {
            invalid.AddRange(stage.Inputs
                .Where(d => !RunFolder.IsCanonical(d.Path ?? string.Empty) && !Path.IsPathFullyQualified(d.Path ?? string.Empty))
                .Select(d => $"{stage.Name} input '{ReviewerName.Printable(d.Path ?? string.Empty)}'"));
            invalid.AddRange(stage.Outputs
                .Where(d => !RunFolder.IsCanonical(d.Path ?? string.Empty))
                .Select(d => $"{stage.Name} output '{ReviewerName.Printable(d.Path ?? string.Empty)}'"));
        }

        return invalid;
    }

    /// <summary>
    /// Each file <paramref name="manifest"/> records, as it is on disk; a file that differs is
    /// marked purged when <paramref name="purges"/> explains it (null: nothing does, for a run
    /// without purges or whose purge log's chain is broken).
    /// </summary>
    public static IReadOnlyList<FileCheck> Check(RunFolder run, Manifest manifest, Keeping.PurgeLog? purges)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(manifest);
        return Recorded(manifest)
            .Select(f => new FileCheck(f, run.Exists(f.Path) ? Hashing.Sha256OfFile(run.PathOf(f.Path)) : null))
            .Select(c => c.Actual != c.Recorded.Sha256 && purges?.Explains(c.Recorded.Path, c.Recorded.Sha256, c.Actual) is { } purge ? c with { Purged = purge.Entry } : c)
            .ToList();
    }

    /// <summary>
    /// The files an approval binds: every recorded file except the views, and they must include
    /// the draft (<c>minutes.md</c>) and the structured minutes (07) it was rendered from.
    /// </summary>
    public static IReadOnlyList<FileDigest> Bound(Manifest manifest, IReadOnlyList<FileCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(checks);
        var views = manifest.Stages.Where(s => ViewStages.Contains(s.Name)).SelectMany(s => s.Outputs).Select(o => o.Path).ToHashSet(StringComparer.Ordinal);
        return checks
            .Where(c => !views.Contains(c.Recorded.Path))
            .Select(c => new FileDigest(c.Recorded.Path, c.Recorded.Sha256, 0))
            .ToList();
    }
}
