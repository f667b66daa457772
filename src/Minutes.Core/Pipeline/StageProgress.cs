namespace Minutes.Pipeline;

/// <summary>Progress of a long stage: fraction done in [0, 1] and an optional detail.</summary>
public readonly record struct StageProgress(string Stage, double Fraction, string? Detail = null);

/// <summary>
/// Reports progress on the caller's thread, in order. <see cref="Progress{T}"/> posts to the
/// thread pool, which reorders reports and lets them arrive after the stage has ended.
/// </summary>
public sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
