using Minutes.Json;
using Minutes.Runs;
using Minutes.Tests.Support;
using Minutes.Transcription;

namespace Minutes.Tests.Runs;

public sealed class RunFolderTests
{
    private static readonly Dictionary<string, string> Parameters = new() { ["model"] = "tiny" };

    [Fact]
    public void Json_keeps_japanese_readable_and_uses_camel_case()
    {
        var transcript = new Transcript("ja", new TranscriptSource("import", "会議.vtt"), new Dictionary<string, string>(), [new TranscriptSegment("s0001", 1.25, 2.5, "ただいまから委員会を開会します")], []);

        var json = MinutesJson.Serialize(transcript, MinutesJson.Context.Transcript);

        Assert.Contains("\"text\": \"ただいまから委員会を開会します\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
        Assert.Contains("\"start\": 1.25", json, StringComparison.Ordinal);
        Assert.Equal(transcript.Segments[0], MinutesJson.Deserialize(json, MinutesJson.Context.Transcript).Segments[0]);
    }

    [Fact]
    public async Task A_completed_stage_is_reused_on_resume_only_while_inputs_and_parameters_are_unchanged()
    {
        using var temp = new TempFolder();
        var input = temp.File("input.txt");
        File.WriteAllText(input, "one");
        var run = RunFolder.Create(temp.File("run"), null);
        var calls = 0;
        Task Work(CancellationToken _)
        {
            calls++;
            run.WriteText("trace/out.txt", File.ReadAllText(input) + calls);
            return Task.CompletedTask;
        }

        var stage = new StageDefinition("vad", Parameters, [input], ["trace/out.txt"]);
        Assert.Equal(StageOutcome.Ran, await new StageRunner(run, resume: true).RunAsync(stage, Work, default));
        Assert.Equal(StageOutcome.Reused, await new StageRunner(run, resume: true).RunAsync(stage, Work, default));
        Assert.Equal(StageOutcome.Ran, await new StageRunner(run, resume: false).RunAsync(stage, Work, default));

        File.WriteAllText(input, "two");
        Assert.Equal(StageOutcome.Ran, await new StageRunner(run, resume: true).RunAsync(stage, Work, default));

        var changed = stage with { Parameters = new Dictionary<string, string> { ["model"] = "base" } };
        Assert.Equal(StageOutcome.Ran, await new StageRunner(run, resume: true).RunAsync(changed, Work, default));

        File.WriteAllText(run.PathOf("trace/out.txt"), "edited by hand");
        Assert.Equal(StageOutcome.Ran, await new StageRunner(run, resume: true).RunAsync(changed, Work, default));
        Assert.Equal(5, calls);

        var record = run.LoadManifest().Stage("vad")!;
        Assert.Equal(StageStatus.Completed, record.Status);
        Assert.Equal(Hashing.Sha256OfFile(input), record.Inputs[0].Sha256);
        Assert.Equal("trace/out.txt", record.Outputs[0].Path);
    }

    [Fact]
    public async Task A_failing_stage_is_recorded_as_failed_and_a_failed_rerun_keeps_the_earlier_output_and_record()
    {
        using var temp = new TempFolder();
        var run = RunFolder.Create(temp.File("run"), null);
        var stage = new StageDefinition("transcript", Parameters, [], ["trace/out.txt"]);
        Task Fail(CancellationToken _) => throw new MinutesException("model file is not a Whisper model\nsecond line");

        await Assert.ThrowsAsync<MinutesException>(() => new StageRunner(run, resume: false).RunAsync(stage, Fail, default));
        var failed = run.LoadManifest().Stage("transcript")!;
        Assert.Equal((StageStatus.Failed, "model file is not a Whisper model second line"), (failed.Status, failed.Error));

        await new StageRunner(run, resume: false).RunAsync(stage, _ => { run.WriteText("trace/out.txt", "good"); return Task.CompletedTask; }, default);
        await Assert.ThrowsAsync<MinutesException>(() => new StageRunner(run, resume: false).RunAsync(stage, Fail, default));

        // The earlier output is untouched, so its completed record stays (named fix: issue 11, item 5).
        var record = run.LoadManifest().Stage("transcript")!;
        Assert.Equal(StageStatus.Completed, record.Status);
        Assert.Equal("model file is not a Whisper model second line", record.LastFailure!.Error);
        Assert.Equal("good", File.ReadAllText(run.PathOf("trace/out.txt")));
        Assert.Equal(StageOutcome.Reused, await new StageRunner(run, resume: true).RunAsync(stage, _ => Task.CompletedTask, default));
    }

    [Fact]
    public void Manifest_keeps_stages_in_pipeline_order()
    {
        var manifest = new Manifest(1, "id", "0.1.0", DateTimeOffset.UnixEpoch, null, []);
        StageRecord Stage(string name) => new(name, StageStatus.Completed, Parameters, [], [], DateTimeOffset.UnixEpoch, 0);

        manifest = manifest.WithStage(Stage(StageNames.Transcript)).WithStage(Stage(StageNames.Audio)).WithStage(Stage(StageNames.Vad)).WithStage(Stage(StageNames.Audio));

        Assert.Equal([StageNames.Audio, StageNames.Vad, StageNames.Transcript], manifest.Stages.Select(s => s.Name));
    }

    [Fact]
    public void Atomic_writes_leave_no_temporary_files()
    {
        using var temp = new TempFolder();
        AtomicFile.WriteAllText(temp.File("a/b.json"), "{}");
        AtomicFile.WriteAllText(temp.File("a/b.json"), "{\"x\": 1}");

        Assert.Equal(["b.json"], Directory.GetFiles(temp.File("a")).Select(Path.GetFileName));
        Assert.Equal("{\"x\": 1}", File.ReadAllText(temp.File("a/b.json")));
    }

    [Fact]
    public async Task Cli_reports_a_missing_recording_in_one_line_with_exit_code_2()
    {
        var result = await CliRunner.RunAsync("transcribe", "/nonexistent/meeting.wav");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("minutes: Recording not found: /nonexistent/meeting.wav", result.Error.Trim());
    }

    [Fact]
    public async Task Cli_reports_an_unwritable_output_folder()
    {
        using var temp = new TempFolder();
        var recording = temp.File("x.wav");
        File.WriteAllBytes(recording, new byte[100]);
        var blocker = temp.File("file");
        File.WriteAllText(blocker, "not a folder");

        var result = await CliRunner.RunAsync("transcribe", recording, "-o", Path.Combine(blocker, "run"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("minutes: Cannot write to the output folder", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Transcribe_with_a_missing_agenda_fails_before_the_run_folder_is_made()
    {
        using var temp = new TempFolder();
        var recording = temp.File("x.wav");
        File.WriteAllBytes(recording, new byte[100]);

        var result = await CliRunner.RunAsync("transcribe", recording, "-o", temp.File("run"), "--agenda", temp.File("missing.txt"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("minutes: Agenda file not found", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("run")));
    }

    [Fact]
    public async Task A_stage_run_unless_current_is_reused_without_resume_until_an_input_changes()
    {
        using var temp = new TempFolder();
        var input = temp.File("input.txt");
        File.WriteAllText(input, "one");
        var run = RunFolder.Create(temp.File("run"), null);
        var stage = new CopyStage(input);
        var runner = new StageRunner(run, resume: false);

        Assert.Equal(StageOutcome.Ran, await runner.RunUnlessCurrentAsync(stage, default));
        Assert.Equal(StageOutcome.Reused, await runner.RunUnlessCurrentAsync(stage, default));
        Assert.Equal(StageOutcome.Ran, await runner.RunAsync(stage, default));
        File.WriteAllText(input, "two");
        Assert.Equal(StageOutcome.Ran, await runner.RunUnlessCurrentAsync(stage, default));

        Assert.Equal(3, stage.Runs);
        Assert.Equal("two", File.ReadAllText(run.PathOf("trace/copy.txt")));
        Assert.Equal(StageStatus.Completed, run.LoadManifest().Stage("copy")!.Status);
    }

    /// <summary>A stage of the shape every product stage has: copies one outside file into the run.</summary>
    private sealed class CopyStage(string input) : IStage
    {
        public int Runs { get; private set; }

        public StageDefinition Define(RunFolder run) => new("copy", Parameters, [input], ["trace/copy.txt"]);

        public Task RunAsync(RunFolder run, CancellationToken cancellationToken)
        {
            Runs++;
            run.WriteText("trace/copy.txt", File.ReadAllText(input));
            return Task.CompletedTask;
        }
    }
}
