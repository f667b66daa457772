using Minutes.Tests.Support;
using Whisper.net;

namespace Minutes.Tests.Transcription;

public sealed class TinyModelProbeTests
{
    [Fact]
    public async Task Crafted_model_emits_the_chosen_text_through_the_real_runtime()
    {
        using var temp = new TempFolder();
        var path = temp.File("crafted.bin");
        TinyWhisperModel.WriteCrafted(path, ["本日", "の", "会議", "を", "開会", "します"]);
        using var factory = WhisperFactory.FromPath(path);
        await using var processor = factory.CreateBuilder().WithLanguage("ja").WithNoContext().WithProbabilities().WithPrompt("委員長、田中").Build();
        var samples = new float[16000 * 7];
        var random = new Random(3);
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)((random.NextDouble() - 0.5) * 0.3);
        }

        var segments = new List<SegmentData>();
        await foreach (var s in processor.ProcessAsync(samples))
        {
            segments.Add(s);
        }

        var segment = Assert.Single(segments);
        Assert.Equal("本日の会議を開会します", segment.Text);
        Assert.Equal(TimeSpan.Zero, segment.Start);
        // The crafted decoder closes no timestamp, so whisper.cpp ends the segment at its 30 s window.
        Assert.Equal(TimeSpan.FromSeconds(30), segment.End);
        Assert.True(segment.Probability > 0.99);
        Assert.True(segment.NoSpeechProbability < 0.01);
    }
}
