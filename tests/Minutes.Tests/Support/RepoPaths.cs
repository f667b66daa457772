namespace Minutes.Tests.Support;

/// <summary>Paths of the repository and of the read-only <c>../shared</c> folder beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>The Silero VAD model: <c>MINUTES_MODELS</c> when set, else <c>../shared/models</c>.</summary>
    public static string SileroModel
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("MINUTES_MODELS");
            var candidate = folder is null ? null : Path.Combine(folder, "ggml-silero-v6.2.0.bin");
            return candidate is not null && File.Exists(candidate)
                ? candidate
                : Path.Combine(Shared, "models", "ggml-silero-v6.2.0.bin");
        }
    }

    public static string Fixture(string name) => Path.Combine(Root, "tests", "Minutes.Tests", "Fixtures", name);

    public static string Sample(string name) => Path.Combine(Root, "samples", name);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Minutes.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Minutes.sln not found above the test binaries.");
    }
}
