using Minutes.Audio;
using Minutes.Models;
using Minutes.Speakers;
using Minutes.Tests.Support;

namespace Minutes.Tests.Speakers;

/// <summary>
/// The speaker models <c>models pull</c> knows (sherpa-onnx's WeSpeaker ResNet34 and 3D-Speaker
/// CAM++): their documented input is what the ONNX path feeds, checked end to end with a
/// generated model of the same input and output shape (no real one can be downloaded here).
/// </summary>
public sealed class SpeakerModelCatalogTests
{
    [Theory]
    [InlineData(SpeakerModelInputs.WeSpeakerResNet34, "wespeaker_en_voxceleb_resnet34.onnx", 256)]
    [InlineData(SpeakerModelInputs.CamPlusPlus, "3dspeaker_speech_campplus_sv_zh-cn_16k-common.onnx", 192)]
    public void A_catalog_speaker_model_gets_the_input_it_was_trained_on_and_gives_its_embedding_size(string name, string file, int dimensions)
    {
        var source = ModelCatalog.Find(name);
        var input = Assert.Single(SpeakerModelInputs.All, i => i.Name == name);

        Assert.NotNull(source);
        Assert.Equal(ModelKind.Speaker, source.Kind);
        Assert.Equal(file, source.FileName);
        Assert.Equal("https://github.com/k2-fsa/sherpa-onnx/releases/download/speaker-recongition-models/" + file, source.Url.ToString());
        Assert.Contains("uncalibrated", source.Note, StringComparison.Ordinal);
        // What the recipes document (WeSpeaker, 3D-Speaker: 16 kHz, 80-dim Kaldi fbank, mean-normalised;
        // the embedding size of each model card), as literals rather than read back from our own record.
        Assert.Equal((16000, 80, true, dimensions, false), (input.SampleRate, input.MelBins, input.MeanNormalised, input.EmbeddingDimensions, input.Calibrated));
        Assert.Equal(PcmAudio.Rate, input.SampleRate);

        // What the embedder feeds such a model for 2 s of audio, worked out by hand: 32,000 samples
        // give 1 + ⌊(32,000 − 400) / 160⌋ = 198 fbank rows (25 ms every 10 ms) of 80; windows of 1.5 s
        // (150 rows) every 0.75 s, the last flush with the end, are rows [0, 150) and [48, 198), each
        // fed as [1, 150, 80] with every bin's mean over the window 0.
        var tone = Enumerable.Range(0, 2 * PcmAudio.Rate).Select(i => (float)(0.1 * Math.Sin(i * 0.05))).ToArray();
        var fbank = new KaldiFbank(input.MelBins).Compute(tone);
        Assert.Equal(198, fbank.Length);
        Assert.All(fbank, row => Assert.Equal(80, row.Length));
        Assert.Equal(new List<(int From, int To)> { (0, 150), (48, 198) }, Diarizer.WindowRanges(MelFeatures.FrameCount(tone.Length)));
        var (features, frames) = OnnxSpeakerEmbedder.WindowFeatures(fbank, 48, 198);
        Assert.Equal((150, 150 * 80), (frames, features.Length));
        for (var bin = 0; bin < 80; bin++)
        {
            var mean = Enumerable.Range(0, 150).Average(t => features[(t * 80) + bin]);
            Assert.Equal(0, mean, 4);
        }

        // A model of the published shape ([N, T, 80] in, [N, D] out) answers one finite D-vector per window.
        using var temp = new TempFolder();
        var path = TinySpeakerModel.Write(temp.File(file), dimensions: dimensions);
        using var embedder = OnnxSpeakerEmbedder.Open(path);
        var embeddings = embedder.Embed([new SpeechStretch(tone, Diarizer.WindowRanges(MelFeatures.FrameCount(tone.Length)))], CancellationToken.None);

        Assert.Equal(2, embeddings.Count);
        Assert.All(embeddings, e => Assert.Equal(dimensions, e.Length));
        Assert.All(embeddings, e => Assert.All(e, x => Assert.True(float.IsFinite(x))));
    }

    [Fact]
    public void A_speaker_model_in_the_models_folder_is_listed_as_a_speaker_model_and_a_url_to_an_onnx_file_is_one()
    {
        using var temp = new TempFolder();
        var folder = temp.File("models");
        Directory.CreateDirectory(folder);
        TinySpeakerModel.Write(Path.Combine(folder, "wespeaker_en_voxceleb_resnet34.onnx"), dimensions: 256);

        var installed = Assert.Single(new ModelStore(folder).Installed());

        Assert.Equal((SpeakerModelInputs.WeSpeakerResNet34, ModelKind.Speaker), (installed.Name, installed.Kind));
        Assert.Equal(ModelKind.Speaker, ModelSource.FromUrl(new Uri("https://example.org/models/campplus.onnx")).Kind);
    }
}
