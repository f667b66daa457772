using System.IO.Compression;
using System.Security.Cryptography;
using Minutes.Json;
using Minutes.Models;
using Minutes.Runs;
using Minutes.Tests.Support;
using Minutes.Tests.Vad;

namespace Minutes.Tests.Models;

public sealed class ModelBundleTests
{
    private static readonly byte[] Whisper = WhisperLikeHeader.Bytes(extra: 20_000);

    [SkippableFact]
    public void Export_then_import_carries_the_models_with_their_digests_into_another_store()
    {
        using var temp = new TempFolder();
        var connected = Store(temp, "connected");
        File.Copy(RepoPaths.SileroModel, Path.Combine(connected.Folder, "ggml-silero-v6.2.0.bin"));
        var custom = Path.Combine(connected.Folder, "ggml-custom.bin");
        File.WriteAllBytes(custom, Whisper);
        var bundle = temp.File("bundle.zip");

        var manifest = ModelBundle.Export(connected, ["silero-v6.2.0", custom], bundle);
        var closed = new ModelStore(temp.File("closed"));
        var imported = ModelBundle.Import(bundle, closed);
        var again = ModelBundle.Import(bundle, closed);

        Assert.Equal(
            [("silero-v6.2.0", "ggml-silero-v6.2.0.bin", "2aa269b785eeb53a82983a20501ddf7c1d9c48e33ab63a41391ac6c9f7fb6987", 885_098L), ("ggml-custom.bin", "ggml-custom.bin", Sha256(Whisper), Whisper.LongLength)],
            manifest.Models.Select(m => (m.Name, m.File, m.Sha256, m.Bytes)));
        Assert.Equal([false, false], imported.Select(m => m.AlreadyPresent));
        Assert.Equal([true, true], again.Select(m => m.AlreadyPresent));
        Assert.Equal(File.ReadAllBytes(RepoPaths.SileroModel), File.ReadAllBytes(Path.Combine(closed.Folder, "ggml-silero-v6.2.0.bin")));
        Assert.Equal(Whisper, File.ReadAllBytes(Path.Combine(closed.Folder, "ggml-custom.bin")));
        Assert.Equal($"{Sha256(Whisper)}  ggml-custom.bin\n", File.ReadAllText(Path.Combine(closed.Folder, "ggml-custom.bin.sha256")));
        Assert.Equal(["ggml-custom.bin", "ggml-custom.bin.sha256", "ggml-silero-v6.2.0.bin", "ggml-silero-v6.2.0.bin.sha256"], Listing(closed));
        Assert.Equal(Path.Combine(closed.Folder, "ggml-silero-v6.2.0.bin"), closed.FindVadModel());
    }

    public static TheoryData<string, string> BadBundles => new()
    {
        { "wrong digest", "bundle.zip refused: the sha256 of ggml-a.bin is " },
        { "missing file", "bundle.zip refused: ggml-b.bin is in the manifest but not in the zip; nothing was imported." },
        { "path traversal", "bundle.zip refused: the entry '../ggml-a.bin' is not a plain file name; nothing was imported." },
        { "manifest path", "bundle.zip refused: the manifest names the file 'sub/ggml-a.bin', which is not a plain file name; nothing was imported." },
        { "size lies", "bundle.zip refused: ggml-a.bin has " },
        { "extra file", "bundle.zip refused: notes.txt is in the zip but not in the manifest; nothing was imported." },
        { "no manifest", "bundle.zip refused: it has no manifest.json (not a bundle from `minutes models export`); nothing was imported." },
        { "not a model", "bundle.zip refused: ggml-a.bin is not a ggml model file; nothing was imported." },
        { "not a zip", "bundle.zip refused: it is not a zip file; nothing was imported." },
    };

