using Minutes.Audio;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Speakers;
using Minutes.Tests.Models;
using Minutes.Tests.Support;
using Xunit.Abstractions;

namespace Minutes.Tests.Speakers;

/// <summary>
/// The <c>minutes speakers</c> commands and enrolment through the command line. They point
/// <c>MINUTES_PROFILES</c> (process-wide) at a folder of their own, so they run alone.
/// </summary>
[Collection(nameof(EnvironmentCollection))]
public sealed class ProfileCommandTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Too_short_or_silent_enrolment_audio_fails_with_one_line_and_exit_2()
    {
        using var temp = new TempFolder();
        var shortVoice = temp.File("short.wav");
        SampleRuns.WriteWav(shortVoice, SpeakerNamingTests.VoiceOf("council", "S4", turns: 1)[..(PcmAudio.Rate * 2)]);
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

        using (TestEnvironment.Set(ProfileStore.EnvironmentVariable, store.Folder))
        {
            var result = await CliRunner.RunAsync("speakers", "enroll", "事務局", shortVoice);
            Assert.Equal(2, result.ExitCode);
            Assert.Single(result.Error.Trim().Split('\n'));
            Assert.StartsWith("minutes: short.wav holds", result.Error);
        }

        Assert.Empty(store.List());
    }

    [Fact]
    public async Task The_speakers_command_enrols_lists_and_removes()
    {
        using var temp = new TempFolder();
        var voice = temp.File("voice.wav");
        SampleRuns.WriteWav(voice, SpeakerNamingTests.VoiceOf("committee", "S1", turns: 2));
        using (TestEnvironment.Set(ProfileStore.EnvironmentVariable, temp.File("profiles")))
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
    }

    [Fact]
    public async Task An_unusable_model_fails_with_one_line_and_exit_2()
    {
        using var temp = new TempFolder();
        var text = temp.File("notes.onnx");
        File.WriteAllText(text, "this is not a model\n");
        var garbage = temp.File("garbage.onnx");
        File.WriteAllBytes(garbage, [.. Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919) % 251))]);
        var cases = new (string Path, string Expected)[]
        {
            (temp.File("missing.onnx"), "Speaker model not found: "),
            (text, "The speaker model notes.onnx could not be loaded as an ONNX model ("),
            (garbage, "The speaker model garbage.onnx could not be loaded as an ONNX model ("),
            (TinySpeakerModel.Write(temp.File("bins40.onnx"), bins: 40), "The speaker model bins40.onnx takes float [N, T, 40] as 'feats'; a speaker-embedding model takes one float input [N, T, 80]"),
            (TinySpeakerModel.Write(temp.File("rank2.onnx"), rank3: false), "The speaker model rank2.onnx takes float [T, 80] as 'feats'"),
            (TinySpeakerModel.Write(temp.File("batch4.onnx"), batch: 4), "The speaker model batch4.onnx takes float [4, T, 80] as 'feats'"),
        };
        var voice = temp.File("voice.wav");
        SampleRuns.WriteWav(voice, SyntheticVoices.Voice(0, 4, seed: 1));
        using (TestEnvironment.Set(ProfileStore.EnvironmentVariable, temp.File("profiles")))
        {
            foreach (var (path, expected) in cases)
            {
                var enroll = await CliRunner.RunAsync("speakers", "enroll", "委員長", voice, "--speaker-model", path);
                var transcribe = await CliRunner.RunAsync("transcribe", Path.Combine(RepoPaths.Sample("committee"), "recording.ogg"), "-o", temp.File("run"), "--speaker-model", path);
                foreach (var result in new[] { enroll, transcribe })
                {
                    output.WriteLine(result.Error.Trim());
                    Assert.Equal(2, result.ExitCode);
                    Assert.Single(result.Error.Trim().Split('\n'));
                    Assert.StartsWith("minutes: " + expected, result.Error, StringComparison.Ordinal);
                }
            }
        }

        // Refused before anything was written.
        Assert.False(Directory.Exists(temp.File("profiles")));
        Assert.False(Directory.Exists(temp.File("run")));
    }

    [Fact]
    public async Task Enrol_uses_the_model_given_on_the_command_line()
    {
        using var temp = new TempFolder();
        var model = TinySpeakerModel.Write(temp.File("tiny.onnx"));
        var voice = temp.File("voice.wav");
        SampleRuns.WriteWav(voice, SyntheticVoices.Alone(2, 5, seed: 5));
        using (TestEnvironment.Set(ProfileStore.EnvironmentVariable, temp.File("profiles")))
        {
            var enrolled = await CliRunner.RunAsync("speakers", "enroll", "委員長", voice, "--speaker-model", model);
            Assert.Equal(0, enrolled.ExitCode);
            Assert.StartsWith("Enrolled 委員長 (onnx:tiny.onnx): ", enrolled.Out, StringComparison.Ordinal);
            var listed = await CliRunner.RunAsync("speakers", "list");
            Assert.Contains($"委員長\t5.", listed.Out, StringComparison.Ordinal);
            Assert.Contains($"\tonnx:tiny.onnx {Hashing.Sha256OfFile(model)[..12]}\tvoice.wav\t", listed.Out, StringComparison.Ordinal);
        }
    }
}
