using Minutes.Json;
using Minutes.Runs;
using Minutes.Tests.Support;

namespace Minutes.Tests.Import;

/// <summary>
/// <c>minutes import</c> in-process: the same short meeting as SRT, WebVTT, transcript JSON and
/// timed text must give the same segments and speakers; bad files exit 2 with one line and leave
/// no completed stage.
/// </summary>
public sealed class ImportCommandTests
{
    private static readonly string[] Formats = ["meeting.srt", "meeting.vtt", "meeting.json", "meeting.txt"];

    public static TheoryData<string> Meetings => new(Formats);

    [Theory]
    [MemberData(nameof(Meetings))]
    public async Task Each_format_imports_with_its_speakers_and_runs_the_sessions_stage(string file)
    {
        using var temp = new TempFolder();
        var path = RepoPaths.Fixture($"import/{file}");

        var result = await CliRunner.RunAsync("import", path, "-o", temp.File("run"));

        Assert.True(result.ExitCode == 0, result.Error);
        var run = RunFolder.Open(temp.File("run"));
        var transcript = run.Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript);
        Assert.Equal("import", transcript.Source.Kind);
        Assert.Equal(file, transcript.Source.Name);
        Assert.Equal(Hashing.Sha256OfFile(path), transcript.Source.Sha256);
        Assert.Equal(6, transcript.Segments.Count);

        var speakers = run.Read(RunFolder.SpeakersTrace, MinutesJson.Context.SpeakerMap);
        Assert.Equal(File.ReadAllLines(RepoPaths.Fixture("import/speakers.txt")), speakers.Speakers.Select(s => s.Name));
        Assert.All(speakers.Speakers, s => Assert.Equal("imported", s.Source));
        Assert.Equal(transcript.Segments.Select(s => s.Speaker), speakers.Segments.Select(a => a.Speaker));

        var manifest = run.LoadManifest();
        Assert.Equal([StageNames.Transcript, StageNames.Speakers, StageNames.Sessions], manifest.Stages.Select(s => s.Name));
        Assert.All(manifest.Stages, s => Assert.Equal(StageStatus.Completed, s.Status));
        Assert.Equal(path, manifest.Stage(StageNames.Transcript)!.Inputs[0].Path);

