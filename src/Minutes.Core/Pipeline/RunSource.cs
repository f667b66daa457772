using Minutes.Runs;

namespace Minutes.Pipeline;

/// <summary>
/// The one check of the recording a run is made from: it exists and is a file, and the run
/// folder is not already a run of another recording.
/// </summary>
internal static class RunSource
{
    public static SourceFile Describe(string recording, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(recording);
        if (Directory.Exists(path))
        {
            throw new MinutesException($"'{recording}' is a folder, not a recording.");
        }

        if (!File.Exists(path))
        {
            throw new MinutesException($"Recording not found: {recording}");
        }

        return new SourceFile(path, Path.GetFileName(path), Hashing.Sha256OfFile(path, cancellationToken), new FileInfo(path).Length);
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
            throw new MinutesException(
                $"The run folder '{run.Root}' holds a run of another recording ({existing.FileName}); choose a new -o folder.");
        }

        if (manifest.Source is null && manifest.Stages.Count > 0 && resume)
        {
            throw new MinutesException($"The run folder '{run.Root}' was started from an imported transcript, not a recording.");
        }

        return run;
    }
}
