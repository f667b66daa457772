using Minutes.Speakers;
using Minutes.Text;

namespace Minutes.Models;

/// <summary>
/// The models Minutes knows by name: whisper.cpp's ggml conversions of OpenAI Whisper (Hugging Face
/// repository ggerganov/whisper.cpp, file <c>ggml-NAME.bin</c>, the naming of whisper.cpp's
/// <c>models/download-ggml-model.sh</c>), kotoba-whisper v2.0 (a Japanese distillation of
/// large-v3, by kotoba-tech), the Silero VAD in whisper.cpp's ggml format, and the ONNX
/// speaker-embedding models sherpa-onnx publishes (WeSpeaker ResNet34, 3D-Speaker CAM++).
/// </summary>
public static class ModelCatalog
{
    public const string DefaultWhisper = "large-v3-turbo";
    public const string DefaultVad = "silero-v6.2.0";

    private const string WhisperCpp = "https://huggingface.co/ggerganov/whisper.cpp/resolve/main/";
    private const string Kotoba = "https://huggingface.co/kotoba-tech/kotoba-whisper-v2.0-ggml/resolve/main/";

    public static IReadOnlyList<ModelSource> All { get; } =
    [
        W("tiny", "75 MiB", "bd577a113a864445d4c299885e0cb97d4ba92b5f"),
        W("tiny-q5_1", "31 MiB", "2827a03e495b1ed3048ef28a6a4620537db4ee51"),
        W("tiny-q8_0", "42 MiB", "19e8118f6652a650569f5a949d962154e01571d9"),
        W("tiny.en", "75 MiB", "c78c86eb1a8faa21b369bcd33207cc90d64ae9df"),
        W("tiny.en-q5_1", "31 MiB", "3fb92ec865cbbc769f08137f22470d6b66e071b6"),
        W("tiny.en-q8_0", "42 MiB", "802d6668e7d411123e672abe4cb6c18f12306abb"),
        W("base", "142 MiB", "465707469ff3a37a2b9b8d8f89f2f99de7299dac"),
        W("base-q5_1", "57 MiB", "a3733eda680ef76256db5fc5dd9de8629e62c5e7"),
        W("base-q8_0", "78 MiB", "7bb89bb49ed6955013b166f1b6a6c04584a20fbe"),
        W("base.en", "142 MiB", "137c40403d78fd54d454da0f9bd998f78703390c"),
        W("base.en-q5_1", "57 MiB", "d26d7ce5a1b6e57bea5d0431b9c20ae49423c94a"),
        W("base.en-q8_0", "78 MiB", "bb1574182e9b924452bf0cd1510ac034d323e948"),
        W("small", "466 MiB", "55356645c2b361a969dfd0ef2c5a50d530afd8d5"),
        W("small-q5_1", "181 MiB", "6fe57ddcfdd1c6b07cdcc73aaf620810ce5fc771"),
        W("small-q8_0", "252 MiB", "bcad8a2083f4e53d648d586b7dbc0cd673d8afad"),
        W("small.en", "466 MiB", "db8a495a91d927739e50b3fc1cc4c6b8f6c2d022"),
        W("small.en-q5_1", "181 MiB", "20f54878d608f94e4a8ee3ae56016571d47cba34"),
        W("small.en-q8_0", "252 MiB", "9d75ff4ccfa0a8217870d7405cf8cef0a5579852"),
        W("medium", "1.5 GiB", "fd9727b6e1217c2f614f9b698455c4ffd82463b4"),
        W("medium-q5_0", "514 MiB", "7718d4c1ec62ca96998f058114db98236937490e"),
        W("medium-q8_0", "785 MiB", "e66645948aff4bebbec71b3485c576f3d63af5d6"),
        W("medium.en", "1.5 GiB", "8c30f0e44ce9560643ebd10bbe50cd20eafd3723"),
        W("medium.en-q5_0", "514 MiB", "bb3b5281bddd61605d6fc76bc5b92d8f20284c3b"),
        W("medium.en-q8_0", "785 MiB", "b1cf48c12c807e14881f634fb7b6c6ca867f6b38"),
        W("large-v3", "2.9 GiB", "ad82bf6a9043ceed055076d0fd39f5f186ff8062"),
        W("large-v3-q5_0", "1.1 GiB", "e6e2ed78495d403bef4b7cff42ef4aaadcfea8de"),
        W("large-v3-turbo", "1.5 GiB", "4af2b29d7ec73d781377bfd1758ca957a807e941"),
        W("large-v3-turbo-q5_0", "547 MiB", "e050f7970618a659205450ad97eb95a18d69c9ee"),
        W("large-v3-turbo-q8_0", "834 MiB", "01bf15bedffe9f39d65c1b6ff9b687ea91f59e0e"),
        new("kotoba-whisper-v2.0", ModelKind.Whisper, new Uri(Kotoba + "ggml-kotoba-whisper-v2.0.bin"), "ggml-kotoba-whisper-v2.0.bin", "1.5 GiB", Note: "Japanese"),
        new("kotoba-whisper-v2.0-q5_0", ModelKind.Whisper, new Uri(Kotoba + "ggml-kotoba-whisper-v2.0-q5_0.bin"), "ggml-kotoba-whisper-v2.0-q5_0.bin", "538 MiB", Note: "Japanese"),
        new(
            DefaultVad,
            ModelKind.Vad,
            new Uri("https://huggingface.co/ggml-org/whisper-vad/resolve/main/ggml-silero-v6.2.0.bin"),
            "ggml-silero-v6.2.0.bin",
            "864 KiB",
            Sha1: "470e5d9d094ddba2f0a512cecc3732a252188abd",
            Sha256: "2aa269b785eeb53a82983a20501ddf7c1d9c48e33ab63a41391ac6c9f7fb6987",
            Bytes: 885_098,
            Note: "voice activity"),
        Speaker(SpeakerModelInputs.WeSpeakerResNet34, "26 MiB"),
        Speaker(SpeakerModelInputs.CamPlusPlus, "27 MiB"),
    ];

