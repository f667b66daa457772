using System.Diagnostics;
using System.Xml.Linq;
using Minutes.Tests.Support;

namespace Minutes.Tests.Packaging;

/// <summary>
/// Runs <c>scripts/package --win-x64-only</c> once per test run into a fresh folder of this test
/// process, so the tests look at a zip built from the sources under test, never at one left in
/// dist/ by an earlier build. The build's bin/obj live in <c>.build/package-test</c> (kept between
/// runs: a warm rebuild takes about 40 s, a cold one about 2.5 min on two cores).
/// </summary>
public sealed class WindowsPackage
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(9);

    public WindowsPackage()
    {
        Version = XDocument.Load(Path.Combine(RepoPaths.Root, "Directory.Build.props")).Descendants("Version").Single().Value;
        var output = Path.Combine(TestEnvironment.Root, "package");
        Directory.CreateDirectory(output);
        var info = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { Path.Combine("scripts", "package"), "--win-x64-only", "--out", output, "--work", Path.Combine(RepoPaths.Root, ".build", "package-test") })
        {
            info.ArgumentList.Add(argument);
        }

        // The test host's own MSBuild and test-platform settings are not meant for a nested build.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/package did not finish within {Limit}.");
        }

        Log = $"{stdout.Result}{stderr.Result}\n(exit {process.ExitCode} after {watch.Elapsed.TotalSeconds:0} s)";
        Zip = Path.Combine(output, $"minutes-{Version}-win-x64.zip");
        ExitCode = process.ExitCode;
    }

    public string Version { get; }

    public string Zip { get; }

    public int ExitCode { get; }

    public string Log { get; }
}
