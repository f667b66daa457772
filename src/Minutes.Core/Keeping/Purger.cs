using Minutes.Json;
using Minutes.Rendering;
using Minutes.Review;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Keeping;

/// <summary>
/// <c>minutes purge</c>: removes from an approved run what is not kept after approval. The
/// recording: the run's decoded copy (<c>work/audio-16k.wav</c>) and all working data under
/// <c>work/</c>; the original recording outside the run is named in the log, never touched. The
/// personal information: every text file of the run rewritten with the texts reviewers decided to
/// redact replaced by ○○, and the working data but the recording (its transcript chunks hold the text). Each
/// file's digest before and after goes into <c>purge-log.json</c>, so verify reads the run as
/// approved with these files purged, not as tampered. Refused on a run whose current version is
/// not approved or whose files do not match the manifest: the recording is the evidence a
/// reviewer checks statements against, and purging cannot be undone.
/// </summary>
public static class Purger
{
    public const string WorkFolder = "work/";

    public static PurgeEntry Purge(RunFolder run, PurgeRequest request, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Recording && !request.PersonalInformation)
        {
            throw new MinutesException(Messages.Get("PurgeGiveWhat"), ExitCodes.Usage);
        }

        var reviewer = ReviewerName.Normalize(request.Reviewer);
        using var held = ApprovalLock.Acquire(run, "purge", ApprovalLock.DefaultTimeout, cancellationToken: cancellationToken);
        // What cannot be undone rests on the whole verification, as an archive does: files, approvals, seals, checks and schemas.
        var (report, state) = RunVerifier.VerifyHeld(run, trusted: null, cancellationToken);
        if (!report.Intact || !report.Approved)
        {
            throw new MinutesException(Messages.Get("PurgeNotApproved", report.Version));
        }

        // The log as the state read it under this lock: parsed once.
        var log = state.Purges;
        var files = new List<PurgedFile>();
        var what = new List<string>();
        // The working data holds the recording (--recording) and the transcript's chunks (both): the recording stays unless asked for.
        var work = (Directory.Exists(run.PathOf("work")) ? Directory.EnumerateFiles(run.PathOf("work"), "*", SearchOption.AllDirectories) : [])
            .Select(file => (Full: file, Relative: Path.GetRelativePath(run.Root, file).Replace(Path.DirectorySeparatorChar, '/')))
            .Where(file => request.Recording || file.Relative != RunFolder.DecodedAudio)
            .ToList();
        files.AddRange(work.Select(file => new PurgedFile(file.Relative, Hashing.Sha256OfFile(file.Full, cancellationToken), null)));

        if (request.Recording)
        {
            what.Add("recording");
        }

        var rewrites = new List<(string Path, byte[] Content)>();
        if (request.PersonalInformation)
        {
            what.Add("personal-information");
            var texts = Redaction.Texts(run);
            foreach (var check in state.Checks.Where(c => c.Actual is not null && Redaction.IsText(c.Recorded.Path) && !c.Recorded.Path.StartsWith(WorkFolder, StringComparison.Ordinal)))
            {
                var before = File.ReadAllBytes(run.PathOf(check.Recorded.Path));
                var after = Redaction.Apply(before, texts);
                if (!ReferenceEquals(before, after))
                {
                    rewrites.Add((check.Recorded.Path, after));
                    files.Add(new PurgedFile(check.Recorded.Path, check.Actual!, Hashing.Sha256OfBytes(after)));
                }
            }
        }

        var outside = state.Manifest.OutsideInputs().Select(i => i.Path).ToList();
        var entry = new PurgeEntry(0, reviewer, now, string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(), what, files, request.Recording ? outside : [], string.Empty, string.Empty);
        // The log first: a purge interrupted half way is then explained for what it removed, and repeated for the rest.
        log = log.Append(entry);
        run.Write(PurgeLog.File, log, MinutesJson.Context.PurgeLog);
        foreach (var (path, content) in rewrites)
        {
            AtomicFile.WriteAllBytes(run.PathOf(path), content);
        }

        foreach (var file in work)
        {
            File.Delete(file.Full);
        }

        return log.Purges[^1];
    }
}