        var sessions = run.Read(RunFolder.SessionsTrace, MinutesJson.Context.SessionPlan);
        Assert.Equal(["open", "item", "close"], sessions.Sessions.Select(s => s.Kind));
        Assert.Equal([1.0, 6.0, 34.0], sessions.Sessions.Select(s => s.Start));
    }

    [Fact]
    public async Task All_formats_give_the_same_segments()
    {
        using var temp = new TempFolder();
        var texts = new List<string>();
        foreach (var file in Formats)
        {
            var output = temp.File(file);
            Assert.Equal(0, (await CliRunner.RunAsync("import", RepoPaths.Fixture($"import/{file}"), "-o", output)).ExitCode);
            var transcript = RunFolder.Open(output).Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript);
            texts.Add(string.Join("\n", transcript.Segments.Select(s => $"{s.Id} {s.Start:0.000} {s.End:0.000} {s.Speaker} {s.Text}")));
        }

        Assert.All(texts, t => Assert.Equal(texts[0], t));
    }

    [Fact]
    public async Task A_text_without_times_gets_synthesised_monotonic_times_and_says_so()
    {
        using var temp = new TempFolder();

        var result = await CliRunner.RunAsync("import", RepoPaths.Fixture("import/untimed.txt"), "-o", temp.File("run"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("synthesised", result.Error, StringComparison.Ordinal);
        var transcript = RunFolder.Open(temp.File("run")).Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript);
        Assert.Equal("synthesised", transcript.Settings["times"]);
        Assert.All(transcript.Segments.Zip(transcript.Segments.Skip(1)), p => Assert.True(p.First.End < p.Second.Start));
    }

    [Fact]
    public async Task An_overlap_of_a_few_ms_is_clamped_and_noted()
    {
        using var temp = new TempFolder();

        var result = await CliRunner.RunAsync("import", RepoPaths.Fixture("import/small-overlap.srt"), "-o", temp.File("run"));

        Assert.Equal(0, result.ExitCode);
        var transcript = RunFolder.Open(temp.File("run")).Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript);
        Assert.Equal("1", transcript.Settings["clampedOverlaps"]);
        Assert.Equal(5.0, transcript.Segments[0].End);
        Assert.Contains("Clamped 1 overlap", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad-unsorted.srt", "Times are not sorted: cue 3 starts at 00:00:07.000")]
    [InlineData("bad-overlap.vtt", "Overlapping times: cue b (line 7) starts at 00:00:05.000")]
    [InlineData("bad-empty.txt", "is empty")]
    [InlineData("bad-unknown.docx", "Unknown transcript format")]
    [InlineData("bad-mixed.txt", "line 2 has no time")]
    [InlineData("bad-ends-before-start.srt", "cue 1 ends (00:00:01.000) before it starts")]
    [InlineData("bad-not-transcript.json", "is not a Minutes transcript JSON file")]
    [InlineData("bad-huge-time.json", "bad-huge-time.json: segment s0002 start: 1E+308 is not a time in a meeting")]
    [InlineData("bad-negative-time.json", "bad-negative-time.json: segment s0001 start: -3.5 is not a time in a meeting")]
    public async Task A_bad_file_exits_2_with_one_line_and_no_completed_stage(string file, string expected)
    {
        using var temp = new TempFolder();

        var result = await CliRunner.RunAsync("import", RepoPaths.Fixture($"import/{file}"), "-o", temp.File("run"));

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith("minutes: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp.File("run"), RunFolder.ManifestFile)));
    }

    [Fact]
    public async Task A_bad_session_option_or_missing_agenda_fails_before_the_run_starts()
    {
        using var temp = new TempFolder();
        var meeting = RepoPaths.Fixture("import/meeting.srt");

        var pause = await CliRunner.RunAsync("import", meeting, "-o", temp.File("a"), "--pause-seconds", "0");
        var agenda = await CliRunner.RunAsync("import", meeting, "-o", temp.File("b"), "--agenda", temp.File("missing.txt"));

        Assert.Equal(2, pause.ExitCode);
        Assert.StartsWith("minutes: Session options out of range", pause.Error, StringComparison.Ordinal);
        Assert.Equal(2, agenda.ExitCode);
        Assert.StartsWith("minutes: Agenda file not found", agenda.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("a")) || Directory.Exists(temp.File("b")));
    }

    [Fact]
    public async Task An_agenda_that_matches_nothing_warns_and_the_cue_phrases_carry_on()
    {
        using var temp = new TempFolder();

        var result = await CliRunner.RunAsync("import", RepoPaths.Fixture("import/meeting.vtt"), "-o", temp.File("run"), "--agenda", RepoPaths.Fixture("import/nothing.agenda.txt"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: the agenda file nothing.agenda.txt matched nothing", result.Error, StringComparison.Ordinal);
        var run = RunFolder.Open(temp.File("run"));
        var sessions = run.Read(RunFolder.SessionsTrace, MinutesJson.Context.SessionPlan);
        Assert.Contains(sessions.Notes, n => n.Contains("matched nothing", StringComparison.Ordinal));
        Assert.Equal(["open", "item", "close"], sessions.Sessions.Select(s => s.Kind));
        Assert.Contains(run.LoadManifest().Stage("sessions")!.Inputs, i => i.Path.EndsWith("nothing.agenda.txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_recording_given_with_audio_becomes_the_runs_source()
    {
        using var temp = new TempFolder();
        var recording = temp.File("meeting.ogg");
        File.Copy(RepoPaths.Sample("committee/recording.ogg"), recording);

        var result = await CliRunner.RunAsync("import", RepoPaths.Fixture("import/meeting.srt"), "-o", temp.File("run"), "--audio", recording);

        Assert.Equal(0, result.ExitCode);
        var manifest = RunFolder.Open(temp.File("run")).LoadManifest();
        Assert.Equal(Hashing.Sha256OfFile(recording), manifest.Source!.Sha256);
        Assert.Contains(manifest.Stage(StageNames.Transcript)!.Inputs, i => i.Path == recording);
        Assert.Equal(StageStatus.Completed, manifest.Stage(StageNames.Audio)!.Status);
        Assert.True(File.Exists(Path.Combine(temp.File("run"), RunFolder.DecodedAudio)), "the recording is decoded so that the review page can play it");
    }

    [Fact]
    public async Task Reimporting_a_file_without_speakers_drops_the_old_speakers()
    {
        using var temp = new TempFolder();
        var output = temp.File("run");
        Assert.Equal(0, (await CliRunner.RunAsync("import", RepoPaths.Fixture("import/meeting.srt"), "-o", output)).ExitCode);
        var anonymous = temp.File("anonymous.srt");
        File.WriteAllText(anonymous, "1\n00:00:01,000 --> 00:00:02,000\nhello\n");

        Assert.Equal(0, (await CliRunner.RunAsync("import", anonymous, "-o", output)).ExitCode);

        var run = RunFolder.Open(output);
        Assert.False(run.Exists(RunFolder.SpeakersTrace));
        Assert.Equal(StageStatus.Skipped, run.LoadManifest().Stage(StageNames.Speakers)!.Status);
        Assert.Equal(StageStatus.Completed, run.LoadManifest().Stage(StageNames.Sessions)!.Status);
    }

    [Fact]
    public async Task A_runs_own_transcript_reimports_with_the_speaker_names_beside_it()
    {
        using var temp = new TempFolder();
        var first = temp.File("first");
        Assert.Equal(0, (await CliRunner.RunAsync("import", RepoPaths.Fixture("import/meeting.vtt"), "-o", first)).ExitCode);
        var corrected = RunFolder.Open(first).PathOf(RunFolder.TranscriptTrace);

        var result = await CliRunner.RunAsync("import", corrected, "-o", temp.File("second"));

        Assert.Equal(0, result.ExitCode);
        var second = RunFolder.Open(temp.File("second"));
        Assert.Equal(File.ReadAllLines(RepoPaths.Fixture("import/speakers.txt")), second.Read(RunFolder.SpeakersTrace, MinutesJson.Context.SpeakerMap).Speakers.Select(s => s.Name));
        var before = RunFolder.Open(first).Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript).Segments;
        Assert.Equal(before.Select(s => (s.Id, s.Speaker, s.Text)), second.Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript).Segments.Select(s => (s.Id, s.Speaker, s.Text)));
    }
}
