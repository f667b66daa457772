using System.IO.Compression;
using Minutes.Json;
using Minutes.Review;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Keeping;

/// <summary>
/// <c>minutes archive</c>: the approved record for keeping, as one zip: <c>archive.json</c> (the
/// index), the manifest, the approvals, the purge log, the minutes and every trace approvals bind,
/// with personal information redacted as the reviewers decided (<see cref="Redaction"/>), and the
/// digests of what is left out: the recording and working data under <c>work/</c>, the review page
/// (a view), the files outside the run the manifest names, and anything purged. Only an intact run
/// whose current version is approved is archived.
/// </summary>
public static class RunArchive
{
    private static readonly string[] RecordFiles = [RunFolder.ManifestFile, RunFolder.ApprovalsFile, PurgeLog.File];

    public static ArchiveIndex Write(RunFolder run, string output, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Write(run, output, now, verified: null, cancellationToken);

    /// <summary>
    /// The archive, made under <see cref="ApprovalLock"/> from one reading of the run: the state
    /// verify approved is the state whose files, approvals and reviewers go into the zip, and no
    /// approval or purge can land, nor a correction or edit be recorded, until the zip is written.
    /// <paramref name="verified"/>, for tests, is called with that state while the lock is held.
    /// </summary>
    internal static ArchiveIndex Write(RunFolder run, string output, DateTimeOffset now, Action<ApprovalState>? verified, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(output);
        var target = Path.GetFullPath(output);
        if (run.Contains(target))
        {
            throw new MinutesException(Messages.Get("ArchiveInsideRun", output));
        }

        // Optional, as for verify: an archive is also made from a run on read-only media, which nobody can approve meanwhile.
        using var held = ApprovalLock.Acquire(run, "archive", ApprovalLock.DefaultTimeout, optional: true, cancellationToken);
        var (report, state) = RunVerifier.VerifyHeld(run, trusted: null, cancellationToken);
        if (!report.Intact)
        {
            throw new MinutesException(Messages.Get("ArchiveNotIntact"), ExitCodes.VerificationFailed);
        }

        if (!report.Approved)
        {
            throw new MinutesException(Messages.Get("ArchiveNotApproved", report.Version));
        }

        verified?.Invoke(state);
        var texts = Redaction.Texts(run);
        var bound = state.Bound.Select(b => b.Path).ToHashSet(StringComparer.Ordinal);
        var kept = new List<(ArchivedFile File, byte[] Content)>();
        var leftOut = new List<LeftOutFile>();
        foreach (var check in state.Checks)
        {
            var path = check.Recorded.Path;
            if (check.Actual is null)
            {
                leftOut.Add(new LeftOutFile(path, check.Recorded.Sha256, "purged"));
            }
            else if (path.StartsWith(Purger.WorkFolder, StringComparison.Ordinal))
            {
                leftOut.Add(new LeftOutFile(path, check.Recorded.Sha256, path == RunFolder.DecodedAudio ? "recording" : "working data"));
            }
            else if (check.Purged is not null)
            {
                // Redacted in the run by a purge: kept as it is now, beside the digest approvals bound.
                kept.Add((new ArchivedFile(path, check.Recorded.Sha256, check.Actual), File.ReadAllBytes(run.PathOf(path))));
            }
            else if (!bound.Contains(path))
            {
                leftOut.Add(new LeftOutFile(path, check.Recorded.Sha256, "view"));
            }
            else
            {
                kept.Add(Entry(run, path, check.Recorded.Sha256, texts));
            }
        }

        leftOut.AddRange(state.Manifest.OutsideInputs().Select(i => new LeftOutFile(i.Path, i.Sha256, "outside the run")));
        foreach (var file in RecordFiles.Where(run.Exists))
        {
            kept.Add(Entry(run, file, Hashing.Sha256OfFile(run.PathOf(file), cancellationToken), texts));
        }

        var index = new ArchiveIndex(
            ArchiveIndex.CurrentFormatVersion,
            state.Manifest.RunId,
            now,
            state.Version,
            state.CurrentReviewers,
            kept.Select(k => k.File).OrderBy(f => f.Path, StringComparer.Ordinal).ToList(),
            leftOut.OrderBy(f => f.Path, StringComparer.Ordinal).ToList());
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".partial";
        using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
        {
            Add(zip, ArchiveIndex.EntryName, System.Text.Encoding.UTF8.GetBytes(MinutesJson.Serialize(index, MinutesJson.Context.ArchiveIndex)), now);
            foreach (var (file, content) in kept.OrderBy(k => k.File.Path, StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                Add(zip, file.Path, content, now);
            }
        }

        File.Move(temporary, target, overwrite: true);
        return index;
    }

    private static (ArchivedFile File, byte[] Content) Entry(RunFolder run, string path, string sha256, IReadOnlyList<string> texts)
    {
        var content = File.ReadAllBytes(run.PathOf(path));
        var redacted = Redaction.IsText(path) ? Redaction.Apply(content, texts) : content;
        return (new ArchivedFile(path, sha256, ReferenceEquals(redacted, content) ? null : Hashing.Sha256OfBytes(redacted)), redacted);
    }

    private static void Add(ZipArchive zip, string name, byte[] content, DateTimeOffset time)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = time;
        using var stream = entry.Open();
        stream.Write(content);
    }
}
