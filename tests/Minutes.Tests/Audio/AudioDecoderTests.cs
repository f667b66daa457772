using System.Buffers.Binary;
using Minutes.Audio;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Tests.Support;

namespace Minutes.Tests.Audio;

[Collection(nameof(Minutes.Tests.Models.EnvironmentCollection))]
public sealed class AudioDecoderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<int, int, int, bool, bool> WavLayouts => new()
    {
        { 8000, 1, 8, false, false },
        { 16000, 1, 16, false, false },
        { 22050, 2, 16, false, false },
        { 44100, 2, 24, false, false },
        { 48000, 6, 32, false, false },
        { 44100, 1, 32, true, false },
        { 48000, 2, 64, true, false },
        { 48000, 2, 24, false, true },
        { 96000, 1, 32, true, true },
    };

    [Theory]
    [MemberData(nameof(WavLayouts))]
    public async Task Every_wav_layout_decodes_to_16k_mono_with_duration_level_and_pitch_kept(int rate, int channels, int bits, bool isFloat, bool extensible)
    {
        var wav = _temp.File($"sine-{rate}-{channels}-{bits}.wav");
        WriteSineWav(wav, rate, channels, bits, isFloat, extensible, seconds: 2.0, frequency: 440, amplitude: 0.5);

        var info = await Decode(wav);

        Assert.Equal(("wav", "wav", 16000), (info.Container, info.Decoder, info.DecodedSampleRate));
        Assert.Equal((rate, channels, (int?)bits), (info.SampleRate, info.Channels, info.BitsPerSample));
        Assert.InRange(info.Duration, 1.995, 2.005);
        AssertSine(_temp.File("out.wav"), 440, 0.5, bits == 8 ? 0.03 : 0.01);
    }

    [Theory]
    [InlineData("sine440-stereo.mp3", "mp3", "nlayer", 44100, 2, 0.0442)]
    [InlineData("sine440.ogg", "ogg", "nvorbis", 48000, 1, 0.0625)]
    public async Task Compressed_recordings_decode_in_process(string file, string container, string decoder, int rate, int channels, double amplitude)
    {
        // ffmpeg's sine source has amplitude 1/8, halved by the volume filter; its mono-to-stereo
        // upmix lowers each channel by 3 dB.
        var info = await Decode(RepoPaths.Fixture(Path.Combine("audio", file)));

        Assert.Equal((container, decoder, rate, channels), (info.Container, info.Decoder, info.SampleRate, info.Channels));
        Assert.InRange(info.Duration, 2.95, 3.1);
        AssertSine(_temp.File("out.wav"), 440, amplitude, 0.005);
    }

    [Theory]
    [InlineData("sine440.flac")]
    [InlineData("sine440.m4a")]
    public async Task Other_containers_go_through_ffmpeg(string file)
    {
        // scripts/test installs ffmpeg, so in CI this always runs; a developer without it gets the message test below.
        Assert.True(File.Exists("/usr/bin/ffmpeg") || Environment.GetEnvironmentVariable("PATH")!.Split(':').Any(p => File.Exists(Path.Combine(p, "ffmpeg"))), "ffmpeg is not installed (scripts/test installs it)");

        var info = await Decode(RepoPaths.Fixture(Path.Combine("audio", file)));

        Assert.Equal("ffmpeg", info.Decoder);
        Assert.InRange(info.Duration, 2.95, 3.1);
        AssertSine(_temp.File("out.wav"), 440, 0.0625, 0.005);
    }

    [Fact]
    public async Task Without_ffmpeg_an_m4a_gives_one_line_naming_ffmpeg()
    {
        var path = Environment.GetEnvironmentVariable("PATH");
        try
        {
            Environment.SetEnvironmentVariable("PATH", _temp.Path);
            var ex = await Assert.ThrowsAsync<MinutesException>(() => Decode(RepoPaths.Fixture("audio/sine440.m4a")));
            Assert.Contains("needs ffmpeg", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
    }

    [Fact]
    public async Task A_header_that_lies_about_its_length_and_a_cut_frame_are_repaired_and_reported()
    {
        var wav = _temp.File("lying.wav");
        WriteSineWav(wav, 16000, 2, 16, false, false, seconds: 1.0, frequency: 440, amplitude: 0.5);
        var bytes = File.ReadAllBytes(wav);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(40), uint.MaxValue);
        File.WriteAllBytes(wav, bytes[..^3]);

        var info = await Decode(wav);

        Assert.InRange(info.Duration, 0.999, 1.0);
        Assert.Equal(2, info.Warnings!.Count);
        Assert.Contains("header says 4294967295 bytes", info.Warnings[0], StringComparison.Ordinal);
        Assert.Contains("cut short", info.Warnings[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_repair_of_a_recording_is_one_warning_line_on_the_console()
    {
        var wav = _temp.File("lying.wav");
        WriteSineWav(wav, 16000, 2, 16, false, false, seconds: 1.0, frequency: 440, amplitude: 0.5);
        var bytes = File.ReadAllBytes(wav);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(40), uint.MaxValue);
        File.WriteAllBytes(wav, bytes[..^3]);

        var result = await CliRunner.RunAsync("transcribe", wav, "-o", _temp.File("run"), "--stop-after", "audio");

        Assert.True(result.ExitCode == 0, result.Error);
        var warnings = result.Error.Split('\n').Where(l => l.StartsWith("minutes: warning: the recording was repaired: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("header says 4294967295 bytes", warnings[0], StringComparison.Ordinal);
        Assert.Contains("cut short", warnings[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_mp3_decodes_what_is_there()
    {
        var info = await Decode(RepoPaths.Fixture("audio/truncated.mp3"));

        Assert.InRange(info.Duration, 2.0, 2.9);
    }

    [Fact]
    public async Task Silence_is_a_valid_recording_with_its_level_reported()
    {
        var wav = _temp.File("silence.wav");
        WriteSineWav(wav, 16000, 1, 16, false, false, seconds: 1.0, frequency: 440, amplitude: 0);

        var info = await Decode(wav);

        Assert.Equal((-120.0, -120.0), (info.PeakLevel, info.RmsLevel));
    }

    public static TheoryData<string, string> BadInputs => new()
    {
        { "empty", "is empty (0 bytes)" },
        { "random", "not a recording in a format" },
        { "header-only", "contains no audio samples" },
        { "no-data", "without audio data" },
        { "adpcm", "WAV encoding this tool does not read" },
        { "mp3-garbage", "cannot be decoded" },
        { "folder", "is a folder, not a recording" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_gives_one_line_exit_2_and_no_completed_stage(string kind, string expected)
    {
        var path = _temp.File(kind == "mp3-garbage" ? "bad.mp3" : $"{kind}.wav");
        switch (kind)
        {
            case "empty":
                File.WriteAllBytes(path, []);
                break;
            case "random":
                File.WriteAllBytes(path, Enumerable.Range(0, 5000).Select(i => (byte)((i * 7919) % 253)).ToArray());
                break;
            case "header-only":
                WriteSineWav(path, 16000, 1, 16, false, false, seconds: 0, frequency: 440, amplitude: 0.5);
                break;
            case "no-data":
                File.WriteAllBytes(path, File.ReadAllBytes(WriteTemp(0.5))[..36]);
                break;
            case "adpcm":
                var bytes = File.ReadAllBytes(WriteTemp(0.5));
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(20), 2);
                File.WriteAllBytes(path, bytes);
                break;
            case "mp3-garbage":
                File.WriteAllBytes(path, [.. "ID3"u8, 3, 0, 0, 0, 0, 0, 0, .. Enumerable.Repeat((byte)0x55, 4000)]);
                break;
            case "folder":
                Directory.CreateDirectory(path);
                break;
        }

        var run = _temp.File($"run-{kind}");
        var result = await CliRunner.RunAsync("transcribe", path, "-o", run, "--stop-after", "audio");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n'), l => l.StartsWith("minutes:", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        if (File.Exists(Path.Combine(run, RunFolder.ManifestFile)))
        {
            var manifest = MinutesJson.Deserialize(File.ReadAllText(Path.Combine(run, RunFolder.ManifestFile)), MinutesJson.Context.Manifest);
            Assert.DoesNotContain(manifest.Stages, s => s.Status == StageStatus.Completed);
            Assert.False(File.Exists(Path.Combine(run, RunFolder.DecodedAudio)));
        }
    }

    [Fact]
    public async Task A_long_recording_decodes_with_bounded_memory()
    {
        // 10 minutes of 48 kHz stereo is 115 MB of input; the decoder streams it in blocks. The
        // heap is process-wide, so this runs in the collection that nothing runs beside.
        var wav = _temp.File("long.wav");
        WriteSineWav(wav, 48000, 2, 16, false, false, seconds: 600, frequency: 300, amplitude: 0.3);
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        var progress = new Minutes.Runs.SyncProgress<double>(_ => peak = Math.Max(peak, GC.GetTotalMemory(false)));

        var info = await new AudioDecoder().DecodeAsync(wav, _temp.File("out.wav"), progress, default);

        Assert.InRange(info.Duration, 599.99, 600.01);
        Assert.True(peak - before < 64L * 1024 * 1024, $"managed heap grew by {(peak - before) / 1024 / 1024} MB while decoding");
    }

    [SkippableFact]
    public async Task Six_channels_through_ffmpeg_stream_with_bounded_memory_and_keep_their_levels()
    {
        var ffmpeg = FfmpegSource.Locate();
        Skip.If(ffmpeg is null, "ffmpeg is not installed (scripts/test installs it)");
        // 5 minutes of 48 kHz 6-channel FLAC is 86 million samples (345 MB as floats); ffmpeg hands them
        // over on a pipe and the decoder reads them in blocks. Channel k carries the tone 3k dB down.
        var flac = _temp.File("six.flac");
        var gains = string.Join('|', Enumerable.Range(0, 6).Select(c => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"c{c}={Math.Pow(10, -3 * c / 20.0):0.000000}*c0")));
        var make = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(ffmpeg!, ["-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=300:sample_rate=48000:duration=300", "-af", $"pan=6c|{gains}", "-c:a", "flac", flac]) { RedirectStandardError = true })!;
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120)))
        {
            await make.WaitForExitAsync(timeout.Token);
        }

        Assert.Equal(0, make.ExitCode);
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var pcm = _temp.File("six/audio-16k.wav");
        // ffmpeg's pipe gives no progress to sample the heap at, so a watcher samples it while the decoder runs.
        using var done = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            long most = 0;
            while (!done.IsCancellationRequested)
            {
                most = Math.Max(most, GC.GetTotalMemory(false));
                await Task.Delay(5, CancellationToken.None);
            }

            return most;
        });

        var info = await new AudioDecoder().DecodeAsync(flac, pcm, null, default);
        await done.CancelAsync();
        var peak = await watcher.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(("ffmpeg", 6, 48000), (info.Decoder, info.Channels, info.SampleRate));
        Assert.InRange(info.Duration, 299.99, 300.01);
        Assert.True(peak - before < 64L * 1024 * 1024, $"managed heap grew by {(peak - before) / 1024 / 1024} MB while decoding");
        var levels = ChannelLevels.Read(ChannelLevels.PathFor(pcm));
        Assert.Equal((6, 15000), (levels.Channels, levels.Frames));
        var energy = levels.Energy(100, 200);
        // The tone's mean square is 1/128 (amplitude 1/8): -21.07 dBFS on the first channel.
        Assert.InRange(ChannelLevels.Db(energy[0]), -21.2, -20.9);
        for (var c = 1; c < 6; c++)
        {
            Assert.InRange(ChannelLevels.Db(energy[0]) - ChannelLevels.Db(energy[c]), (3 * c) - 0.01, (3 * c) + 0.01);
        }
    }

    [SkippableFact]
    public async Task An_m4a_ffmpeg_cannot_read_is_ffmpegs_one_line_and_exit_2()
    {
        Skip.If(FfmpegSource.Locate() is null, "ffmpeg is not installed (scripts/test installs it)");
        var path = _temp.File("broken.m4a");
        File.WriteAllBytes(path, [0, 0, 0, 0x18, .. "ftypM4A "u8, 0, 0, 0, 0, .. Enumerable.Repeat((byte)0x55, 4000)]);
        var run = _temp.File("run-broken");

        var result = await CliRunner.RunAsync("transcribe", path, "-o", run, "--stop-after", "audio");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n'), l => l.StartsWith("minutes:", StringComparison.Ordinal));
        Assert.Contains("ffmpeg could not decode 'broken.m4a'", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(run, RunFolder.DecodedAudio)));
    }

    private string WriteTemp(double seconds)
    {
        var path = _temp.File($"tmp-{Guid.NewGuid():N}.wav");
        WriteSineWav(path, 16000, 1, 16, false, false, seconds, 440, 0.5);
        return path;
    }

    private Task<AudioInfo> Decode(string path) => new AudioDecoder().DecodeAsync(path, _temp.File("out.wav"), null, default);

    /// <summary>Checks the decoded file: pitch by zero crossings, RMS of a sine of that amplitude.</summary>
    private static void AssertSine(string pcm, double frequency, double amplitude, double tolerance)
    {
        using var audio = PcmAudio.Open(pcm);
        var samples = audio.Read(PcmAudio.Rate / 4, PcmAudio.Rate);
        var crossings = 0;
        for (var i = 1; i < samples.Length; i++)
        {
            if ((samples[i - 1] < 0) != (samples[i] < 0))
            {
                crossings++;
            }
        }

        Assert.InRange(crossings / 2.0, frequency * 0.98, frequency * 1.02);
        var rms = Math.Sqrt(samples.Average(s => (double)s * s));
        Assert.InRange(rms, (amplitude / Math.Sqrt(2)) - tolerance, (amplitude / Math.Sqrt(2)) + tolerance);
    }

    internal static void WriteSineWav(string path, int rate, int channels, int bits, bool isFloat, bool extensible, double seconds, double frequency, double amplitude)
    {
        var frames = (long)(seconds * rate);
        var bytesPerSample = bits / 8;
        var dataBytes = frames * channels * bytesPerSample;
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var w = new BinaryWriter(stream);
        var fmtSize = extensible ? 40 : 16;
        w.Write("RIFF"u8);
        w.Write((uint)(4 + 8 + fmtSize + 8 + dataBytes));
        w.Write("WAVE"u8);
        w.Write("fmt "u8);
        w.Write(fmtSize);
        w.Write((ushort)(extensible ? 0xFFFE : isFloat ? 3 : 1));
        w.Write((ushort)channels);
        w.Write(rate);
        w.Write(rate * channels * bytesPerSample);
        w.Write((ushort)(channels * bytesPerSample));
        w.Write((ushort)bits);
        if (extensible)
        {
            w.Write((ushort)22);
            w.Write((ushort)bits);
            w.Write(0);
            w.Write((ushort)(isFloat ? 3 : 1));
            w.Write(new byte[] { 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71 });
        }

        w.Write("data"u8);
        w.Write((uint)dataBytes);
        var frame = new byte[channels * bytesPerSample];
        for (long i = 0; i < frames; i++)
        {
            var value = amplitude * Math.Sin(2 * Math.PI * frequency * i / rate);
            for (var c = 0; c < channels; c++)
            {
                var at = frame.AsSpan(c * bytesPerSample);
                switch (isFloat, bits)
                {
                    case (true, 32): BinaryPrimitives.WriteSingleLittleEndian(at, (float)value); break;
                    case (true, 64): BinaryPrimitives.WriteDoubleLittleEndian(at, value); break;
                    case (false, 8): at[0] = (byte)Math.Round(128 + (value * 127)); break;
                    case (false, 16): BinaryPrimitives.WriteInt16LittleEndian(at, (short)Math.Round(value * 32767)); break;
                    case (false, 24):
                        var v24 = (int)Math.Round(value * 8388607);
                        at[0] = (byte)v24;
                        at[1] = (byte)(v24 >> 8);
                        at[2] = (byte)(v24 >> 16);
                        break;
                    default: BinaryPrimitives.WriteInt32LittleEndian(at, (int)Math.Round(value * 2147483647)); break;
                }
            }

            w.Write(frame);
        }
    }
}
