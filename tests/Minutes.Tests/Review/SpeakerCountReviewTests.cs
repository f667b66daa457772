using System.Globalization;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Tests.Support;

namespace Minutes.Tests.Review;

/// <summary>The review says how the speaker count was reached, and flags an estimate that was a close call.</summary>
public sealed class SpeakerCountReviewTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>The arguments of <c>minutes transcribe</c> on the committee sample into <paramref name="run"/>, with a crafted Whisper model (written once).</summary>
    internal static Func<string[], string[]> CommitteeTranscription(TempFolder temp, string run)
    {
        var model = temp.File("crafted.bin");
        TinyWhisperModel.WriteCrafted(model, ["ただいま", "から", "開会", "します"]);
        return extra => ["transcribe", RepoPaths.Sample("committee/recording.ogg"), "-o", run, "--model", model, "--vad-model", RepoPaths.SileroModel, "--offline", "--resume", .. extra];
    }

    [SkippableFact]
    public async Task An_estimate_near_the_penalty_is_flagged_and_a_given_count_is_said_to_be_given()
    {
        var run = _temp.File("run");
        var transcription = CommitteeTranscription(_temp, run);
        string[] Transcribe(params string[] extra) => transcription(extra);

        var first = await CliRunner.RunAsync(Transcribe());
        Assert.True(first.ExitCode == 0, first.Error);
        // The review plan renders and reviews through the transcription's runner, so both stages are reported.
        Assert.Contains("[render] done", first.Error, StringComparison.Ordinal);
        Assert.Contains("[review] done", first.Error, StringComparison.Ordinal);
        var clear = await CliRunner.RunAsync("review", run);
        var next = RunFolder.Open(run).Read(RunFolder.SpeakersTrace, MinutesJson.Context.SpeakerMap).Count!.CountNext!.Value;

        Assert.Contains("speaker count: 4, estimated (nearest BIC score", clear.Out, StringComparison.Ordinal);
        Assert.Contains("（推定）", File.ReadAllText(Path.Combine(run, "review.html")), StringComparison.Ordinal);

        // A penalty 0.01 above the score of the pair the BIC left apart: four voices become three, a close call.
        var close = (next + 0.01).ToString("0.000", CultureInfo.InvariantCulture);
        Assert.Equal(0, (await CliRunner.RunAsync(Transcribe("--speaker-penalty", close))).ExitCode);
        var doubtful = await CliRunner.RunAsync("review", run);

        Assert.Contains($"speaker count: 3, estimated — a close call (BIC score {next:0.000} against the penalty {close}): listen, or run again with --speakers N", doubtful.Out, StringComparison.Ordinal);
        Assert.Contains("（推定・要確認）", File.ReadAllText(Path.Combine(run, "review.html")), StringComparison.Ordinal);

        Assert.Equal(0, (await CliRunner.RunAsync(Transcribe("--speakers", "4"))).ExitCode);
        var given = await CliRunner.RunAsync("review", run);

        Assert.Contains("speaker count: 4, given", given.Out, StringComparison.Ordinal);
    }
}
