namespace Minutes.Speakers;

/// <summary>
/// What a published speaker-embedding model expects and gives, as its training recipe defines it:
/// 16 kHz audio, <see cref="MelBins"/>-dim Kaldi fbank (<see cref="KaldiFbank"/>: 25 ms / 10 ms,
/// Povey window, no dither), each window's rows less their mean per bin, fed as <c>[N, T, 80]</c>
/// float; out comes <c>[N, D]</c>. <see cref="Calibrated"/> says whether the diarizer's threshold
/// and penalty were measured for the model; for these two they were not (no model can be
/// downloaded where Minutes is developed), so <c>--speaker-threshold</c> and
/// <c>--speaker-penalty</c> keep the built-in embedder's values until someone measures them.
/// </summary>
public sealed record SpeakerModelInput(string Name, string FileName, int SampleRate, int MelBins, bool MeanNormalised, int EmbeddingDimensions, bool Calibrated);

/// <summary>The speaker models of the catalog (<c>minutes models pull NAME</c>) and their inputs.</summary>
public static class SpeakerModelInputs
{
    /// <summary>WeSpeaker ResNet34 trained on VoxCeleb (sherpa-onnx's export; embedding 256).</summary>
    public const string WeSpeakerResNet34 = "wespeaker-resnet34-voxceleb";

    /// <summary>3D-Speaker CAM++ (sherpa-onnx's export of the zh-cn 16k-common model; embedding 192).</summary>
    public const string CamPlusPlus = "3dspeaker-campplus";

    public static IReadOnlyList<SpeakerModelInput> All { get; } =
    [
        new(WeSpeakerResNet34, "wespeaker_en_voxceleb_resnet34.onnx", 16000, 80, MeanNormalised: true, EmbeddingDimensions: 256, Calibrated: false),
        new(CamPlusPlus, "3dspeaker_speech_campplus_sv_zh-cn_16k-common.onnx", 16000, 80, MeanNormalised: true, EmbeddingDimensions: 192, Calibrated: false),
    ];

    /// <summary>
    /// Whether the diarizer's threshold and penalty were measured for the embedder a speaker map
    /// names (<see cref="SpeakerMap.Method"/>): the built-in one yes; an ONNX model only when its
    /// catalog entry says so (none does yet), and a model outside the catalog never.
    /// </summary>
    public static bool IsCalibrated(string method)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (!method.StartsWith("onnx:", StringComparison.Ordinal))
        {
            return method == MfccSpeakerEmbedder.MethodName;
        }

        var file = method["onnx:".Length..];
        return All.FirstOrDefault(i => string.Equals(i.FileName, file, StringComparison.OrdinalIgnoreCase))?.Calibrated ?? false;
    }
}
