using Minutes.Audio;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Pipeline;

/// <summary>
/// The one check of the recording a run is made from: it exists and is a file, and the run
/// folder is not already a run of another recording. A meeting recorded in several files is one
/// source, the files in their order: the run is known by their combined digest
/// (<see cref="AudioJoin.CombinedSha256"/>), so a run of a.m4a and b.m4a is not a run of a.m4a.
/// </summary>
internal static class RunSource
{
    public static SourceFile Describe(string recording, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(recording);
        if (Directory.Exists(path))
        {
            throw new MinutesException(Messages.Get("RecordingIsFolder", recording));
        }

        if (!File.Exists(path))
        {
            throw new MinutesException(Messages.Get("RecordingNotFound", recording));
        }

        return new SourceFile(path, Path.GetFileName(path), Hashing.Sha256OfFile(path, cancellationToken), FileLength.Of(path));
    }

    /// <summary>Every recording checked, in order; the same file twice is refused.</summary>
    public static IReadOnlyList<SourceFile> DescribeAll(IReadOnlyList<string> recordings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recordings);
        var twice = recordings.GroupBy(Path.GetFullPath, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new MinutesException(Messages.Get("RecordingTwice", twice.First()));
        }

        return recordings.Select(r => Describe(r, cancellationToken)).ToList();
    }

    /// <summary>What the manifest records as the run's source: the recording, or for several their names and combined digest (the path is the first's).</summary>
    public static SourceFile Combined(IReadOnlyList<SourceFile> recordings)
    {
        ArgumentNullException.ThrowIfNull(recordings);
        return recordings.Count == 1
            ? recordings[0]
            : new SourceFile(recordings[0].Path, string.Join(" + ", recordings.Select(r => r.FileName)), AudioJoin.CombinedSha256(recordings), recordings.Sum(r => r.Bytes));
    }

    /// <summary>
    /// Opens (or starts) the run folder for this recording. A run folder belongs to one recording:
    /// reusing it for another would mix traces of two meetings, so that is refused unless the
    /// caller starts a fresh folder; a run started from an imported transcript is not resumed
    /// from a recording.
    /// </summary>
    public static RunFolder Open(string output, SourceFile? source, bool resume)
    {
        var run = RunFolder.Create(output, source);
        if (source is null)
        {
            return run;
        }

        var manifest = run.LoadManifest();
        if (manifest.Source is { } existing && existing.Sha256 != source.Sha256)
        {
            throw new MinutesException(Messages.Get("RunOfAnotherRecording", run.Root, existing.FileName));
        }

        if (manifest.Source is null && manifest.Stages.Count > 0 && resume)
        {
            throw new MinutesException(Messages.Get("RunFromImport", run.Root));
        }

        return run;
    }
}
