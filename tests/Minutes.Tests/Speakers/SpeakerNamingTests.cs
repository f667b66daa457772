using Minutes.Audio;
using Minutes.Json;
using Minutes.Pipeline;
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
        await new SpeakersStage().RunAsync(new StageRunner(run, resume: false), new DiarizationOptions { ProfilesFolder = store.Folder }, CancellationToken.None);
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
        await new SpeakersStage().RunAsync(new StageRunner(run, resume: true), new DiarizationOptions { ProfilesFolder = store.Folder, SpeakerNames = roster }, CancellationToken.None);
        var renamed = run.Read(RunFolder.SpeakersTrace, MinutesJson.Context.SpeakerMap).Speakers.Single(s => s.Id == named.Id);
        Assert.Equal(("事務局長", NameSources.Roster), (renamed.Name, renamed.Source));

        store.Remove("事務局");
        Assert.Empty(store.List());
    }

    [Fact]
    public async Task Too_short_or_silent_enrolment_audio_fails_with_one_line_and_exit_2()
    {
        using var temp = new TempFolder();
        var shortVoice = temp.File("short.wav");
        SampleRuns.WriteWav(shortVoice, VoiceOf("council", "S4", turns: 1)[..(PcmAudio.Rate * 2)]);
        var silent = temp.File("silent.wav");
        SampleRuns.WriteWav(silent, new float[PcmAudio.Rate * 10]);
        var store = ProfileStore.Open(temp.File("profiles"));
        foreach (var path in new[] { shortVoice, silent })
        {
            var error = Assert.Throws<MinutesException>(() => store.Enroll("事務局", path));
            output.WriteLine(error.Message);
            Assert.Equal(ExitCodes.Failure, error.ExitCode);
            Assert.DoesNotContain('\n', error.Message);
            Assert.Contains("at least 3 s", error.Message);
        }

        Environment.SetEnvironmentVariable(ProfileStore.EnvironmentVariable, store.Folder);
        try
        {
            var result = await CliRunner.RunAsync("speakers", "enroll", "事務局", shortVoice);
            Assert.Equal(2, result.ExitCode);
            Assert.Single(result.Error.Trim().Split('\n'));
            Assert.StartsWith("minutes: short.wav holds", result.Error);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ProfileStore.EnvironmentVariable, null);
        }

        Assert.Empty(store.List());
    }

    [Fact]
    public async Task The_speakers_command_enrols_lists_and_removes()
    {
        using var temp = new TempFolder();
        var voice = temp.File("voice.wav");
        SampleRuns.WriteWav(voice, VoiceOf("committee", "S1", turns: 2));
        Environment.SetEnvironmentVariable(ProfileStore.EnvironmentVariable, temp.File("profiles"));
        try
        {
            var enrolled = await CliRunner.RunAsync("speakers", "enroll", "委員長", voice);
            Assert.Equal(0, enrolled.ExitCode);
            Assert.StartsWith("Enrolled 委員長 (mfcc-ahc): ", enrolled.Out);
            var listed = await CliRunner.RunAsync("speakers", "list");
            Assert.Contains("委員長\t", listed.Out, StringComparison.Ordinal);
            Assert.Equal(0, (await CliRunner.RunAsync("speakers", "remove", "委員長")).ExitCode);
            var missing = await CliRunner.RunAsync("speakers", "remove", "委員長");
            Assert.Equal(2, missing.ExitCode);
            Assert.Contains("No enrolled speaker named '委員長'", missing.Error);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ProfileStore.EnvironmentVariable, null);
        }
    }

    [Fact]
    public async Task Eval_diarization_prints_der_and_its_parts()
    {
        using var temp = new TempFolder();
        var run = RunFolder.Create(temp.File("run"), null);
        run.Write(RunFolder.SpeakersTrace, new SpeakerMap("test", new Dictionary<string, string>(), [new Speaker("S1", "話者1", NameSources.Anonymous, null, 10)], [new SpeakerTurn(0, 8, "S1")], []), MinutesJson.Context.SpeakerMap);
        var rttm = temp.File("ref.rttm");
        File.WriteAllText(rttm, "SPEAKER m 1 0.000 10.000 <NA> <NA> A <NA> <NA>\n");
        var result = await CliRunner.RunAsync("eval", "diarization", run.Root, "--reference", rttm, "--collar", "0");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["DER 20.00 %  miss 20.00 %  false alarm 0.00 %  confusion 0.00 %",
             "scored 10.000 s of reference speech (collar 0 s, 0.000 s excluded); speakers: 1 in the reference, 1 found",
             "  A -> S1 話者1"],
            result.Out.TrimEnd().Split('\n'));
    }

    /// <summary>The audio of the first <paramref name="turns"/> reference turns of one speaker, joined.</summary>
    private static float[] VoiceOf(string sample, string speaker, int turns)
    {
        var samples = SampleRuns.Samples(sample);
        return DiarizationScoring.LoadRttm(Path.Combine(RepoPaths.Sample(sample), "reference.rttm"))
            .Where(t => t.Speaker == speaker).Take(turns)
            .SelectMany(t => samples[(int)(t.Start * PcmAudio.Rate)..(int)(t.End * PcmAudio.Rate)].Concat(new float[PcmAudio.Rate / 2]))
            .ToArray();
    }
}
