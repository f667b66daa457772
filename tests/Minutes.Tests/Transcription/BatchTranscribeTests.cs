using Minutes.Tests.Support;

namespace Minutes.Tests.Transcription;

/// <summary>
/// <c>transcribe --batch</c> on a folder of two small recordings (clips of the VAD fixture's
/// speech; one without an extension, found by its first bytes), one file named like a recording
/// that is none, and a note that is not a recording: real decoder, energy detector, crafted
/// Whisper model, offline drafter.
/// </summary>
public sealed class BatchTranscribeTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _model;
    private readonly string _folder;

    public BatchTranscribeTests()
    {
        _model = _temp.File("crafted.bin");
        TinyWhisperModel.WriteCrafted(_model, ["ただいま", "から", "委員会", "を", "開会", "します"]);
        _folder = _temp.File("recordings");
        Directory.CreateDirectory(_folder);
        SpeechClip.Write(Path.Combine(_folder, "a-morning.wav"), 0, 6.4);
        File.WriteAllText(Path.Combine(_folder, "b-broken.wav"), "this is not a recording");
        SpeechClip.Write(Path.Combine(_folder, "c-evening"), 16.2, 20.0);
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "agenda notes");
    }

    public void Dispose() => _temp.Dispose();

    private string[] Args(string runs) => ["transcribe", "--batch", _folder, "-o", runs, "--model", _model, "--energy-vad", "--threads", "2", "--offline"];

    [Fact]
    public async Task A_batch_runs_every_recording_into_its_own_folder_goes_on_after_a_failure_and_ends_with_a_summary()
    {
        var runs = _temp.File("runs");

        var result = await CliRunner.RunAsync(Args(runs));

        Assert.Equal(2, result.ExitCode);
        var lines = result.Out.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("RECORDING", lines[0], StringComparison.Ordinal);
        Assert.Equal(["RECORDING", "RUN", "STATUS", "DURATION", "STATEMENTS", "BLOCKERS"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["a-morning.wav", Path.Combine(runs, "a-morning"), "done", "0:00:06"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[..4]);
        Assert.Equal(["b-broken.wav", Path.Combine(runs, "b-broken"), "FAILED", "-", "-", "-"], lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["c-evening", Path.Combine(runs, "c-evening"), "done", "0:00:04"], lines[3].Split(' ', StringSplitOptions.RemoveEmptyEntries)[..4]);
        Assert.True(int.Parse(lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[4], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("3 recording(s): 2 done, 1 failed", lines[4]);
        Assert.StartsWith("  b-broken.wav: ", lines[5], StringComparison.Ordinal);
        Assert.DoesNotContain("notes", result.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(runs, "a-morning", "review.html")));
        Assert.True(File.Exists(Path.Combine(runs, "c-evening", "review.html")));
        Assert.Contains("[batch] b-broken.wav: failed: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_run_again_reuses_the_finished_runs()
    {
        var runs = _temp.File("runs");
        await CliRunner.RunAsync(Args(runs));
        var stamp = File.GetLastWriteTimeUtc(Path.Combine(runs, "a-morning", "trace", "03-transcript.json"));

        var again = await CliRunner.RunAsync(Args(runs));

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("[transcript] unchanged, reused", again.Error, StringComparison.Ordinal);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(Path.Combine(runs, "a-morning", "trace", "03-transcript.json")));
        Assert.Contains("3 recording(s): 2 done, 1 failed", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_and_recordings_together_or_neither_is_a_usage_error()
    {
        var both = await CliRunner.RunAsync("transcribe", Path.Combine(_folder, "a-morning.wav"), "--batch", _folder);
        var neither = await CliRunner.RunAsync("transcribe");
        var empty = _temp.File("empty");
        Directory.CreateDirectory(empty);
        var none = await CliRunner.RunAsync("transcribe", "--batch", empty, "-o", _temp.File("runs"));

        Assert.Equal((1, 1, 2), (both.ExitCode, neither.ExitCode, none.ExitCode));
        Assert.Contains("either recordings or --batch", both.Error, StringComparison.Ordinal);
        Assert.Contains("holds no recordings", none.Error, StringComparison.Ordinal);
    }
}
