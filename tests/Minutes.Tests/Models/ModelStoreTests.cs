using Minutes.Models;
using Minutes.Runs;
using Minutes.Tests.Support;
using Minutes.Tests.Vad;

namespace Minutes.Tests.Models;

public sealed class ModelStoreTests
{
    [SkippableTheory]
    [InlineData("small", "https://huggingface.co/ggerganov/whisper.cpp/resolve/main/ggml-small.bin")]
    [InlineData("large-v3-turbo-q5_0", "https://huggingface.co/ggerganov/whisper.cpp/resolve/main/ggml-large-v3-turbo-q5_0.bin")]
    [InlineData("ggml-base.en.bin", "https://huggingface.co/ggerganov/whisper.cpp/resolve/main/ggml-base.en.bin")]
    [InlineData("kotoba-whisper-v2.0", "https://huggingface.co/kotoba-tech/kotoba-whisper-v2.0-ggml/resolve/main/ggml-kotoba-whisper-v2.0.bin")]
    [InlineData("silero-v6.2.0", "https://huggingface.co/ggml-org/whisper-vad/resolve/main/ggml-silero-v6.2.0.bin")]
    public void The_catalog_knows_whisper_cpp_names(string name, string url) =>
        Assert.Equal(url, ModelCatalog.Resolve(name).Url.ToString());

    [SkippableFact]
    public void The_catalogs_silero_digest_is_that_of_the_shared_model() =>
        Assert.Equal(ModelCatalog.Find("silero-v6.2.0")!.Sha256, Hashing.Sha256OfFile(RepoPaths.SileroModel));

    [SkippableFact]
    public void A_missing_model_name_says_how_to_get_it()
    {
        using var temp = new TempFolder();
        var ex = Assert.Throws<MinutesException>(() => new ModelStore(temp.Path).ResolveWhisperModel("small"));
        Assert.Equal($"Whisper model 'small' not found in {temp.Path}; run `minutes models pull small` or pass --model <path>.", ex.Message);
    }

    [SkippableFact]
    public void No_model_at_all_names_the_default()
    {
        using var temp = new TempFolder();
        var ex = Assert.Throws<MinutesException>(() => new ModelStore(temp.Path).ResolveWhisperModel(null));
        Assert.Equal($"no Whisper model in {temp.Path}; run `minutes models pull large-v3-turbo` or pass --model <path>.", ex.Message);
    }

    [SkippableFact]
    public void Names_present_in_the_folder_and_paths_resolve_to_files()
    {
        using var temp = new TempFolder();
        var store = new ModelStore(temp.Path);
        File.WriteAllBytes(temp.File("ggml-base-q5_1.bin"), WhisperLikeHeader.Bytes(extra: 100));
        var elsewhere = temp.File("my-model.bin");
        File.WriteAllBytes(elsewhere, WhisperLikeHeader.Bytes(extra: 100));

        Assert.Equal(temp.File("ggml-base-q5_1.bin"), store.ResolveWhisperModel("base-q5_1"));
        Assert.Equal(temp.File("ggml-base-q5_1.bin"), store.ResolveWhisperModel(null));
        Assert.Equal(elsewhere, store.ResolveWhisperModel(elsewhere));
    }

    [SkippableFact]
    public void A_silero_file_given_as_whisper_model_is_refused()
    {
        var ex = Assert.Throws<MinutesException>(() => new ModelStore("/tmp").ResolveWhisperModel(RepoPaths.SileroModel));
        Assert.Equal("'ggml-silero-v6.2.0.bin' is not a Whisper model (Silero VAD (silero-16k, v6.2.0)); pass a whisper.cpp ggml file.", ex.Message);
    }

    [SkippableTheory]
    [InlineData("no-such-model", "unknown Whisper model 'no-such-model'; `minutes models list` shows the names, or pass --model <path>.")]
    [InlineData("/nowhere/model.bin", "Whisper model file not found: /nowhere/model.bin")]
    public void Unknown_names_and_missing_paths_are_one_line(string given, string message)
    {
        using var temp = new TempFolder();
        Assert.Equal(message, Assert.Throws<MinutesException>(() => new ModelStore(temp.Path).ResolveWhisperModel(given)).Message);
    }
}
