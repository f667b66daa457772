using System.Net;
using System.Net.Sockets;
using Minutes.Json;
using Minutes.Policy;
using Minutes.Runs;
using Minutes.Tests.Models;
using Minutes.Tests.Support;

namespace Minutes.Tests.Policy;

/// <summary>
/// The confidentiality level kept with the run, across commands: a level-3 run is never drafted
/// to a remote endpoint by a later command that names no level, and is refused before any
/// connection (a loopback listener behind <c>0.0.0.0</c>, which is no loopback address but on
/// Linux reaches one, must see nothing). Raising is recorded; lowering needs a reason.
/// </summary>
[Collection(nameof(EnvironmentCollection))]
public sealed class RunPolicyTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public RunPolicyTests() => _listener.Start();

    /// <summary>An endpoint that is not loopback by address, yet would reach <see cref="_listener"/>.</summary>
    private string Remote => $"http://0.0.0.0:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1";

    public void Dispose()
    {
        foreach (var name in new[] { "MINUTES_LLM_ENDPOINT", "MINUTES_LLM_MODEL" })
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        _listener.Stop();
        _listener.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_level_3_run_is_refused_by_a_plain_draft_with_a_remote_endpoint_before_any_connection()
    {
        var run = await ImportAsync("run", "--confidentiality", "3");
        Assert.Equal(Confidentiality.LocalOnly, RunFolder.Open(run).LoadManifest().Confidentiality);

        var byOption = await CliRunner.RunAsync("draft", run, "--endpoint", Remote, "--model", "m");
        Environment.SetEnvironmentVariable("MINUTES_LLM_ENDPOINT", Remote);
        Environment.SetEnvironmentVariable("MINUTES_LLM_MODEL", "m");
        var byEnvironment = await CliRunner.RunAsync("draft", run);

        foreach (var result in new[] { byOption, byEnvironment })
        {
            Assert.Equal(ExitCodes.Failure, result.ExitCode);
            Assert.Contains("Confidentiality level 3 forbids sending the transcript to 0.0.0.0", result.Error, StringComparison.Ordinal);
        }

        await AssertNoConnectionAsync();
        Assert.False(File.Exists(Path.Combine(run, RunFolder.MinutesTrace)));
        Assert.Null(RunFolder.Open(run).LoadManifest().Stage(StageNames.Draft));
    }

    [Fact]
    public async Task Transcribe_at_level_3_with_a_remote_endpoint_is_refused_before_the_audio_stage()
    {
        var run = _temp.File("recorded");

        var result = await CliRunner.RunAsync(
            "transcribe", RepoPaths.Sample("committee/recording.ogg"), "-o", run, "--confidentiality", "3", "--llm-endpoint", Remote, "--llm-model", "m");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("Confidentiality level 3 forbids", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(run, RunFolder.AudioTrace)));
        await AssertNoConnectionAsync();
    }

    [Fact]
    public async Task A_later_draft_keeps_the_runs_level_and_a_higher_one_is_recorded_as_a_raise()
    {
        var run = await ImportAsync("run");
        Assert.Equal(Confidentiality.Open, RunFolder.Open(run).LoadManifest().Confidentiality);

        Assert.Equal(0, (await CliRunner.RunAsync("draft", run, "--offline", "--confidentiality", "2", "--reviewer", "佐藤")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("draft", run, "--offline")).ExitCode);

        var folder = RunFolder.Open(run);
        var manifest = folder.LoadManifest();
        Assert.Equal(Confidentiality.Masked, manifest.Confidentiality);
        var change = Assert.Single(manifest.ConfidentialityChanges!);
        Assert.Equal((1, 2, "佐藤", "draft", false), (change.From.Level, change.To.Level, change.By, change.Command, change.Lowered));
        Assert.Equal(Confidentiality.Masked, folder.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument).Confidentiality);
    }

    [Fact]
    public async Task Lowering_the_level_needs_a_reason_and_is_recorded_with_who_and_why_on_the_review_page()
    {
        var run = await ImportAsync("run", "--confidentiality", "3");

        var refused = await CliRunner.RunAsync("draft", run, "--offline", "--confidentiality", "1");
        Assert.Equal(ExitCodes.Failure, refused.ExitCode);
        Assert.Contains("needs --lower-confidentiality", refused.Error, StringComparison.Ordinal);
        Assert.Equal(Confidentiality.LocalOnly, RunFolder.Open(run).LoadManifest().Confidentiality);

        var lowered = await CliRunner.RunAsync("draft", run, "--offline", "--confidentiality", "1", "--lower-confidentiality", "公開の会議のため", "--reviewer", "佐藤");
        Assert.True(lowered.ExitCode == 0, lowered.Error);
        Assert.Equal(0, (await CliRunner.RunAsync("review", run)).ExitCode);

        var manifest = RunFolder.Open(run).LoadManifest();
        Assert.Equal(Confidentiality.Open, manifest.Confidentiality);
        var change = Assert.Single(manifest.ConfidentialityChanges!);
        Assert.Equal((3, 1, "佐藤", "公開の会議のため", true), (change.From.Level, change.To.Level, change.By, change.Reason, change.Lowered));
        var page = await File.ReadAllTextAsync(Path.Combine(run, RunFolder.ReviewPage));
        Assert.Contains("id=\"confidentiality-changes\" open", page, StringComparison.Ordinal);
        Assert.Contains("公開の会議のため", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_written_before_the_level_was_kept_takes_its_drafts_level()
    {
        var run = await ImportAsync("run");
        Assert.Equal(0, (await CliRunner.RunAsync("draft", run, "--offline", "--confidentiality", "3")).ExitCode);
        var folder = RunFolder.Open(run);
        folder.SaveManifest(folder.LoadManifest() with { Confidentiality = null, ConfidentialityChanges = null });

        var result = await CliRunner.RunAsync("draft", run, "--endpoint", Remote, "--model", "m");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("Confidentiality level 3 forbids", result.Error, StringComparison.Ordinal);
        await AssertNoConnectionAsync();
    }

    private async Task<string> ImportAsync(string name, params string[] options)
    {
        var run = _temp.File(name);
        var result = await CliRunner.RunAsync(["import", RepoPaths.Sample("committee/reference.vtt"), "-o", run, .. options]);
        Assert.True(result.ExitCode == 0, result.Error);
        return run;
    }

    private async Task AssertNoConnectionAsync()
    {
        // A connection already made would be pending now; a moment's grace covers one still on its way.
        await Task.Delay(200);
        Assert.False(_listener.Pending(), "a connection reached the endpoint the level forbids");
    }
}
