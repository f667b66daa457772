using Minutes.Audio;
using Minutes.Tests.Support;
using Minutes.Transcription;
using Minutes.Vad;

namespace Minutes.Tests.Transcription;

/// <summary>Models with the published shapes and types (random weights), checked against the published sizes and loaded in the real Whisper.net.</summary>
public sealed class ShapeTrueModelTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// The tensor table's size against the byte counts of whisper.cpp's published files
    /// (huggingface.co/ggerganov/whisper.cpp, as listed there); only the vocabulary's bytes differ.
    /// </summary>
    [Theory]
    [InlineData("base", 147_951_465)]
    [InlineData("small", 487_601_967)]
    [InlineData("medium", 1_533_763_059)]
    [InlineData("medium-q5_0", 539_212_467)]
    [InlineData("medium-q8_0", 823_369_779)]
    [InlineData("large-v3", 3_095_033_483)]
    [InlineData("large-v3-turbo", 1_624_555_275)]
    [InlineData("large-v3-turbo-q5_0", 574_041_195)]
    [InlineData("large-v3-turbo-q8_0", 874_188_075)]
    public void The_tensor_table_adds_up_to_the_published_file_size(string name, long published)
    {
        var (shape, type) = ShapeTrueWhisperModel.Parse(name);

        var computed = ShapeTrueWhisperModel.FileBytes(shape, type);

        Assert.InRange(computed / (double)published, 0.997, 1.003);
    }

    [Fact]
    public void Only_two_dimensional_weights_are_quantized_and_the_four_skipped_tensors_stay_f32()
    {
        var (shape, _) = ShapeTrueWhisperModel.Parse("large-v3-turbo");
        var tensors = ShapeTrueWhisperModel.Tensors(shape, GgmlType.Q5_0).ToDictionary(t => t.Name);

        Assert.Equal(5 + (32 * 15) + 2 + 2 + (4 * 24) + 2, tensors.Count);
        Assert.Equal(GgmlType.F16, tensors["encoder.conv1.weight"].Type);
        Assert.Equal([3L, 128, 1280], tensors["encoder.conv1.weight"].Dims);
        Assert.Equal(GgmlType.F32, tensors["encoder.conv1.bias"].Type);
        Assert.Equal(GgmlType.F32, tensors["decoder.positional_embedding"].Type);
        Assert.Equal(GgmlType.Q5_0, tensors["decoder.token_embedding.weight"].Type);
        Assert.Equal([1280L, 51866], tensors["decoder.token_embedding.weight"].Dims);
        Assert.Equal(GgmlType.Q5_0, tensors["encoder.blocks.31.mlp.0.weight"].Type);
        Assert.Equal(GgmlType.F32, tensors["decoder.blocks.3.cross_attn.query.bias"].Type);
        Assert.Equal(2008, ShapeTrueWhisperModel.FileType(GgmlType.Q5_0));
    }

    [Theory]
    [InlineData(GgmlType.Q8_0, 1 / 127.0)]
    [InlineData(GgmlType.Q5_0, 1 / 16.0)]
    public void A_quantized_block_decodes_back_within_one_step_of_its_scale(GgmlType type, double step)
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, GgmlBlocks.BlockSize).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        values[5] = -0.9f;
        var block = new byte[GgmlBlocks.SizeOf(type, GgmlBlocks.BlockSize)];

        GgmlBlocks.Encode(type, values, block);
        var decoded = GgmlBlocks.Decode(type, block);

        Assert.Equal(type == GgmlType.Q8_0 ? 34 : 22, block.Length);
        Assert.All(values.Zip(decoded), p => Assert.InRange(Math.Abs(p.First - p.Second), 0, (0.9 * step) + 1e-3));
        Assert.Equal(-0.9f, decoded[5], 0.001f);
    }

    [Theory]
    [InlineData("base")]
    [InlineData("base-q5_0")]
    public async Task A_generated_base_model_loads_in_whisper_net_and_decodes_bounded_windows(string name)
    {
        var path = ShapeTrueWhisperModel.Ensure(name, _temp.File("cache"));
        var (shape, type) = ShapeTrueWhisperModel.Parse(name);
        Assert.Equal(ShapeTrueWhisperModel.FileBytes(shape, type), new FileInfo(path).Length);
        var header = WhisperModelFile.Inspect(path);
        Assert.Equal(("base", 512, 6, ShapeTrueWhisperModel.FileType(type)), (header.SizeClass, header.AudioState, header.TextLayers, header.FileType));

        using var audio = Noise(4);
        var vad = new VadTrace("energy", null, null, new Dictionary<string, string>(), audio.Duration, 3, [new SpeechRegion("r0001", 0.5, 3.5)]);
        // As the bench and `models measure` time it: greedy whatever beam the run asks for (beam on random weights stops after a few tokens).
        var timing = new WhisperDecoding { BeamSize = 5 }.ForTiming(3.0);
        Assert.Equal((1, 20, false), (timing.BeamSize, timing.MaxTokensPerWindow, timing.TemperatureFallback));
        var transcript = await new WhisperTranscriber(new WhisperSettings { ModelPath = path, Threads = 2, Decoding = timing })
            .TranscribeAsync(audio, vad, _temp.File("chunks"), null, default);

        Assert.Equal(("1", "base"), (transcript.Settings["windows"], transcript.Settings["modelSize"]));
        // The tokens decoded are recorded (the bench's "tokens per window" shows the bound reached on the sample's speech; this noise stops sooner).
        Assert.InRange(int.Parse(transcript.Settings["tokens"], System.Globalization.CultureInfo.InvariantCulture), 1, 20);
    }

    private PcmAudio Noise(int seconds)
    {
        var path = _temp.File($"noise-{Guid.NewGuid():N}.wav");
        var random = new Random(5);
        using (var stream = File.Create(path))
        {
            PcmWavFormat.WriteHeader(stream, seconds * PcmAudio.Rate * 2L);
            var buffer = new byte[2];
            for (var i = 0; i < seconds * PcmAudio.Rate; i++)
            {
                BitConverter.TryWriteBytes(buffer, (short)((random.NextDouble() - 0.5) * 8000));
                stream.Write(buffer);
            }
        }

        return PcmAudio.Open(path);
    }
}
