namespace Minutes.Tests.Support;

/// <summary>Paths of the repository and of the read-only <c>../shared</c> folder beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>
    /// The real Silero VAD model (see <see cref="TestModels.Silero"/>); a test that reads it skips,
    /// with the reason, on a machine where it cannot be had. Such a test is a <c>[SkippableFact]</c>.
    /// </summary>
    public static string SileroModel => TestModels.Silero;

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
