using System.Text.Json.Nodes;
using Minutes.Runs;
using Minutes.Tests.Support;

namespace Minutes.Tests.Runs;

/// <summary>
/// Absurd values in a run's JSON (a manifest of the wrong shape, NaN, 1e308, negative times, an
/// end before its start) give one line naming the file and the field: exit 2, or 3 once the run
/// was approved. Never "unexpected error".
/// </summary>
public sealed class ArtifactShapeTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("manifest-wrong-shape.json", "manifest.json is not valid: ", "$.stages")]
    [InlineData("manifest-no-run-id.json", "manifest.json is not valid: runId: missing.", "")]
    public async Task A_manifest_of_the_wrong_shape_is_one_line_naming_the_field(string fixture, string expected, string field)
    {
        var run = await CliRunner.ImportSampleAsync(_temp.File("run"), "committee");
        File.Copy(RepoPaths.Fixture($"runs/{fixture}"), Path.Combine(run, RunFolder.ManifestFile), overwrite: true);

        var result = await CliRunner.RunAsync("review", run);

        AssertOneLine(result, ExitCodes.Failure, expected);
        Assert.Contains(field, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RunFolder.TranscriptTrace, "segments", 1, "end", "0.5", "trace/03-transcript.json is not valid: segments[1].end: 0.5 is before its start")]
    [InlineData(RunFolder.TranscriptTrace, "segments", 0, "start", "-2", "trace/03-transcript.json is not valid: segments[0].start: -2 is not a time in a meeting")]
    [InlineData(RunFolder.SessionsTrace, "sessions", 0, "end", "1e308", "trace/05-sessions.json is not valid: sessions[0].end: 1E+308 is not a time in a meeting")]
    [InlineData(RunFolder.TranscriptTrace, "segments", 2, "start", "NaN", "trace/03-transcript.json is not valid: ")]
    public async Task An_absurd_time_in_a_trace_is_one_line_naming_the_file_and_field(string file, string list, int index, string field, string value, string expected)
    {
        var run = await CliRunner.ImportSampleAsync(_temp.File("run"), "committee");
        SetTime(Path.Combine(run, file), list, index, field, value);

        var result = await CliRunner.RunAsync("draft", run, "--offline");

        AssertOneLine(result, ExitCodes.Failure, expected);
        Assert.Contains($"{list}[{index}].{field}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_absurd_time_in_an_approved_run_exits_3()
    {
        var run = await CliRunner.ImportSampleAsync(_temp.File("run"), "committee");
        Assert.Equal(0, (await CliRunner.RunAsync("draft", run, "--offline")).ExitCode);
        var approved = await CliRunner.RunAsync("approve", run, "--reviewer", "佐藤");
        Assert.True(approved.ExitCode == 0, approved.Error);
        SetTime(Path.Combine(run, RunFolder.TranscriptTrace), "segments", 3, "end", "1e308");

        var result = await CliRunner.RunAsync("review", run);

        AssertOneLine(result, ExitCodes.VerificationFailed, "trace/03-transcript.json is not valid: segments[3].end: 1E+308 is not a time in a meeting");
    }

    private static void SetTime(string path, string list, int index, string field, string value)
    {
        // Written as raw text so that NaN (which JSON has no number for) reaches the reader as it would from an editor.
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        json[list]![index]![field] = "@@TIME@@";
        File.WriteAllText(path, json.ToJsonString().Replace("\"@@TIME@@\"", value, StringComparison.Ordinal));
    }

    private static void AssertOneLine(CliRunner.Result result, int exitCode, string expected)
    {
        Assert.Equal(exitCode, result.ExitCode);
        // Progress lines ("[draft] started") may come first; the failure is one line of its own.
        var line = Assert.Single(result.Error.Trim().Split('\n'), l => l.StartsWith("minutes:", StringComparison.Ordinal));
        Assert.StartsWith("minutes: " + expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected error", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
