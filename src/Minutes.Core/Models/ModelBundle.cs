using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Models;

/// <summary>
/// Carries models to a machine without internet (a closed network such as LGWAN): <see cref="Export"/>
/// writes the chosen model files and a <c>manifest.json</c> with their sha256 into one zip on a
/// connected machine; <see cref="Import"/> checks the whole bundle (entry names, sizes, every digest,
/// the ggml header) before it places anything, so a bad bundle is refused in one line and leaves the
/// models folder as it was.
/// </summary>
public static partial class ModelBundle
{
    private const int CopyBuffer = 1 << 20;

    /// <summary>
    /// Writes <paramref name="output"/> (through a temporary file) with the models that
    /// <paramref name="names"/> name: catalog names present in the store, or paths of model files.
    /// </summary>
    public static ModelBundleManifest Export(ModelStore store, IReadOnlyList<string> names, string output)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentException.ThrowIfNullOrWhiteSpace(output);
        if (names.Count == 0)
        {
            throw new MinutesException(Messages.Get("ExportNeedsModel"), ExitCodes.Usage);
        }

        var files = names.Select(name => Locate(store, name)).ToList();
        var duplicate = files.GroupBy(f => f.File, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new MinutesException(Messages.Get("ExportDuplicateName", duplicate.Key), ExitCodes.Usage);
        }

        var entries = new List<ModelBundleEntry>();
        AtomicFile.Write(output, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var (name, file, path) in files)
            {
                // Model weights barely compress, and deflating gigabytes would cost minutes: stored as they are.
                var entry = zip.CreateEntry(file, CompressionLevel.NoCompression);
                entry.LastWriteTime = File.GetLastWriteTimeUtc(path);
                long bytes;
                string sha256;
                using (var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBuffer))
                using (var target = entry.Open())
                {
                    (bytes, sha256) = CopyHashing(source, target, long.MaxValue);
                }

