using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Models;

/// <summary>
/// The folder models live in: <c>MINUTES_MODELS</c> when set, else the per-user data folder
/// (<c>~/.local/share/minutes/models</c> on Linux, <c>%LOCALAPPDATA%\minutes\models</c> on Windows).
/// Resolves what <c>--model</c> and <c>--vad-model</c> name to a file, or says in one line how to get it.
/// </summary>
public sealed class ModelStore
{
    public const string EnvironmentVariable = "MINUTES_MODELS";

    public ModelStore(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = System.IO.Path.GetFullPath(folder);
    }

    public string Folder { get; }

    /// <summary>The store the environment names: <c>MINUTES_MODELS</c>, else the per-user folder.</summary>
    public static ModelStore FromEnvironment()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return new ModelStore(string.IsNullOrWhiteSpace(configured) ? UserFolder : configured);
    }

    public static string UserFolder =>
        System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "minutes", "models");

    public string PathOf(ModelSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return System.IO.Path.Combine(Folder, source.FileName);
    }

    public bool IsPresent(ModelSource source) => File.Exists(PathOf(source));

    /// <summary>
    /// The Whisper model <c>--model</c> names: a catalog name (<c>small</c>, <c>large-v3-turbo-q5_0</c>),
    /// a URL pulled earlier, or a path. Without a name, the default model, else any catalog model present.
    /// </summary>
    public string ResolveWhisperModel(string? nameOrPath)
    {
        if (string.IsNullOrWhiteSpace(nameOrPath))
        {
            var present = ModelCatalog.All
                .Where(m => m.Kind == ModelKind.Whisper && IsPresent(m))
                .OrderBy(m => m.Name == ModelCatalog.DefaultWhisper ? 0 : 1)
                .FirstOrDefault();
            return present is not null
                ? CheckWhisper(PathOf(present))
                : throw new MinutesException(Messages.Get("NoWhisperModel", Folder, ModelCatalog.DefaultWhisper));
        }

        var isUrl = nameOrPath.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || nameOrPath.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        var source = isUrl ? ModelCatalog.Resolve(nameOrPath) : ModelCatalog.Find(nameOrPath);
        if (source is not null)
        {
            return IsPresent(source)
                ? CheckWhisper(PathOf(source))
                : throw new MinutesException(Messages.Get("WhisperModelNotInStore", nameOrPath, Folder, nameOrPath));
        }

        if (File.Exists(nameOrPath))
        {
            return CheckWhisper(System.IO.Path.GetFullPath(nameOrPath));
        }

        var inFolder = System.IO.Path.Combine(Folder, $"ggml-{nameOrPath}.bin");
        if (File.Exists(inFolder))
        {
            return CheckWhisper(inFolder);
        }

        var looksLikePath = nameOrPath.Contains('/', StringComparison.Ordinal) || nameOrPath.Contains('\\', StringComparison.Ordinal)
            || nameOrPath.EndsWith(".bin", StringComparison.OrdinalIgnoreCase);
        throw new MinutesException(looksLikePath
            ? Messages.Get("WhisperModelFileNotFound", nameOrPath)
            : Messages.Get("UnknownWhisperModel", nameOrPath));
    }

    /// <summary>The Silero VAD model in the folder: the catalog's, else the newest ggml-silero-*.bin; null when none.</summary>
    public string? FindVadModel()
    {
        var known = ModelCatalog.Find(ModelCatalog.DefaultVad)!;
        if (IsPresent(known))
        {
            return PathOf(known);
        }

        return Directory.Exists(Folder)
            ? Directory.EnumerateFiles(Folder, "ggml-silero-*.bin").Order(StringComparer.Ordinal).LastOrDefault()
            : null;
    }

    /// <summary>Every model file in the folder, matched to the catalog where it can be.</summary>
    public IReadOnlyList<InstalledModel> Installed()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(Folder)
            .Where(path => path.EndsWith(".bin", StringComparison.Ordinal) || path.EndsWith(".onnx", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path =>
            {
                var file = System.IO.Path.GetFileName(path);
                var source = ModelCatalog.All.FirstOrDefault(m => m.FileName == file);
                var kind = source?.Kind ?? (path.EndsWith(".onnx", StringComparison.Ordinal) ? (ModelKind?)ModelKind.Speaker : null) ?? GgmlModelHeader.Inspect(path).Kind switch
                {
                    GgmlModelKind.Whisper => ModelKind.Whisper,
                    GgmlModelKind.SileroVad => ModelKind.Vad,
                    _ => (ModelKind?)null,
                };
                return new InstalledModel(source?.Name ?? file, kind, path, FileLength.Of(path), source);
            })
            .ToList();
    }

    /// <summary>Fails with one line unless the file's header is that of a Whisper ggml model.</summary>
    public static string CheckWhisper(string path)
    {
        var header = GgmlModelHeader.Inspect(path);
        return header.Kind == GgmlModelKind.Whisper
            ? path
            : throw new MinutesException(Messages.Get("NotAWhisperModelPass", System.IO.Path.GetFileName(path), header.Description));
    }
}
