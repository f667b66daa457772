using System.Diagnostics;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Tests.Support;

namespace Minutes.Tests.Transcription;

/// <summary>
/// The command line from a committed Japanese recording to the transcript: real decoder, real
/// Silero VAD from ../shared/models, real Whisper.net on a generated model.
/// </summary>
public sealed class TranscribePipelineTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _model;
    private readonly string _recording = RepoPaths.Sample("committee/recording.ogg");

    public TranscribePipelineTests()
    {
        _model = _temp.File("crafted.bin");
        TinyWhisperModel.WriteCrafted(_model, ["ただいま", "から", "委員会", "を", "開会", "します"]);
    }

    public void Dispose() => _temp.Dispose();

    private string[] Args(string run, params string[] more) =>
        ["transcribe", _recording, "-o", run, "--model", _model, "--vad-model", RepoPaths.SileroModel, "--threads", "2", "--stop-after", "transcript", .. more];

    [SkippableFact]
    public async Task Transcribe_writes_the_traces_and_a_manifest_with_digests()
    {
        var run = _temp.File("run");

        var result = await CliRunner.RunAsync(Args(run));

        Assert.True(result.ExitCode == 0, result.Error);
        var folder = RunFolder.Open(run);
        var manifest = folder.LoadManifest();
        Assert.Equal(["audio", "vad", "transcript"], manifest.Stages.Select(s => s.Name));
        Assert.All(manifest.Stages, s => Assert.Equal(StageStatus.Completed, s.Status));
        Assert.Equal(Hashing.Sha256OfFile(_recording), manifest.Source!.Sha256);
        Assert.Equal(manifest.Source.Sha256, folder.Read(RunFolder.AudioTrace, MinutesJson.Context.AudioInfo).SourceSha256);
        Assert.All(manifest.Stages.SelectMany(s => s.Outputs), o => Assert.Equal(Hashing.Sha256OfFile(folder.PathOf(o.Path)), o.Sha256));

        var vad = folder.Read(RunFolder.VadTrace, MinutesJson.Context.VadTrace);
        var transcript = folder.Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript);
        Assert.Equal("silero", vad.Detector);
        Assert.InRange(transcript.Segments.Count, 5, vad.Regions.Count);
        Assert.All(transcript.Segments, s =>
        {
            Assert.Equal("ただいまから委員会を開会します", s.Text);
            // Each chunk starts at a speech region, and its segment points back to a region inside it.
            Assert.Contains(vad.Regions, r => r.Start == s.Start);
            var region = vad.Regions.Single(r => s.RegionId == r.Id);
            Assert.True(region.Start >= s.Start && region.End <= s.End + 0.001, $"{s.Id} {s.Start}-{s.End} vs {region.Id} {region.Start}-{region.End}");
        });
        Assert.Equal(transcript.Segments.Select((_, i) => $"s{i + 1:D4}"), transcript.Segments.Select(s => s.Id));
        Assert.Contains("\"text\": \"ただいまから委員会を開会します\"", File.ReadAllText(folder.PathOf(RunFolder.TranscriptTrace)), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_killed_transcription_resumes_from_its_checkpoint_and_equals_an_uninterrupted_run()
    {
        var reference = _temp.File("reference");
        Assert.Equal(0, (await CliRunner.RunAsync(Args(reference))).ExitCode);

        var run = _temp.File("killed");
        var chunks = Path.Combine(run, RunFolder.TranscriptCheckpoint);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "minutes.dll"));
        foreach (var arg in Args(run))
        {
            info.ArgumentList.Add(arg);
        }

        using (var process = Process.Start(info)!)
        {
            var clock = Stopwatch.StartNew();
            while (!(Directory.Exists(chunks) && Directory.GetFiles(chunks, "chunk-*.json").Length >= 1) && !process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(5);
            }

            Assert.False(process.HasExited, "the transcription ended before it could be interrupted");
            process.Kill(entireProcessTree: true);
            using var exited = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await process.WaitForExitAsync(exited.Token);
        }

        var folder = RunFolder.Open(run);
        Assert.False(folder.Exists(RunFolder.TranscriptTrace));
        Assert.Equal(StageStatus.Running, folder.LoadManifest().Stage("transcript")!.Status);
        var kept = Directory.GetFiles(chunks, "chunk-*.json").Order().ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var resumed = await CliRunner.RunAsync(Args(run, "--resume"));

        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains("[audio] unchanged, reused", resumed.Error, StringComparison.Ordinal);
        Assert.Contains("[vad] unchanged, reused", resumed.Error, StringComparison.Ordinal);
        Assert.All(kept, k => Assert.Equal(k.Value, File.GetLastWriteTimeUtc(k.Key)));
        Assert.Equal(
            File.ReadAllText(Path.Combine(reference, RunFolder.TranscriptTrace)),
            File.ReadAllText(folder.PathOf(RunFolder.TranscriptTrace)));
    }

    [SkippableFact]
    public async Task Cancelling_exits_130_and_leaves_a_resumable_run()
    {
        var run = _temp.File("cancelled");
        // Cancelled as the first chunk is reported done, so later chunks are still to do.
        var result = await CliRunner.RunCancellingAsync(Args(run), line => line.StartsWith("[transcript] ", StringComparison.Ordinal) && line.EndsWith(" %", StringComparison.Ordinal));

        Assert.True(Directory.GetFiles(Path.Combine(run, RunFolder.TranscriptCheckpoint), "chunk-*.json").Length >= 1, result.Error);
        Assert.Equal(130, result.ExitCode);
        Assert.Contains("minutes: cancelled; run the same command with --resume to continue.", result.Error, StringComparison.Ordinal);
        var stage = RunFolder.Open(run).LoadManifest().Stage("transcript")!;
        Assert.Equal((StageStatus.Failed, "cancelled"), (stage.Status, stage.Error));
        Assert.Equal(0, (await CliRunner.RunAsync(Args(run, "--resume"))).ExitCode);
    }

    [SkippableFact]
    public async Task The_whole_pipeline_runs_from_the_recording_to_the_review_page()
    {
        var run = _temp.File("full");

        var result = await CliRunner.RunAsync(
            "transcribe", _recording, "-o", run, "--model", _model, "--vad-model", RepoPaths.SileroModel,
            "--agenda", RepoPaths.Sample("committee/agenda.txt"), "--meeting", RepoPaths.Sample("committee/meeting.txt"));

        Assert.True(result.ExitCode == 0, result.Error);
        var folder = RunFolder.Open(run);
        Assert.Equal(
            ["audio", "vad", "transcript", "speakers", "sessions", "draft", "render", "review"],
            folder.LoadManifest().Stages.Select(s => s.Name));
        Assert.All(folder.LoadManifest().Stages, s => Assert.Equal(StageStatus.Completed, s.Status));
        Assert.True(folder.Exists(RunFolder.MinutesMarkdown) && folder.Exists(RunFolder.ReviewPage));
        Assert.Equal("令和7年第4回 総務常任委員会", folder.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument).Header.MeetingName);
    }
}
