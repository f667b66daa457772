using Minutes.Models;
using Minutes.Runs;

namespace Minutes.Tests.Support;

/// <summary>
/// Model files the tests need but the repository does not carry. The real Silero VAD model is
/// looked for in <c>MINUTES_MODELS</c>, then in <c>../shared/models</c> (the development and CI
/// machines), then in the tests' own cache, and finally pulled into that cache the way
/// <c>minutes models pull</c> does (catalog URL, sha256 checked). A fresh clone on a machine without
/// the model and without a reachable hub therefore reports those tests as skipped, with the
/// reason, instead of failing them.
/// </summary>
public static class TestModels
{
    private static readonly TimeSpan PullTimeout = TimeSpan.FromMinutes(2);
    private static readonly Lazy<(string? Path, string? Reason)> SileroLookup = new(FindSilero);

    /// <summary>Where pulled models are kept between test runs (outside the repository).</summary>
    public static string Cache { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache
            ? cache
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
        "minutes-tests",
        "models");

    /// <summary>The Silero model's path, or a skip of the calling test with the reason it is missing.</summary>
    public static string Silero
    {
        get
        {
            var (path, reason) = SileroLookup.Value;
            Skip.If(path is null, reason);
            return path!;
        }
    }

    private static (string? Path, string? Reason) FindSilero()
    {
        var source = ModelCatalog.Find(ModelCatalog.DefaultVad)!;
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable(ModelStore.EnvironmentVariable),
            Path.Combine(RepoPaths.Shared, "models"),
            Cache,
        };
        foreach (var folder in candidates.OfType<string>())
        {
            var path = Path.Combine(folder, source.FileName);
            if (File.Exists(path))
            {
                return (path, null);
            }
        }

        try
        {
            using var timeout = new CancellationTokenSource(PullTimeout);
            var pulled = new ModelDownloader(new ModelStore(Cache)).PullAsync(source, null, timeout.Token).GetAwaiter().GetResult();
            return (pulled.Path, null);
        }
        catch (Exception ex) when (ex is MinutesException or OperationCanceledException or IOException or HttpRequestException)
        {
            return (null, $"the Silero VAD model ({source.FileName}) is not in MINUTES_MODELS, ../shared/models or {Cache}, and pulling it failed: {ex.Message}");
        }
    }
}
