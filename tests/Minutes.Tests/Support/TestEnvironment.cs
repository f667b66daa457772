using System.Runtime.CompilerServices;
using Minutes.Speakers;

namespace Minutes.Tests.Support;

/// <summary>
/// Keeps the tests away from the user's own settings and voice profiles: before any test runs, the
/// profile folder (<c>MINUTES_PROFILES</c>) and the user configuration folder (where
/// <c>minutes.json</c> is looked for) point into a folder of this test process. A developer's
/// enrolled voices, configured LLM or language therefore never change a test's result, and no test writes
/// into them.
/// </summary>
public static class TestEnvironment
{
    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "minutes-tests", $"process-{Environment.ProcessId}");

    public static string Profiles { get; } = Path.Combine(Root, "profiles");

#pragma warning disable CA2255 // A test assembly, not a library: the isolation must hold before the first test.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Isolate()
    {
        Environment.SetEnvironmentVariable(ProfileStore.EnvironmentVariable, Profiles);
        Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", Path.Combine(Root, "config"));
        // Messages in English whatever the developer's LANG, so that tests that read them are stable.
        Environment.SetEnvironmentVariable(Minutes.Text.Messages.EnvironmentVariable, "en");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        };
    }

    /// <summary>
    /// Sets a process-wide variable until disposed, then puts back what was there. Only tests in
    /// <see cref="Models.EnvironmentCollection"/> may use it: those run alone.
    /// </summary>
    public static IDisposable Set(string name, string? value)
    {
        var previous = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
        return new Restore(name, previous);
    }

    private sealed class Restore(string name, string? previous) : IDisposable
    {
        public void Dispose() => Environment.SetEnvironmentVariable(name, previous);
    }
}
