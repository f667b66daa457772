using System.Diagnostics;
using System.Globalization;
using Minutes.Audio;
using Minutes.Speakers;
using Minutes.Tests.Support;

namespace Minutes.Tests.Speakers;

/// <summary>
/// The seat-microphone meetings in the containers recorders write: the WAV encoded by the real
/// ffmpeg into FLAC and Ogg Vorbis (multi-track, four seats) and M4A, WMA and MP3 (a stereo
/// recorder, two seats), then decoded by the real decoder (ffmpeg for FLAC, M4A and WMA; NLayer and
/// NVorbis in process for MP3 and Ogg): the channel levels and the speakers must be the WAV's.
/// </summary>
public sealed partial class ChannelTests
{
    public static TheoryData<string, int, string[], string, double, double> Containers => new()
    {
        // container, seats, ffmpeg's encoder arguments, decoder, median / 95th percentile level difference allowed (dB)
        { "flac", 4, ["-c:a", "flac"], "ffmpeg", 0.01, 0.01 },
        { "m4a", 2, ["-c:a", "aac", "-b:a", "128k"], "ffmpeg", 0.5, 1.5 },
        { "wma", 2, ["-c:a", "wmav2", "-b:a", "128k"], "ffmpeg", 0.5, 1.5 },
        // NLayer keeps the encoder's delay that ffmpeg trims (1105 samples, 69 ms at 16 kHz): its levels lag by that much.
        { "mp3", 2, ["-c:a", "libmp3lame", "-b:a", "128k"], "nlayer", 1.0, 3.0 },
        { "ogg", 4, ["-c:a", "libvorbis", "-q:a", "5"], "nvorbis", 0.5, 1.5 },
    };

    [SkippableTheory]
    [MemberData(nameof(Containers))]
    public async Task A_seat_recording_keeps_its_channel_levels_and_speakers_in_every_container(string container, int seats, string[] encoder, string decoder, double medianDb, double highDb)
    {
        var ffmpeg = FfmpegSource.Locate();
        Skip.If(ffmpeg is null, "ffmpeg is not installed (scripts/test installs it); it makes the encoded recordings");
        // One voice on two seats: only the channel levels can part them, so the speakers test that the levels were kept.
        var (wav, reference, speech) = SeatMeeting($"seats{seats}.wav", split: true, seats);
        var encoded = _temp.File($"seats{seats}.{container}");
        await EncodeAsync(ffmpeg!, wav, encoded, encoder);

        var info = await new AudioDecoder().DecodeAsync(encoded, _temp.File($"decoded-{container}/audio-16k.wav"), null, CancellationToken.None);
        await new AudioDecoder().DecodeAsync(wav, _temp.File("decoded-wav/audio-16k.wav"), null, CancellationToken.None);
        var levels = ChannelLevels.Read(_temp.File($"decoded-{container}/audio-16k.channels.bin"));
        var wavLevels = ChannelLevels.Read(_temp.File("decoded-wav/audio-16k.channels.bin"));

        Assert.Equal((decoder, seats, PcmAudio.Rate), (info.Decoder, info.Channels, info.SampleRate));
        Assert.Equal(seats, levels.Channels);
        Assert.InRange(levels.Frames, wavLevels.Frames - 5, wavLevels.Frames + 5);
        var (differences, sameSeat) = CompareLevels(wavLevels, levels, speech);
        var median = Percentile(differences, 0.5);
        var high = Percentile(differences, 0.95);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{container}: {differences.Count} block levels, |difference| median {median:0.000} dB, 95th percentile {high:0.000} dB; loudest seat kept in {sameSeat:P1} of the dominated blocks"));
        Assert.True(median <= medianDb, $"median level difference {median} dB");
        Assert.True(high <= highDb, $"95th percentile level difference {high} dB");
        Assert.True(sameSeat >= 0.99, $"loudest seat kept in {sameSeat:P1}");

        var (fromWav, _) = await DiarizeAsync($"wav{seats}-{container}", wav, speech, reference, ChannelMode.PerSpeaker);
        var (fromEncoded, score) = await DiarizeAsync(container, encoded, speech, reference, ChannelMode.PerSpeaker);

        Assert.Equal(("per-speaker", seats), (fromEncoded.Channels!.Used, fromEncoded.Channels.Channels));
        Assert.Equal(seats, fromEncoded.Speakers.Count);
        Assert.Equal(fromWav.Speakers.Select(s => s.Channel).Order(), fromEncoded.Speakers.Select(s => s.Channel).Order());
        var agreement = DiarizationScoring.Score(fromWav.Turns, fromEncoded.Turns, 0.25);
        Assert.True(agreement.Der < 0.02, $"{container} turns against the WAV's: DER {agreement.Der:P2}");
        Assert.True(score.Der < 0.05, $"{container} DER {score.Der:P2}");
    }

    /// <summary>
    /// Per 0.5 s block of speech, each channel's level difference between the two in dB; and the
    /// share of the blocks one seat dominates by 6 dB in <paramref name="expected"/> whose loudest seat
    /// <paramref name="actual"/> agrees on.
    /// </summary>
    private static (List<double> Differences, double SameSeat) CompareLevels(ChannelLevels expected, ChannelLevels actual, IReadOnlyList<(double Start, double End)> speech)
    {
        var differences = new List<double>();
        int dominated = 0, same = 0;
        foreach (var (start, end) in speech)
        {
            for (var t = start; t + 0.5 <= end; t += 0.5)
            {
                var a = expected.Energy(t, t + 0.5);
                var b = actual.Energy(t, t + 0.5);
                differences.AddRange(a.Select((e, c) => Math.Abs(ChannelLevels.Db(e) - ChannelLevels.Db(b[c]))));
                var loudest = ChannelLevels.Dominance(a);
                if (loudest.MarginDb >= ChannelChoice.DominanceDb)
                {
                    dominated++;
                    same += ChannelLevels.Dominance(b).Channel == loudest.Channel ? 1 : 0;
                }
            }
        }

        Assert.True(dominated > 50, $"only {dominated} dominated blocks");
        return (differences, same / (double)dominated);
    }

    private static double Percentile(List<double> values, double share)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(share * sorted.Count))];
    }

    private static async Task EncodeAsync(string ffmpeg, string wav, string target, IEnumerable<string> encoder)
    {
        var info = new ProcessStartInfo(ffmpeg) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-nostdin", "-hide_banner", "-v", "error", "-y", "-i", wav }.Concat(encoder).Append(target))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"ffmpeg could not encode {Path.GetFileName(target)}: {await errors}");
    }
}