    /// <summary>The catalog entry of a name (case-insensitive; "ggml-" prefix and ".bin" suffix tolerated).</summary>
    public static ModelSource? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.Trim();
        if (key.StartsWith("ggml-", StringComparison.OrdinalIgnoreCase))
        {
            key = key[5..];
        }

        if (key.EndsWith(".bin", StringComparison.OrdinalIgnoreCase))
        {
            key = key[..^4];
        }

        return All.FirstOrDefault(m => string.Equals(m.Name, key, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>What <c>minutes models pull</c> fetches for a catalog name or an http(s) URL.</summary>
    public static ModelSource Resolve(string nameOrUrl)
    {
        ArgumentNullException.ThrowIfNull(nameOrUrl);
        if (Uri.TryCreate(nameOrUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return ModelSource.FromUrl(url);
        }

        return Find(nameOrUrl)
            ?? throw new Runs.MinutesException(Messages.Get("UnknownModel", nameOrUrl));
    }

    /// <summary>
    /// Whisper families from the most accurate, as <c>--model auto</c> ranks them: large-v3, then
    /// kotoba-whisper v2.0 (distilled from large-v3 for Japanese; its authors report a Japanese CER
    /// close to large-v3's), large-v3-turbo (large-v3 with 4 decoder layers), medium, small, base, tiny.
    /// </summary>
    private static readonly string[] AccuracyOrder = ["large-v3", "kotoba-whisper-v2.0", "large-v3-turbo", "medium", "small", "base", "tiny"];

    /// <summary>
    /// The place of a Whisper model in <see cref="AccuracyOrder"/> (0 = most accurate): a quantized
    /// model ranks just below its F16 sibling (q8_0, then q5_1, then q5_0); English-only models as
    /// their multilingual family. Models of no known family rank last.
    /// </summary>
    public static int AccuracyRank(ModelSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var name = source.Name.Replace(".en", string.Empty, StringComparison.Ordinal);
        var cut = name.LastIndexOf("-q", StringComparison.Ordinal);
        var (family, quantization) = cut > 0 ? (name[..cut], name[(cut + 1)..]) : (name, string.Empty);
        var place = Array.IndexOf(AccuracyOrder, family);
        var step = quantization switch
        {
            "" => 0,
            "q8_0" => 1,
            "q5_1" => 2,
            _ => 3,
        };
        return place < 0 ? int.MaxValue : (place * 4) + step;
    }

    // sherpa-onnx's release of speaker models (the tag's spelling is upstream's own). No digest is
    // published for these files: the pull records the sha256 it received.
    private const string SherpaSpeakers = "https://github.com/k2-fsa/sherpa-onnx/releases/download/speaker-recongition-models/";

    private static ModelSource Speaker(string name, string size)
    {
        var input = SpeakerModelInputs.All.Single(i => i.Name == name);
        return new(name, ModelKind.Speaker, new Uri(SherpaSpeakers + input.FileName), input.FileName, size, Note: input.Calibrated ? "speaker embeddings" : "speaker embeddings; uncalibrated");
    }

    private static ModelSource W(string name, string size, string sha1) =>
        new(name, ModelKind.Whisper, new Uri(WhisperCpp + "ggml-" + name + ".bin"), "ggml-" + name + ".bin", size, sha1);
}
