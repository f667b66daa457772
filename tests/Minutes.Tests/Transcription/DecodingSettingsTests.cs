using Minutes.Audio;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Tests.Support;
using Minutes.Transcription;
using Minutes.Vad;

namespace Minutes.Tests.Transcription;

/// <summary>Beam search, greedy, the temperature fallback and parallel processors, on the real Whisper.net with generated models.</summary>
public sealed class DecodingSettingsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_default_decoding_is_whisper_cpps_beam_search_of_5_with_fallback_and_fast_is_greedy()
    {
        var beam = new WhisperDecoding();
        Assert.Equal((5, 5), (beam.BeamSize, beam.BestOf));
        Assert.Equal([0.0, 0.2, 0.4, 0.6, 0.8, 1.0], beam.Temperatures);
        Assert.Equal([0.0], (beam with { TemperatureFallback = false }).Temperatures);
        var described = beam.Describe().ToDictionary();
        Assert.Equal("beam", described["decoding"]);
        Assert.Equal("0,0.2,0.4,0.6,0.8,1", described["temperatureFallback"]);
        Assert.Equal("greedy", WhisperDecoding.Greedy.Describe().ToDictionary()["decoding"]);
        Assert.False(described.ContainsKey("maxTokensPerWindow"));
    }

    [Fact]
    public void The_compression_ratio_is_that_of_zlib_and_a_loop_fails_it()
    {
        Assert.True(DecodingQuality.CompressionRatio("本日の会議を開会します") < 2.4);
        Assert.True(DecodingQuality.CompressionRatio(string.Concat(Enumerable.Repeat("よろしくお願いします。", 5))) > 2.4);
        Assert.Equal(0, DecodingQuality.CompressionRatio(string.Empty));
    }

    [Fact]
    public async Task Beam_search_and_greedy_decode_the_crafted_model_alike_and_each_is_recorded()
    {
        var model = Crafted("本日", "の", "会議", "を", "開会", "します");
        using var audio = Recording((1.0, 4.0));
        var vad = Vad(audio, (1.0, 4.0));

        var beam = await new WhisperTranscriber(new WhisperSettings { ModelPath = model, Decoding = new WhisperDecoding { BeamSize = 3 } })
            .TranscribeAsync(audio, vad, _temp.File("beam"), null, default);
        var greedy = await new WhisperTranscriber(new WhisperSettings { ModelPath = model, Decoding = WhisperDecoding.Greedy })
            .TranscribeAsync(audio, vad, _temp.File("greedy"), null, default);

        Assert.Equal(beam.Segments, greedy.Segments);
        Assert.Equal(("beam", "3"), (beam.Settings["decoding"], beam.Settings["beamSize"]));
        Assert.Equal(("greedy", "1"), (greedy.Settings["decoding"], greedy.Settings["beamSize"]));
        Assert.Equal(("0", "1"), (beam.Settings["fallbackWindows"], beam.Settings["windows"]));
    }

    [Fact]
    public async Task A_resumed_run_with_other_decoding_settings_decodes_every_chunk_again()
    {
        var model = Crafted("議題", "1");
        using var audio = Recording((0.5, 2.0), (5.0, 7.0));
        var vad = Vad(audio, (0.5, 2.0), (5.0, 7.0));
        var checkpoint = _temp.File("chunks");
        var settings = new WhisperSettings { ModelPath = model, Decoding = WhisperDecoding.Greedy };

        await new WhisperTranscriber(settings).TranscribeAsync(audio, vad, checkpoint, null, default);
        var times = Directory.GetFiles(checkpoint).Order().Select(File.GetLastWriteTimeUtc).ToArray();
        await new WhisperTranscriber(settings).TranscribeAsync(audio, vad, checkpoint, null, default);
        var reused = Directory.GetFiles(checkpoint).Order().Select(File.GetLastWriteTimeUtc).ToArray();
        await Task.Delay(20);
        await new WhisperTranscriber(settings with { Decoding = new WhisperDecoding { BeamSize = 2 } }).TranscribeAsync(audio, vad, checkpoint, null, default);

        Assert.Equal(times, reused);
        Assert.All(Directory.GetFiles(checkpoint).Order().Select(File.GetLastWriteTimeUtc).Zip(times), p => Assert.True(p.First > p.Second));
    }

    [Fact]
    public async Task Two_processors_in_parallel_give_exactly_the_serial_transcript_fallbacks_included()
    {
        var model = Crafted([.. Enumerable.Repeat(new[] { "よろしく", "お願いします。" }, 5).SelectMany(p => p)]);
        var plain = Crafted("本日", "の", "会議", "を", "開会", "します");
        using var audio = Recording((0.5, 3.0), (5.0, 7.5), (10.0, 12.0), (15.0, 18.0), (21.0, 23.0));
        var vad = Vad(audio, (0.5, 3.0), (5.0, 7.5), (10.0, 12.0), (15.0, 18.0), (21.0, 23.0));

        foreach (var path in new[] { model, plain })
        {
            var settings = new WhisperSettings { ModelPath = path, Threads = 2, Decoding = WhisperDecoding.Greedy };
            var serial = await new WhisperTranscriber(settings).TranscribeAsync(audio, vad, _temp.File($"serial-{Guid.NewGuid():N}"), null, default);
            var parallel = await new WhisperTranscriber(settings with { Processors = 2 }).TranscribeAsync(audio, vad, _temp.File($"parallel-{Guid.NewGuid():N}"), null, default);

            Assert.Equal(5, serial.Segments.Count);
            Assert.Equal(serial.Segments.Select(Json), parallel.Segments.Select(Json));
            Assert.Equal(serial.Dropped, parallel.Dropped);
            Assert.Equal(("1", "2"), (serial.Settings["processors"], parallel.Settings["processors"]));
            Assert.Equal(serial.Settings["fallbackWindows"], parallel.Settings["fallbackWindows"]);
            // The repeating model's windows fail the compression test, so the fallback is really exercised; the plain one's pass.
            Assert.Equal(path == model, serial.Settings["fallbackWindows"] != "0");
        }
    }

    [Fact]
    public async Task Random_weights_bounded_to_a_few_tokens_per_window_decode_reproducibly_through_the_sampled_fallback()
    {
        var model = _temp.File("random.bin");
        TinyWhisperModel.WriteRandom(model);
        using var audio = Recording((0.5, 3.0), (6.0, 8.0));
        var vad = Vad(audio, (0.5, 3.0), (6.0, 8.0));
        var settings = new WhisperSettings { ModelPath = model, Threads = 2, Decoding = WhisperDecoding.Greedy with { MaxTokensPerWindow = 6 } };

        var first = await new WhisperTranscriber(settings).TranscribeAsync(audio, vad, _temp.File("a"), null, default);
        var second = await new WhisperTranscriber(settings with { Processors = 2 }).TranscribeAsync(audio, vad, _temp.File("b"), null, default);

        // Random weights fail the log-probability test, so both windows went through the sampled temperatures.
        Assert.Equal("2", first.Settings["fallbackWindows"]);
        Assert.Equal("6", first.Settings["maxTokensPerWindow"]);
        Assert.Equal(first.Segments.Select(Json), second.Segments.Select(Json));
        Assert.All(first.Segments, s => Assert.Contains(SegmentFlags.TemperatureFallback, s.Flags!));
    }

    [Fact]
    public async Task Transcribe_with_beam_size_3_records_it_in_the_manifest_and_the_transcript()
    {
        var model = Crafted("ただいま", "から", "委員会", "を", "開会", "します");
        var run = _temp.File("run");

        var result = await CliRunner.RunAsync("transcribe", RepoPaths.Sample("committee/recording.ogg"), "-o", run, "--model", model, "--energy-vad", "--threads", "2", "--beam-size", "3", "--processors", "2", "--stop-after", "transcript");

        Assert.True(result.ExitCode == 0, result.Error);
        var folder = RunFolder.Open(run);
        var stage = folder.LoadManifest().Stages.Single(s => s.Name == "transcript");
        var transcript = folder.Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript);
        Assert.Equal(("beam", "3"), (stage.Parameters["decoding"], stage.Parameters["beamSize"]));
        Assert.Equal(("3", "2"), (transcript.Settings["beamSize"], transcript.Settings["processors"]));
        Assert.NotEmpty(transcript.Segments);
    }

    [Theory]
    [InlineData("--beam-size", "9")]
    [InlineData("--processors", "0")]
    [InlineData("--fast", "--beam-size", "2")]
    public async Task Impossible_decoding_settings_are_one_line_and_exit_1(params string[] options)
    {
        var run = _temp.File("bad");
        var result = await CliRunner.RunAsync(["transcribe", RepoPaths.Sample("committee/recording.ogg"), "-o", run, "--model", Crafted("a"), "--energy-vad", "--stop-after", "transcript", .. options]);

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    private static string Json(TranscriptSegment segment) => System.Text.Json.JsonSerializer.Serialize(segment, MinutesJson.Context.TranscriptSegment);

    private string Crafted(params string[] pieces) => WhisperFixtures.Crafted(_temp, pieces);

    private PcmAudio Recording(params (double Start, double End)[] loud) => WhisperFixtures.Recording(_temp, 25, loud);

    private static VadTrace Vad(PcmAudio audio, params (double Start, double End)[] regions) => WhisperFixtures.Vad(audio, regions);
}
