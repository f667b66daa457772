using Minutes.Runs;
using Minutes.Speakers;
using Minutes.Tests.Models;
using Minutes.Tests.Review;
using Minutes.Tests.Support;

namespace Minutes.Tests.Speakers;

/// <summary>
/// <c>minutes speakers enroll &lt;name&gt; --from-run &lt;run&gt; --speaker &lt;label&gt;</c> on the
/// committee meeting's run (a tone per segment in its decoded recording): the profile is built
/// from that speaker's segments as the run attributes them now.
/// </summary>
[Collection(nameof(EnvironmentCollection))]
public sealed class EnrollFromRunTests
{
    [Fact]
    public async Task A_profile_is_built_from_the_speakers_segments_of_the_run_by_label_or_by_name()
    {
        using var temp = new TempFolder();
        var run = await CommitteeMeeting.CreateAsync(temp.File("run"));
        var store = ProfileStore.Open(temp.File("profiles"));

        var byLabel = store.EnrollFromRun("総務課長", run, "S2");

        // S2 speaks s0004 (2.5 s), s0005 (2.5 s) and s0007 (2.0 s).
        Assert.Equal(7.0, byLabel.SpeechSeconds, 2);
        Assert.Equal(MfccSpeakerEmbedder.MethodName, byLabel.Method);
        Assert.Equal("run#S2", byLabel.SourceFile);
        Assert.Equal(Hashing.Sha256OfFile(run.PathOf(RunFolder.DecodedAudio)), byLabel.SourceSha256);
        Assert.True(byLabel.Windows > 0);
        var byName = store.EnrollFromRun("総務課長", run, "総務課長");
        Assert.Equal(byLabel.Vector, byName.Vector);
        Assert.Single(store.List());
    }

    [Fact]
    public async Task The_profile_follows_the_corrected_speakers_and_refuses_too_little_speech_or_an_unknown_speaker()
    {
        using var temp = new TempFolder();
        var run = await CommitteeMeeting.CreateAsync(temp.File("run"));
        var store = ProfileStore.Open(temp.File("profiles"));
        var before = store.EnrollFromRun("総務課長", run, "S2");

        Assert.Equal(0, (await CliRunner.RunAsync("correct", run.Root, "--segment", "s0007", "--speaker", "S3", "--reviewer", "山田")).ExitCode);
        var after = store.EnrollFromRun("総務課長", run, "S2");

        Assert.Equal(5.0, after.SpeechSeconds, 2);
        Assert.NotEqual(before.Vector, after.Vector);
        var tooShort = Assert.Throws<MinutesException>(() => store.EnrollFromRun("話者4", run, "S4"));
        Assert.Contains("1.0 s of speech", tooShort.Message, StringComparison.Ordinal);
        var unknown = Assert.Throws<MinutesException>(() => store.EnrollFromRun("誰か", run, "S9"));
        Assert.Contains("S1 (委員長)", unknown.Message, StringComparison.Ordinal);
        Assert.Single(store.List());
    }

    [Fact]
    public async Task The_command_enrols_from_a_run_and_wants_either_a_recording_or_a_run_with_a_speaker()
    {
        using var temp = new TempFolder();
        var run = await CommitteeMeeting.CreateAsync(temp.File("run"));
        using (TestEnvironment.Set(ProfileStore.EnvironmentVariable, temp.File("profiles")))
        {
            var enrolled = await CliRunner.RunAsync("speakers", "enroll", "総務課長", "--from-run", run.Root, "--speaker", "S2");
            Assert.True(enrolled.ExitCode == 0, enrolled.Error);
            Assert.StartsWith("Enrolled 総務課長 (mfcc-ahc): 7.0 s of speech from run#S2", enrolled.Out, StringComparison.Ordinal);

            var neither = await CliRunner.RunAsync("speakers", "enroll", "総務課長");
            var noSpeaker = await CliRunner.RunAsync("speakers", "enroll", "総務課長", "--from-run", run.Root);
            Assert.Equal((ExitCodes.Usage, ExitCodes.Usage), (neither.ExitCode, noSpeaker.ExitCode));
            Assert.Contains("--from-run <run> --speaker <label>", neither.Error, StringComparison.Ordinal);
        }
    }
}
