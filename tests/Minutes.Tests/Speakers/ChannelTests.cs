using System.Globalization;
using Minutes.Audio;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Speakers;
using Minutes.Tests.Support;
using Xunit.Abstractions;

namespace Minutes.Tests.Speakers;

/// <summary>
/// <c>--channels</c> on generated multi-channel meetings: the committee sample's voices, each on a
/// seat microphone of its own (12 dB of crosstalk and 3 ms of delay on the others), decoded by the
/// real decoder (which keeps each channel's loudness) and diarized by the real speakers stage.
/// </summary>
public sealed partial class ChannelTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_recording_of_two_channels_keeps_each_channels_loudness_beside_the_mono_audio()
    {
        // 2 s loud on the left, then 2 s loud on the right, at 44.1 kHz: the levels keep the source's time.
        const int rate = 44100;
        var tone = Enumerable.Range(0, 4 * rate).Select(i => (float)(0.3 * Math.Sin(2 * Math.PI * 300 * i / rate))).ToArray();
        var channels = ChannelMeetings.Seats(tone, rate, [(0, 2, 0), (2, 4, 1)], 2, crosstalkDb: 12, delaySeconds: 0);
        var wav = _temp.File("stereo.wav");
        ChannelMeetings.WriteWav(wav, channels, rate);

        var info = await new AudioDecoder().DecodeAsync(wav, _temp.File("work/audio-16k.wav"), null, CancellationToken.None);
        var levels = ChannelLevels.Read(_temp.File("work/audio-16k.channels.bin"));

        Assert.Equal(2, info.Channels);
        Assert.Equal(2, levels.Channels);
        Assert.InRange(levels.Frames, 199, 201);
        var left = ChannelLevels.Dominance(levels.Energy(0.5, 1.5));
        var right = ChannelLevels.Dominance(levels.Energy(2.5, 3.5));
        Assert.Equal(0, left.Channel);
        Assert.Equal(1, right.Channel);
        Assert.InRange(left.MarginDb, 11.9, 12.1);
        Assert.InRange(right.MarginDb, 11.9, 12.1);
        // The tone's mean square is 0.045 (-13.5 dBFS) on its own channel.
        Assert.InRange(ChannelLevels.Db(levels.Energy(0.5, 1.5)[0]), -13.6, -13.4);

        // A mono recording decoded to the same place leaves no levels behind.
        var mono = _temp.File("mono.wav");
        ChannelMeetings.WriteWav(mono, [tone], rate);
        await new AudioDecoder().DecodeAsync(mono, _temp.File("work/audio-16k.wav"), null, CancellationToken.None);
        Assert.False(File.Exists(_temp.File("work/audio-16k.channels.bin")));
    }

    [Fact]
    public void Joined_levels_are_the_parts_frames_unchanged_each_part_starting_where_the_samples_before_it_end()
    {
        // Parts of 6.00625 s (300 frames and 100 samples, its levels one frame longer) and 1.5 s: every frame its own value, so a frame averaged with its neighbour or shifted shows.
        static ChannelLevels Part(int frames, float offset) => ChannelLevels.Of(2, [.. Enumerable.Range(0, frames * 2).Select(i => offset + i)]);
        var first = Part(301, 0);
        var second = Part(75, 10_000);

        var joined = ChannelLevels.Join([(first, (300 * 320) + 100), (second, 75 * 320)]);

        Assert.Equal(375, joined.Frames);
        for (var f = 0; f < 375; f++)
        {
            // The first part ends 100 samples into its frame 300, which rounds to 300 frames; the second starts there.
            var expected = f < 300 ? first.Energy(f * 0.02 + 0.001, f * 0.02 + 0.019) : second.Energy((f - 300) * 0.02 + 0.001, (f - 300) * 0.02 + 0.019);
            Assert.Equal(expected, joined.Energy(f * 0.02 + 0.001, f * 0.02 + 0.019));
        }
    }

    [Fact]
    public async Task Two_stereo_recordings_of_one_meeting_join_their_levels_in_time_and_the_trace_names_them()
    {
        const int rate = 48000;
        var tone = Enumerable.Range(0, 2 * rate).Select(i => (float)(0.3 * Math.Sin(2 * Math.PI * 300 * i / rate))).ToArray();
        var first = WavOf("first.wav", ChannelMeetings.Seats(tone, rate, [(0, 2, 0)], 2), rate);
        var second = WavOf("second.wav", ChannelMeetings.Seats(tone, rate, [(0, 2, 1)], 2), rate);
        var run = RunFolder.Create(_temp.File("joined"), null);
        SourceFile Describe(string path) => new(path, Path.GetFileName(path), Hashing.Sha256OfFile(path), new FileInfo(path).Length);

        await new StageRunner(run, resume: false).RunAsync(new AudioStage(new AudioDecoder(), [Describe(first), Describe(second)]), CancellationToken.None);

        var info = run.Read(RunFolder.AudioTrace, MinutesJson.Context.AudioInfo);
        Assert.Equal(RunFolder.ChannelLevels, info.ChannelLevelsFile);
        Assert.Contains(run.LoadManifest().Stage(StageNames.Audio)!.Outputs, o => o.Path == RunFolder.ChannelLevels);
        var levels = ChannelLevels.Read(run.PathOf(RunFolder.ChannelLevels));
        Assert.Equal(200, levels.Frames);
        Assert.Equal(0, ChannelLevels.Dominance(levels.Energy(0.5, 1.5)).Channel);
        Assert.Equal(1, ChannelLevels.Dominance(levels.Energy(2.5, 3.5)).Channel);
        Assert.Equal(new[] { "audio-16k.channels.bin", "audio-16k.wav" }, Directory.GetFiles(run.PathOf("work")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Seat_microphones_part_two_people_with_one_voice_where_the_mix_cannot()
    {
        var (wav, reference, speech) = SeatMeeting("seats.wav", split: true);

        var (mix, mixScore) = await DiarizeAsync("mix", wav, speech, reference, ChannelMode.Mix);
        var (seats, seatScore) = await DiarizeAsync("per-speaker", wav, speech, reference, ChannelMode.PerSpeaker);
        var (auto, autoScore) = await DiarizeAsync("auto", wav, speech, reference, ChannelMode.Auto);

        // One voice on two seats: the mix hears three people where four spoke.
        Assert.Equal(3, mix.Speakers.Count);
        Assert.True(mixScore.Der > 0.10, $"mix DER {mixScore.Der:P2}");
        Assert.Equal(("mix", "mix", ChannelChoice.Given, 4), (mix.Channels!.Requested, mix.Channels.Used, mix.Channels.Reason, mix.Channels.Channels));

        Assert.Equal(4, seats.Speakers.Count);
        Assert.True(seatScore.Der < 0.05, $"per-speaker DER {seatScore.Der:P2}");
        Assert.Equal("per-speaker", seats.Channels!.Used);
        // Each found speaker sits at one seat of its own, and its turns are that seat's.
        Assert.Equal(new[] { 1, 2, 3, 4 }, seats.Speakers.Select(s => s.Channel!.Value).Order());
        Assert.All(seats.Speakers, s => Assert.True(s.ChannelMargin > ChannelChoice.DominanceDb, $"{s.Id}: {s.ChannelMargin} dB"));
        Assert.All(seats.Turns.Where(t => t.End - t.Start > 1), t => Assert.Equal(seats.Speakers.Single(s => s.Id == t.Speaker).Channel, t.Channel));

        Assert.Equal(("auto", "per-speaker", ChannelChoice.ChannelsDiffer), (auto.Channels!.Requested, auto.Channels.Used, auto.Channels.Reason));
        Assert.True(auto.Channels.SpreadDb > ChannelChoice.SpreadThresholdDb, $"spread {auto.Channels.SpreadDb} dB");
        Assert.Equal(4, auto.Channels.DominantShares!.Count(s => s > 0.05));
        Assert.Equal(seatScore.Der, autoScore.Der);
    }

    [Fact]
    public async Task Identical_or_panned_channels_leave_auto_with_the_mix()
    {
        var mono = SampleRuns.Samples("committee");
        var speech = SampleRuns.Speech("committee");
        var reference = DiarizationScoring.LoadRttm(Path.Combine(RepoPaths.Sample("committee"), "reference.rttm"));
        var (alone, aloneScore) = await DiarizeAsync("mono", WavOf("mono.wav", [mono]), speech, reference, ChannelMode.Auto);
        Assert.Equal((ChannelChoice.Mono, 1), (alone.Channels!.Reason, alone.Channels.Channels));

        var (identical, identicalScore) = await DiarizeAsync("identical", WavOf("identical.wav", ChannelMeetings.Identical(mono, 2)), speech, reference, ChannelMode.Auto);
        var (panned, pannedScore) = await DiarizeAsync("panned", WavOf("panned.wav", ChannelMeetings.Panned(mono, 10)), speech, reference, ChannelMode.Auto);

        Assert.Equal(("mix", ChannelChoice.ChannelsAlike), (identical.Channels!.Used, identical.Channels.Reason));
        Assert.True(identical.Channels.SpreadDb < 0.5, $"spread {identical.Channels.SpreadDb} dB");
        Assert.All(identical.Channels.DominantShares!, s => Assert.Equal(0.0, s));
        Assert.Equal(("mix", ChannelChoice.ChannelsAlike), (panned.Channels!.Used, panned.Channels.Reason));
        Assert.True(panned.Channels.SpreadDb < 0.5, $"spread {panned.Channels.SpreadDb} dB");
        // The left channel dominates everything by 10 dB: one seat is not a meeting of seats.
        Assert.True(panned.Channels.DominantShares![0] > 0.95);

        // Diarized from the same mix, they find what the mono recording finds.
        Assert.Equal(alone.Speakers.Count, identical.Speakers.Count);
        Assert.Equal(alone.Speakers.Count, panned.Speakers.Count);
        Assert.Equal(aloneScore.Der, identicalScore.Der, 3);
        Assert.Equal(aloneScore.Der, pannedScore.Der, 3);
    }

    [Fact]
    public async Task Per_speaker_channels_on_a_mono_recording_is_one_line_and_exit_2_right_after_the_audio()
    {
        var wav = WavOf("mono.wav", [SampleRuns.Samples("committee")[..(PcmAudio.Rate * 5)]]);
        var model = WhisperFixtures.Crafted(_temp, " Hello");
        var run = _temp.File("run-mono");

        var result = await CliRunner.RunAsync("transcribe", wav, "-o", run, "--model", model, "--energy-vad", "--channels", "per-speaker");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n'), l => l.StartsWith("minutes:", StringComparison.Ordinal));
        Assert.Contains("--channels per-speaker", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        var manifest = MinutesJson.Deserialize(File.ReadAllText(Path.Combine(run, RunFolder.ManifestFile)), MinutesJson.Context.Manifest);
        Assert.Equal(new[] { StageNames.Audio }, manifest.Stages.Select(s => s.Name));
    }

    [Fact]
    public async Task An_unknown_channel_mode_is_one_line_and_minutes_json_can_choose_the_mode()
    {
        var wav = WavOf("short.wav", [new float[PcmAudio.Rate]]);

        var result = await CliRunner.RunAsync("transcribe", wav, "-o", _temp.File("run-unknown"), "--channels", "stereo", "--stop-after", "audio");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n'), l => l.StartsWith("minutes:", StringComparison.Ordinal));
        Assert.Contains("'stereo'", line, StringComparison.Ordinal);
        Assert.Contains("auto, mix, per-speaker", line, StringComparison.Ordinal);
        var config = _temp.File("minutes.json");
        await File.WriteAllTextAsync(config, """{ "channels": "per-speaker" }""");
        Assert.Equal(ChannelMode.PerSpeaker, ChannelModes.Parse(Minutes.Configuration.MinutesConfig.Read(config).Channels!));
    }

    /// <summary>The committee sample with each speaker at a seat (the chair's turns alternating between two seats when <paramref name="split"/>); voices beyond the <paramref name="channels"/> seats are left out.</summary>
    private (string Wav, List<SpeakerTurn> Reference, List<(double Start, double End)> Speech) SeatMeeting(string name, bool split, int channels = 4)
    {
        var mono = (float[])SampleRuns.Samples("committee").Clone();
        var turns = DiarizationScoring.LoadRttm(Path.Combine(RepoPaths.Sample("committee"), "reference.rttm"));
        var plan = ChannelMeetings.SeatPlan(turns.Select(t => (t.Start, t.End, t.Speaker)).ToList(), channels, split);
        foreach (var (start, end, _) in plan.Where(p => p.Channel < 0))
        {
            Array.Clear(mono, (int)(start * PcmAudio.Rate), (int)((end - start) * PcmAudio.Rate));
        }

        var seated = plan.Where(p => p.Channel >= 0).ToList();
        var reference = seated.Select(p => new SpeakerTurn(p.Start, p.End, $"seat{p.Channel + 1}")).ToList();
        var speech = SampleRuns.Speech("committee").Where(r => reference.Any(t => t.Start <= (r.Start + r.End) / 2 && (r.Start + r.End) / 2 < t.End)).ToList();
        return (WavOf(name, ChannelMeetings.Seats(mono, PcmAudio.Rate, seated, channels)), reference, speech);
    }

    private string WavOf(string name, float[][] channels, int rate = PcmAudio.Rate)
    {
        var path = _temp.File(name);
        ChannelMeetings.WriteWav(path, channels, rate);
        return path;
    }

    /// <summary>Decodes <paramref name="wav"/> into a run (the real decoder), writes the reference speech as its VAD, runs the speakers stage and scores it.</summary>
    private async Task<(SpeakerMap Map, DiarizationScore Score)> DiarizeAsync(string name, string wav, IReadOnlyList<(double Start, double End)> speech, IReadOnlyList<SpeakerTurn> reference, ChannelMode mode)
    {
        var run = RunFolder.Create(_temp.File(name), null);
        var info = await new AudioDecoder().DecodeAsync(wav, run.PathOf(RunFolder.DecodedAudio), null, CancellationToken.None);
        SampleRuns.WriteTraces(run, info.Duration, speech);
        using (var stage = new SpeakersStage(new DiarizationOptions { Channels = mode, ProfilesFolder = _temp.File("profiles") }))
        {
            await new StageRunner(run, resume: false).RunAsync(stage, CancellationToken.None);
        }

        var map = run.Read(RunFolder.SpeakersTrace, MinutesJson.Context.SpeakerMap);
        var score = DiarizationScoring.Score(reference, map.Turns, 0.25);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {map.Speakers.Count} speakers, DER {score.Der:P2} (confusion {score.Confusion:P2}); channels {map.Channels?.Used} ({map.Channels?.Reason}, spread {map.Channels?.SpreadDb} dB, shares {string.Join(" ", map.Channels?.DominantShares ?? [])}); {string.Join(" ", map.Speakers.Select(s => $"{s.Id}@{s.Channel}:{s.ChannelMargin}dB/{s.SpeakingSeconds:0}s"))}"));
        return (map, score);
    }
}
