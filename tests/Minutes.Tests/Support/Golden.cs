using System.Text.RegularExpressions;

namespace Minutes.Tests.Support;

/// <summary>
/// Golden files: the expected text lives in <c>tests/Minutes.Tests/Golden/NAME</c>. Set
/// <c>MINUTES_UPDATE_GOLDEN=1</c> to rewrite them on purpose (then review the diff in git).
/// Volatile values (dates, run ids, timings, absolute paths) are scrubbed before comparing.
/// </summary>
public static partial class Golden
{
    public static void Verify(string name, string actual, Func<string, string>? scrub = null) =>
        VerifyAt(Path.Combine(RepoPaths.Root, "tests", "Minutes.Tests", "Golden", name), actual, scrub);

    /// <summary>The same against an expected file anywhere in the repository (e.g. a sample's expected output).</summary>
    public static void VerifyAt(string path, string actual, Func<string, string>? scrub = null)
    {
        var name = Path.GetRelativePath(RepoPaths.Root, path);
        var text = (scrub ?? Scrub)(actual.ReplaceLineEndings("\n"));
        if (Environment.GetEnvironmentVariable("MINUTES_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {name} is missing; run the tests with MINUTES_UPDATE_GOLDEN=1 to create it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != text)
        {
            var received = path + ".received";
            File.WriteAllText(received, text);
            Assert.Fail($"{name} differs from the golden file; see {received} (diff it, and set MINUTES_UPDATE_GOLDEN=1 if the change is intended).");
        }
    }

    public static string Scrub(string text)
    {
        text = IsoDate().Replace(text, "<date>");
        text = RunId().Replace(text, "<run-id>");
        text = Elapsed().Replace(text, "\"elapsedSeconds\": 0");
        text = TempPath().Replace(text, "<tmp>");
        return text;
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\d{8}-\d{6}-[0-9a-f]{6}")]
    private static partial Regex RunId();

    [GeneratedRegex(@"""elapsedSeconds"": [0-9.]+")]
    private static partial Regex Elapsed();

    [GeneratedRegex(@"/tmp/minutes-tests/[0-9a-f]{12}")]
    private static partial Regex TempPath();
}
