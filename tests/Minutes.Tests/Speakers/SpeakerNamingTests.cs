using Minutes.Audio;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Speakers;
using Minutes.Tests.Support;
using Xunit.Abstractions;

namespace Minutes.Tests.Speakers;

public sealed class SpeakerNamingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_enrolled_voice_names_its_cluster_with_a_score_and_the_roster_overrides()
    {
        using var temp = new TempFolder();
        var enrolment = temp.File("jimukyoku.wav");
        SampleRuns.WriteWav(enrolment, VoiceOf("council", "S4", turns: 3));
        var store = ProfileStore.Open(temp.File("profiles"));
        var profile = store.Enroll("事務局", enrolment);
        Assert.True(profile.SpeechSeconds >= 3);
        Assert.Equal(["事務局"], store.List().Select(p => p.Name));

        var run = SampleRuns.Create(temp.File("run"), SampleRuns.Samples("council"), SampleRuns.Speech("council"));
        await RunSpeakersAsync(run, resume: false, new DiarizationOptions { ProfilesFolder = store.Folder });
        var map = run.Read(RunFolder.SpeakersTrace, MinutesJson.Context.SpeakerMap);
        foreach (var s in map.Speakers)
        {
            output.WriteLine($"{s.Id} {s.Name} {s.Source} {s.Score}");
        }

        var named = Assert.Single(map.Speakers, s => s.Source == NameSources.Enrolled);
        Assert.Equal("事務局", named.Name);
        Assert.NotNull(named.Score);
        var reference = DiarizationScoring.LoadRttm(Path.Combine(RepoPaths.Sample("council"), "reference.rttm"));
        Assert.Equal(named.Id, DiarizationScoring.Score(reference, map.Turns, 0.25).Mapping["S4"]);
        Assert.Equal(["話者1", "話者2", "話者3"], map.Speakers.Where(s => s.Source == NameSources.Anonymous).Select(s => s.Name));

        var roster = DiarizationOptions.ParseNames($"{named.Id}=事務局長");
        await RunSpeakersAsync(run, resume: true, new DiarizationOptions { ProfilesFolder = store.Folder, SpeakerNames = roster });
        var renamed = run.Read(RunFolder.SpeakersTrace, MinutesJson.Context.SpeakerMap).Speakers.Single(s => s.Id == named.Id);
        Assert.Equal(("事務局長", NameSources.Roster), (renamed.Name, renamed.Source));

        store.Remove("事務局");
        Assert.Empty(store.List());
    }

    [Fact]
    public async Task Eval_diarization_prints_der_and_its_parts()
    {
        using var temp = new TempFolder();
        var (run, rttm) = EvalRun(temp, 8, "SPEAKER m 1 0.000 10.000 <NA> <NA> A <NA> <NA>\n");
        var result = await CliRunner.RunAsync("eval", "diarization", run.Root, "--reference", rttm, "--collar", "0");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["DER 20.00 %  miss 20.00 %  false alarm 0.00 %  confusion 0.00 %",
             "scored 10.000 s of reference speech (collar 0 s, 0.000 s excluded); speakers: 1 in the reference, 1 found",
             "  A -> S1 話者1"],
            result.Out.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Eval_diarization_can_leave_overlapping_reference_speech_unscored()
    {
        using var temp = new TempFolder();

        // B talks over A for 2 s: one speaker at a time cannot get those 2 s of B right.
        var (run, rttm) = EvalRun(temp, 10, "SPEAKER m 1 0.000 10.000 <NA> <NA> A <NA> <NA>\nSPEAKER m 1 4.000 2.000 <NA> <NA> B <NA> <NA>\n");
        var full = await CliRunner.RunAsync("eval", "diarization", run.Root, "--reference", rttm, "--collar", "0");
        Assert.StartsWith("DER 16.67 %  miss 16.67 %", full.Out, StringComparison.Ordinal);

        var skipped = await CliRunner.RunAsync("eval", "diarization", run.Root, "--reference", rttm, "--collar", "0", "--skip-overlap");
        Assert.Equal(0, skipped.ExitCode);
        Assert.Equal(
            ["DER 0.00 %  miss 0.00 %  false alarm 0.00 %  confusion 0.00 %",
             "scored 8.000 s of reference speech (collar 0 s, 0.000 s excluded); speakers: 2 in the reference, 1 found",
             "overlapping reference speech not scored: 4.000 s of speaker time",
             "  A -> S1 話者1"],
            skipped.Out.TrimEnd().Split('\n'));
    }

    /// <summary>A run whose speakers trace has one voice S1 from 0 to <paramref name="until"/> s, and a reference RTTM with <paramref name="reference"/>.</summary>
    private static (RunFolder Run, string Rttm) EvalRun(TempFolder temp, double until, string reference)
    {
        var run = RunFolder.Create(temp.File("run"), null);
        run.Write(RunFolder.SpeakersTrace, new SpeakerMap("test", new Dictionary<string, string>(), [new Speaker("S1", "話者1", NameSources.Anonymous, null, 10)], [new SpeakerTurn(0, until, "S1")], []), MinutesJson.Context.SpeakerMap);
        var rttm = temp.File("ref.rttm");
        File.WriteAllText(rttm, reference);
        return (run, rttm);
    }

    /// <summary>The audio of the first <paramref name="turns"/> reference turns of one speaker, joined.</summary>
    internal static float[] VoiceOf(string sample, string speaker, int turns)
    {
        var samples = SampleRuns.Samples(sample);
        return DiarizationScoring.LoadRttm(Path.Combine(RepoPaths.Sample(sample), "reference.rttm"))
            .Where(t => t.Speaker == speaker).Take(turns)
            .SelectMany(t => samples[(int)(t.Start * PcmAudio.Rate)..(int)(t.End * PcmAudio.Rate)].Concat(new float[PcmAudio.Rate / 2]))
            .ToArray();
    }

    /// <summary>The speakers stage through the stage runner; the stage holds the speaker model open until it is disposed.</summary>
    private static async Task<StageOutcome> RunSpeakersAsync(RunFolder run, bool resume, DiarizationOptions options)
    {
        using var stage = new SpeakersStage(options);
        return await new StageRunner(run, resume).RunAsync(stage, CancellationToken.None);
    }
}