    [SkippableTheory]
    [MemberData(nameof(BadBundles))]
    public void A_bad_bundle_is_refused_in_one_line_and_nothing_is_placed(string flaw, string message)
    {
        using var temp = new TempFolder();
        var bundle = temp.File("bundle.zip");
        WriteBad(bundle, flaw);
        var store = new ModelStore(temp.File("models"));
        Directory.CreateDirectory(store.Folder);

        var error = Assert.Throws<MinutesException>(() => ModelBundle.Import(bundle, store));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.EndsWith("; nothing was imported.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(flaw is "wrong digest" or "size lies" ? ExitCodes.VerificationFailed : ExitCodes.Failure, error.ExitCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(store.Folder));
    }

    [SkippableFact]
    public void Import_never_overwrites_a_different_model_of_the_same_name()
    {
        using var temp = new TempFolder();
        var bundle = temp.File("bundle.zip");
        var other = WhisperLikeHeader.Bytes(extra: 10);
        WriteBundle(bundle, [("ggml-a.bin", Whisper), ("ggml-b.bin", Whisper)], [Entry("ggml-a.bin", Whisper), Entry("ggml-b.bin", Whisper)]);
        var store = new ModelStore(temp.File("models"));
        Directory.CreateDirectory(store.Folder);
        File.WriteAllBytes(Path.Combine(store.Folder, "ggml-b.bin"), other);

        var error = Assert.Throws<MinutesException>(() => ModelBundle.Import(bundle, store));

        Assert.Equal($"bundle.zip refused: ggml-b.bin is already in {store.Folder} with other content; move it away first; nothing was imported.", error.Message);
        Assert.Equal(["ggml-b.bin"], Listing(store));
        Assert.Equal(other, File.ReadAllBytes(Path.Combine(store.Folder, "ggml-b.bin")));
    }

    [SkippableFact]
    public void Export_refuses_a_model_the_store_does_not_have_and_a_file_that_is_not_a_model()
    {
        using var temp = new TempFolder();
        var store = Store(temp, "models");
        var text = temp.File("notes.bin");
        File.WriteAllText(text, "<html>not a model</html>");

        var absent = Assert.Throws<MinutesException>(() => ModelBundle.Export(store, ["small"], temp.File("a.zip")));
        var unknown = Assert.Throws<MinutesException>(() => ModelBundle.Export(store, ["no-such-model"], temp.File("b.zip")));
        var notModel = Assert.Throws<MinutesException>(() => ModelBundle.Export(store, [text], temp.File("c.zip")));

        Assert.Equal($"model 'small' is not in {store.Folder}; pull it first (`minutes models pull small`).", absent.Message);
        Assert.Equal($"unknown model 'no-such-model': not a catalog name, a file, nor a file in {store.Folder}.", unknown.Message);
        Assert.Equal("'notes.bin' is not a ggml model file; only model files go into a bundle.", notModel.Message);
        Assert.Equal(["notes.bin"], Directory.EnumerateFileSystemEntries(temp.Path).Where(File.Exists).Select(Path.GetFileName));
    }

    [SkippableFact]
    public void Export_refuses_a_pulled_model_that_no_longer_matches_its_recorded_digest()
    {
        using var temp = new TempFolder();
        var store = Store(temp, "models");
        var model = Path.Combine(store.Folder, "ggml-tiny.bin");
        File.WriteAllBytes(model, Whisper);
        File.WriteAllText(model + ".sha256", $"{new string('0', 64)}  ggml-tiny.bin\n");

        var error = Assert.Throws<MinutesException>(() => ModelBundle.Export(store, ["tiny"], temp.File("bundle.zip")));

        Assert.StartsWith("ggml-tiny.bin no longer matches the sha256 recorded when it was pulled", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("bundle.zip")));
        Assert.Empty(Directory.EnumerateFiles(temp.Path));
    }

    internal static void WriteBad(string bundle, string flaw)
    {
        var b = WhisperLikeHeader.Bytes(extra: 300);
        switch (flaw)
        {
            case "wrong digest":
                WriteBundle(bundle, [("ggml-a.bin", Whisper), ("ggml-b.bin", b)], [Entry("ggml-a.bin", Whisper) with { Sha256 = Sha256(b) }, Entry("ggml-b.bin", b)]);
                break;
            case "missing file":
                WriteBundle(bundle, [("ggml-a.bin", Whisper)], [Entry("ggml-a.bin", Whisper), Entry("ggml-b.bin", b)]);
                break;
            case "path traversal":
                WriteBundle(bundle, [("../ggml-a.bin", Whisper)], [Entry("../ggml-a.bin", Whisper)]);
                break;
            case "manifest path":
                WriteBundle(bundle, [("ggml-a.bin", Whisper)], [Entry("sub/ggml-a.bin", Whisper)]);
                break;
            case "size lies":
                WriteBundle(bundle, [("ggml-a.bin", Whisper)], [Entry("ggml-a.bin", Whisper) with { Bytes = 12 }]);
                break;
            case "extra file":
                WriteBundle(bundle, [("ggml-a.bin", Whisper), ("notes.txt", "x"u8.ToArray())], [Entry("ggml-a.bin", Whisper)]);
                break;
            case "no manifest":
                WriteBundle(bundle, [("ggml-a.bin", Whisper)], null);
                break;
            case "not a model":
                var html = "<html>not found</html>"u8.ToArray();
                WriteBundle(bundle, [("ggml-a.bin", html)], [Entry("ggml-a.bin", html)]);
                break;
            case "not a zip":
                File.WriteAllBytes(bundle, Whisper);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(flaw), flaw, null);
        }
    }

    private static void WriteBundle(string path, (string Name, byte[] Bytes)[] files, ModelBundleEntry[]? manifest)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, bytes) in files)
        {
            using var stream = zip.CreateEntry(name).Open();
            stream.Write(bytes);
        }

        if (manifest is not null)
        {
            using var writer = new StreamWriter(zip.CreateEntry(ModelBundleManifest.FileName).Open());
            writer.Write(MinutesJson.Serialize(new ModelBundleManifest(ModelBundleManifest.CurrentFormat, manifest), MinutesJson.Context.ModelBundleManifest));
        }
    }

    private static ModelBundleEntry Entry(string file, byte[] bytes) => new(file, file, Sha256(bytes), bytes.LongLength);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static ModelStore Store(TempFolder temp, string name)
    {
        var store = new ModelStore(temp.File(name));
        Directory.CreateDirectory(store.Folder);
        return store;
    }

    private static List<string> Listing(ModelStore store) =>
        [.. Directory.EnumerateFileSystemEntries(store.Folder).Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal)];
}
