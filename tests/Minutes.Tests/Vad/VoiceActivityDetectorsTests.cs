using Minutes.Models;
using Minutes.Runs;
using Minutes.Tests.Support;
using Minutes.Vad;

namespace Minutes.Tests.Vad;

public sealed class VoiceActivityDetectorsTests
{
    private static readonly VadOptions Options = new();

    [SkippableFact]
    public void Takes_silero_from_the_models_folder()
    {
        var store = new ModelStore(Path.GetDirectoryName(RepoPaths.SileroModel)!);
        var detector = VoiceActivityDetectors.Create(Options, store);

        Assert.IsType<SileroVoiceActivityDetector>(detector);
        Assert.Equal("silero", detector.Parameters["detector"]);
        Assert.Equal("2aa269b785eeb53a82983a20501ddf7c1d9c48e33ab63a41391ac6c9f7fb6987", detector.Parameters["modelSha256"]);
    }

    [SkippableFact]
    public void Falls_back_to_energy_with_the_reason_when_no_model_is_found()
    {
        using var temp = new TempFolder();
        var detector = VoiceActivityDetectors.Create(Options, new ModelStore(temp.Path));

        Assert.IsType<EnergyVoiceActivityDetector>(detector);
        using var audio = Minutes.Audio.PcmAudio.Open(VadFixture.Wav);
        var trace = detector.Detect(audio, null, CancellationToken.None);
        Assert.Equal($"no Silero VAD model in {temp.Path} (`minutes models pull silero-v6.2.0` gets one)", trace.FallbackReason);
    }

    [SkippableFact]
    public void Energy_vad_option_wins_over_an_available_model()
    {
        var store = new ModelStore(Path.GetDirectoryName(RepoPaths.SileroModel)!);
        var detector = VoiceActivityDetectors.Create(Options with { Energy = true }, store);

        Assert.IsType<EnergyVoiceActivityDetector>(detector);
        Assert.Equal("energy", detector.Parameters["detector"]);
    }

    [SkippableFact]
    public void An_explicit_vad_model_that_is_not_silero_is_an_error_not_a_fallback()
    {
        using var temp = new TempFolder();
        var path = temp.File("ggml-base.bin");
        File.WriteAllBytes(path, WhisperLikeHeader.Bytes(extra: 100));

        var ex = Assert.Throws<MinutesException>(() => VoiceActivityDetectors.Create(Options with { Model = path }, new ModelStore(temp.Path)));
        Assert.StartsWith("'ggml-base.bin' is not a Silero VAD model", ex.Message, StringComparison.Ordinal);
    }
}
