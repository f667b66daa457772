using System.Diagnostics;
using System.Globalization;
using System.Text;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Review;

/// <summary>
/// The exclusive lock around reading, appending to and writing <c>approvals.json</c> (and the
/// manifest's seal): a file <c>approvals.json.lock</c> in the run folder, created with
/// <see cref="FileMode.CreateNew"/>, which is atomic on local disks, SMB and NFS (v3 and later),
/// so that two reviewers on two PCs approving the same run on a shared folder do not lose one
/// approval. The file says who holds it (host, process, user, since when, for what). A process
/// that finds it waits, polling, up to a timeout, then fails with a line naming the holder.
/// A lock left by a process that died (power loss, kill -9) is not broken automatically: on a
/// share another PC's process cannot be seen, and two waiters breaking the same lock would both
/// go ahead. The timeout message says so, and whether the holder is a process of this machine
/// that no longer runs; deleting the file by hand then ends it.
/// </summary>
public sealed class ApprovalLock : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly string _path;
    private readonly string _token;
    private bool _released;

    private ApprovalLock(string path, string token)
    {
        _path = path;
        _token = token;
    }

    /// <summary>
    /// Takes the lock, waiting up to <paramref name="timeout"/>. With <paramref name="optional"/>
    /// a folder the lock cannot be created in (read-only media, an archive) yields null instead
    /// of a failure: a reader there cannot race a writer.
    /// </summary>
    public static ApprovalLock? Acquire(RunFolder run, string purpose, TimeSpan timeout, bool optional = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var path = run.PathOf(RunFolder.ApprovalsLock);
        var token = Guid.NewGuid().ToString("N");
        var owner = Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"purpose: {purpose}\nhost: {Environment.MachineName}\npid: {Environment.ProcessId}\nuser: {Environment.UserName}\nsince: {DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ}\ntoken: {token}\n"));
        var clock = Stopwatch.StartNew();
        var delay = 10;
        string? lastError = null;
        var failures = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    stream.Write(owner);
                    stream.Flush(flushToDisk: true);
                }

                return new ApprovalLock(path, token);
            }
            catch (UnauthorizedAccessException ex)
            {
                if (optional)
                {
                    return null;
                }

                throw new MinutesException(Messages.Get("LockNotCreatable", RunFolder.ApprovalsLock, ex.Message));
            }
            catch (IOException ex)
            {
                // Held by another process, unless the file is not there: then the folder refuses it
                // (a read-only mount), which waiting does not mend; three in a row rule out a holder just leaving.
                lastError = File.Exists(path) ? null : ex.Message;
                failures = lastError is null ? 0 : failures + 1;
            }

            if (clock.Elapsed >= timeout || failures >= 3)
            {
                if (lastError is not null && optional)
                {
                    return null;
                }

                throw new MinutesException(lastError is not null
                    ? Messages.Get("CannotCreateFile", path, lastError)
                    : Messages.Get("ApprovalsLocked", RunFolder.ApprovalsFile, Holder(path), timeout.TotalSeconds, path));
            }

            // Jitter keeps processes that collided from colliding again at every poll.
            cancellationToken.WaitHandle.WaitOne(delay + Random.Shared.Next(delay));
            delay = Math.Min(delay * 2, 200);
        }
    }

    /// <summary>Deletes the lock file, if it is still this process's (someone may have removed a lock they thought stale).</summary>
    public void Dispose()
    {
        if (_released)
        {
            return;
        }

        _released = true;
        try
        {
            if (File.ReadAllText(_path).Contains("token: " + _token, StringComparison.Ordinal))
            {
                File.Delete(_path);
            }
        }
        catch (IOException)
        {
            // Gone already: nothing to release.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>"approve by sato on PC-12 (process 4242) since 2026-11-29T10:00:00.000Z", from the lock file.</summary>
    private static string Holder(string path)
    {
        Dictionary<string, string> fields;
        try
        {
            fields = File.ReadAllLines(path)
                .Select(l => l.Split(": ", 2))
                .Where(p => p.Length == 2)
                .GroupBy(p => p[0], StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => ReviewerName.Printable(g.First()[1]), StringComparer.Ordinal);
        }
        catch (IOException)
        {
            return "another process (the lock file could not be read)";
        }

        if (!fields.TryGetValue("pid", out var pid) || !fields.TryGetValue("host", out var host))
        {
            return "another process (the lock file names no owner)";
        }

        var holder = $"{fields.GetValueOrDefault("purpose", "?")} by {fields.GetValueOrDefault("user", "?")} on {host} (process {pid}) since {fields.GetValueOrDefault("since", "?")}";
        if (string.Equals(host, Environment.MachineName, StringComparison.OrdinalIgnoreCase) && int.TryParse(pid, CultureInfo.InvariantCulture, out var id) && !IsRunning(id))
        {
            holder += ", a process of this machine that no longer runs";
        }

        return holder;
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