                CheckRecordedDigest(path, sha256);
                entries.Add(new ModelBundleEntry(name, file, sha256, bytes));
            }

            var manifest = zip.CreateEntry(ModelBundleManifest.FileName, CompressionLevel.Optimal);
            using var writer = new StreamWriter(manifest.Open());
            writer.Write(MinutesJson.Serialize(new ModelBundleManifest(ModelBundleManifest.CurrentFormat, entries), MinutesJson.Context.ModelBundleManifest));
        });
        return new ModelBundleManifest(ModelBundleManifest.CurrentFormat, entries);
    }

    /// <summary>
    /// Verifies every file of the bundle against its manifest, then moves the files into the store.
    /// A file already there with the same digest is left as it is; one with other content refuses the
    /// bundle (nothing is overwritten).
    /// </summary>
    public static IReadOnlyList<ImportedModel> Import(string bundle, ModelStore store)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bundle);
        ArgumentNullException.ThrowIfNull(store);
        var label = Path.GetFileName(bundle);
        if (!File.Exists(bundle))
        {
            throw new MinutesException(Messages.Get("BundleNotFound", bundle));
        }

        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(bundle);
        }
        catch (InvalidDataException)
        {
            throw Refused(label, Messages.Get("BundleNotZip"));
        }

        using (zip)
        {
            var manifest = ReadManifest(zip, label);
            var entries = Check(zip, manifest, label);
            var placed = new List<ImportedModel>();
            var pending = new List<(ModelBundleEntry Model, ZipArchiveEntry Entry, string Target)>();
            foreach (var (model, entry) in entries)
            {
                var target = Path.Combine(store.Folder, model.File);
                if (!File.Exists(target))
                {
                    pending.Add((model, entry, target));
                }
                else if (string.Equals(Hashing.Sha256OfFile(target), model.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    placed.Add(new ImportedModel(model, target, AlreadyPresent: true));
                }
                else
                {
                    throw Refused(label, Messages.Get("BundleFileClash", model.File, store.Folder));
                }
            }

            if (pending.Count > 0)
            {
                placed.AddRange(Place(pending, store, label));
            }

            return [.. placed.OrderBy(p => entries.FindIndex(e => e.Model == p.Entry))];
        }
    }

    /// <summary>Extracts into a staging folder inside the store, verifies everything, then renames each file into place.</summary>
    private static List<ImportedModel> Place(List<(ModelBundleEntry Model, ZipArchiveEntry Entry, string Target)> pending, ModelStore store, string label)
    {
        var staging = Path.Combine(store.Folder, $".import-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MinutesException(Messages.Get("ModelsFolderNotWritable", store.Folder, ex.Message), ex);
        }

        try
        {
            var staged = new List<(ModelBundleEntry Model, string Temp, string Target)>();
            foreach (var (model, entry, target) in pending)
            {
                var temp = Path.Combine(staging, model.File);
                long bytes;
                string sha256;
                try
                {
                    using var source = entry.Open();
                    using var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBuffer);
                    (bytes, sha256) = CopyHashing(source, output, model.Bytes + 1);
                    output.Flush(flushToDisk: true);
                }
                catch (InvalidDataException ex)
                {
                    throw Refused(label, Messages.Get("BundleEntryUnreadable", model.File, ex.Message.ReplaceLineEndings(" ").TrimEnd('.')));
                }

                if (bytes != model.Bytes)
                {
                    throw Refused(label, Messages.Get("BundleSizeMismatch", model.File, bytes, model.Bytes), ExitCodes.VerificationFailed);
                }

                if (!string.Equals(sha256, model.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    throw Refused(label, Messages.Get("BundleDigestMismatch", model.File, sha256, model.Sha256), ExitCodes.VerificationFailed);
                }

                // A speaker model is ONNX, checked as a pull checks it (it loads and gives an embedding); the others are ggml.
                if (model.File.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
                {
                    try
                    {
                        Speakers.OnnxSpeakerEmbedder.Open(temp).Dispose();
                    }
                    catch (MinutesException ex)
                    {
                        throw Refused(label, Messages.Get("BundleNotModel", model.File, ex.Message));
                    }
                }
                else if (GgmlModelHeader.Inspect(temp) is { Kind: GgmlModelKind.NotGgml } header)
                {
                    throw Refused(label, Messages.Get("BundleNotModel", model.File, header.Description));
                }

                staged.Add((model, temp, target));
            }

            var placed = new List<ImportedModel>();
            foreach (var (model, temp, target) in staged)
            {
                try
                {
                    File.Move(temp, target, overwrite: false);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    var why = ex.Message.ReplaceLineEndings(" ").TrimEnd('.');
                    throw new MinutesException(
                        placed.Count == 0
                            ? Messages.Get("BundlePlaceFailedNone", model.File, store.Folder, why)
                            : Messages.Get("BundlePlaceFailed", model.File, store.Folder, why, string.Join(", ", placed.Select(p => p.Entry.File))),
                        ex);
                }

                AtomicFile.WriteAllText(target + ".sha256", $"{model.Sha256.ToLowerInvariant()}  {model.File}\n");
                placed.Add(new ImportedModel(model, target, AlreadyPresent: false));
            }

            return placed;
        }
        finally
        {
            try
            {
                Directory.Delete(staging, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A staging folder that cannot be removed holds only unverified copies; the models are placed or not.
            }
        }
    }

    private static ModelBundleManifest ReadManifest(ZipArchive zip, string label)
    {
        var entry = zip.GetEntry(ModelBundleManifest.FileName) ?? throw Refused(label, Messages.Get("BundleNoManifest", ModelBundleManifest.FileName));
        ModelBundleManifest? manifest;
        try
        {
            using var reader = new StreamReader(entry.Open());
            manifest = JsonSerializer.Deserialize(reader.ReadToEnd(), MinutesJson.Context.ModelBundleManifest);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or NotSupportedException)
        {
            throw Refused(label, Messages.Get("BundleManifestUnreadable", ModelBundleManifest.FileName, ex.Message.ReplaceLineEndings(" ").TrimEnd('.')));
        }

        if (manifest is null || manifest.Format != ModelBundleManifest.CurrentFormat || manifest.Models is null)
        {
            throw Refused(label, Messages.Get("BundleManifestFormat", ModelBundleManifest.FileName, ModelBundleManifest.CurrentFormat));
        }

        return manifest;
    }

    /// <summary>Every name plain, every model listed once with a digest and present with its size, nothing extra.</summary>
    private static List<(ModelBundleEntry Model, ZipArchiveEntry Entry)> Check(ZipArchive zip, ModelBundleManifest manifest, string label)
    {
        foreach (var entry in zip.Entries)
        {
            if (!IsPlainFileName(entry.FullName))
            {
                throw Refused(label, Messages.Get("BundleEntryName", entry.FullName));
            }
        }

        if (manifest.Models.Count == 0)
        {
            throw Refused(label, Messages.Get("BundleNoModels"));
        }

        var checkedEntries = new List<(ModelBundleEntry, ZipArchiveEntry)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var model in manifest.Models)
        {
            if (model is null || model.File is null || !IsPlainFileName(model.File) || model.File == ModelBundleManifest.FileName)
            {
                throw Refused(label, Messages.Get("BundleManifestFileName", model?.File));
            }

            if (!seen.Add(model.File))
            {
                throw Refused(label, Messages.Get("BundleManifestTwice", model.File));
            }

            if (model.Sha256 is null || !Sha256Hex().IsMatch(model.Sha256) || model.Bytes < 0)
            {
                throw Refused(label, Messages.Get("BundleManifestNoDigest", model.File));
            }

            var entry = zip.GetEntry(model.File) ?? throw Refused(label, Messages.Get("BundleMissingEntry", model.File));
            if (entry.Length != model.Bytes)
            {
                throw Refused(label, Messages.Get("BundleSizeMismatch", model.File, entry.Length, model.Bytes), ExitCodes.VerificationFailed);
            }

            checkedEntries.Add((model with { Name = string.IsNullOrWhiteSpace(model.Name) ? model.File : model.Name }, entry));
        }

        var extra = zip.Entries.FirstOrDefault(e => e.FullName != ModelBundleManifest.FileName && !seen.Contains(e.FullName));
        return extra is null ? checkedEntries : throw Refused(label, Messages.Get("BundleExtraEntry", extra.FullName));
    }

    /// <summary>A name with no folder part, no parent reference and no characters Windows refuses.</summary>
    private static bool IsPlainFileName(string name) =>
        name.Length is > 0 and <= 255
        && name.IndexOfAny(['/', '\\', ':']) < 0
        && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0
        && name is not "." and not ".."
        && !name.StartsWith('.');

    private static (string Name, string File, string Path) Locate(ModelStore store, string name)
    {
        var source = ModelCatalog.Find(name);
        if (source is not null)
        {
            return store.IsPresent(source)
                ? (source.Name, source.FileName, store.PathOf(source))
                : throw new MinutesException(Messages.Get("ModelNotPulled", source.Name, store.Folder, source.Name));
        }

        var path = File.Exists(name) ? Path.GetFullPath(name) : Path.Combine(store.Folder, name);
        if (!File.Exists(path))
        {
            throw new MinutesException(Messages.Get("UnknownModelForExport", name, store.Folder));
        }

        var header = GgmlModelHeader.Inspect(path);
        if (header.Kind is GgmlModelKind.NotGgml)
        {
            throw new MinutesException(Messages.Get("NotAModelForBundle", Path.GetFileName(path), header.Description));
        }

        var file = Path.GetFileName(path);
        var known = ModelCatalog.All.FirstOrDefault(m => m.FileName == file);
        return (known?.Name ?? file, file, path);
    }

    /// <summary>A file pulled earlier has its sha256 beside it; a file that no longer matches it is damaged and is not carried on.</summary>
    private static void CheckRecordedDigest(string path, string sha256)
    {
        var sidecar = path + ".sha256";
        if (!File.Exists(sidecar))
        {
            return;
        }

        var recorded = File.ReadAllText(sidecar).Split(' ', 2)[0].Trim();
        if (Sha256Hex().IsMatch(recorded) && !string.Equals(recorded, sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new MinutesException(
                Messages.Get("ModelDigestChanged", Path.GetFileName(path), recorded, sha256),
                ExitCodes.VerificationFailed);
        }
    }

    /// <summary>Copies at most <paramref name="limit"/> bytes, hashing them on the way.</summary>
    private static (long Bytes, string Sha256) CopyHashing(Stream source, Stream target, long limit)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[CopyBuffer];
        long total = 0;
        int read;
        while (total < limit && (read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, limit - total))) > 0)
        {
            hash.AppendData(buffer, 0, read);
            target.Write(buffer, 0, read);
            total += read;
        }

        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static MinutesException Refused(string bundle, string reason, int exitCode = ExitCodes.Failure) =>
        new(Messages.Get("BundleRefused", bundle, reason), exitCode);

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Hex();
}
