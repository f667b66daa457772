namespace Minutes.Runs;

/// <summary>
/// Reports progress on the caller's thread, in order. <see cref="Progress{T}"/> posts to the
/// thread pool, which reorders reports and lets them arrive after the stage has ended.
/// </summary>
public sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
