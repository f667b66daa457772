using System.Collections.Concurrent;

namespace Minutes.Runs;

/// <summary>
/// The sha256 of large files read again and again in one process (Whisper models of up to 3 GB:
/// <c>--model auto</c> hashed a model to look up its speed, again to measure it and again to
/// transcribe with it; <c>minutes doctor</c> likewise), kept in memory by full path, length and
/// last write time, so each file is read at most once per process while it is unchanged.
/// </summary>
public static class FileDigestMemo
{
    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Written), string> Digests = new();

    /// <summary>The file's digest (<see cref="Hashing.Sha256OfFile(string, CancellationToken)"/>), read only when this process has not read the file as it is now.</summary>
    public static string Sha256OfFile(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = new FileInfo(Path.GetFullPath(path));
        var key = (file.FullName, file.Length, file.LastWriteTimeUtc);
        if (Digests.TryGetValue(key, out var known))
        {
            return known;
        }

        var digest = Hashing.Sha256OfFile(file.FullName, cancellationToken);
        Digests[key] = digest;
        return digest;
    }
}
