using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Text.Json.Serialization;
using Minutes.Models;
using Minutes.Text;
using Whisper.net;
using Whisper.net.LibraryLoader;

namespace Minutes.Diagnostics;

/// <summary>How a check of <c>minutes doctor</c> came out.</summary>
public enum CheckStatus
{
    Ok,

    /// <summary>Works, but something is missing that the user may want (a model, ffmpeg, an LLM endpoint).</summary>
    Warn,

    /// <summary>Broken: transcription cannot run until it is fixed.</summary>
    Fail,
}

/// <summary>
/// One line of the doctor's report: <see cref="Name"/> is the check's code, <see cref="Said"/> the
/// detail, printed in the user's language; <c>doctor --json</c> gives it in English (<see cref="Detail"/>).
/// </summary>
public sealed record DoctorCheck(string Name, CheckStatus Status, [property: JsonIgnore] Message Said)
{
    public string Detail => Said.English;

    /// <summary>For a <c>whisper speed</c> line: the measured real-time factor (processing seconds per audio second).</summary>
    public double? Rtf { get; init; }

    /// <summary>For a <c>whisper speed</c> line: the estimated processing seconds for a one-hour meeting.</summary>
    public double? OneHourSeconds { get; init; }
}

/// <summary>
/// What <c>minutes doctor</c> reports: the native Whisper runtime and CPU features, the machine,
/// the models found, ffmpeg, and whether an LLM endpoint is configured. Secrets are never read
/// beyond their presence.
/// </summary>
public static class DoctorReport
{
    public static IReadOnlyList<DoctorCheck> Collect(ModelStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        // The LLM settings are resolved once: the llm line and the Ollama check read the same.
        var llm = Llm(out var settings);
        return
        [
            Runtime(),
            new("cpu", CheckStatus.Ok, Messages.Of("DoctorCpu", Environment.ProcessorCount, CpuFeatures())),
            new("os", CheckStatus.Ok, Messages.Verbatim($"{RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}), .NET {Environment.Version}")),
            new("memory", CheckStatus.Ok, Messages.Of("DoctorMemory", (GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024)).ToString("0.0", CultureInfo.InvariantCulture))),
            Directory.Exists(store.Folder)
                ? new("models folder", CheckStatus.Ok, Messages.Verbatim(store.Folder))
                : new("models folder", CheckStatus.Warn, Messages.Of("DoctorFolderMissing", store.Folder)),
            .. WhisperModels(store),
            .. WhisperSpeeds(store),
            VadModel(store),
            SpeakerModel(),
            Ffmpeg(),
            llm,
            .. Ollama(settings),
        ];
    }

    /// <summary>The check's name as the text form prints it, in the user's language.</summary>
    public static string Label(string name) => name switch
    {
        "whisper runtime" => Messages.Get("DoctorNameRuntime"),
        "cpu" => Messages.Get("DoctorNameCpu"),
        "os" => Messages.Get("DoctorNameOs"),
        "memory" => Messages.Get("DoctorNameMemory"),
        "models folder" => Messages.Get("DoctorNameModelsFolder"),
        "whisper model" => Messages.Get("DoctorNameWhisperModel"),
        "vad model" => Messages.Get("DoctorNameVadModel"),
        "speaker model" => Messages.Get("DoctorNameSpeakerModel"),
        "llm" => Messages.Get("DoctorNameLlm"),
        "whisper speed" => Messages.Get("DoctorNameWhisperSpeed"),
        _ => name,
    };

    /// <summary>The speaker embedder a run would use: the built-in one, or MINUTES_SPEAKER_MODEL loaded and checked.</summary>
    private static DoctorCheck SpeakerModel()
    {
        var path = Speakers.SpeakerEmbedders.ModelPath(null);
        if (path is null)
        {
            return new("speaker model", CheckStatus.Ok, Messages.Of("DoctorSpeakerBuiltIn", Speakers.MfccSpeakerEmbedder.MethodName, Speakers.SpeakerEmbedders.EnvironmentVariable));
        }

        try
        {
            using var embedder = Speakers.SpeakerEmbedders.Open(path);
            return new("speaker model", CheckStatus.Ok, Messages.Of("DoctorNamed", embedder.Method, path));
        }
        catch (Runs.MinutesException ex)
        {
            return new("speaker model", CheckStatus.Fail, ex.Said ?? Messages.Verbatim(ex.Message));
        }
    }

    private static DoctorCheck Runtime()
    {
        try
        {
            var info = WhisperFactory.GetRuntimeInfo();
            var library = RuntimeOptions.LoadedLibrary?.ToString() is { } loaded ? Messages.Verbatim(loaded) : Messages.Of("DoctorUnknown");
            return new("whisper runtime", CheckStatus.Ok, Messages.Joined([library, ": ", info?.ReplaceLineEndings(" ").Trim()]));
        }
        catch (Exception ex)
        {
            return new("whisper runtime", CheckStatus.Fail, Messages.Of("DoctorRuntimeFails", ex.Message.ReplaceLineEndings(" ")));
        }
    }

    private static object CpuFeatures()
    {
        var features = new List<string>();
        if (Avx.IsSupported)
        {
            features.Add("AVX");
        }

        if (Avx2.IsSupported)
        {
            features.Add("AVX2");
        }

        if (Fma.IsSupported)
        {
            features.Add("FMA");
        }

        if (Avx512F.IsSupported)
        {
            features.Add("AVX512F");
        }

        if (System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported)
        {
            features.Add("NEON");
        }

        return features.Count > 0 ? string.Join(' ', features) : Messages.Of("DoctorNoSimd");
    }

    private static IEnumerable<DoctorCheck> WhisperModels(ModelStore store)
    {
        var found = store.Installed().Where(m => m.Kind is not (ModelKind.Vad or ModelKind.Speaker)).ToList();
        if (found.Count == 0)
        {
            yield return new("whisper model", CheckStatus.Warn, Messages.Of("DoctorNoWhisperModel", store.Folder, ModelCatalog.DefaultWhisper));
            yield break;
        }

        foreach (var model in found)
        {
            var header = GgmlModelHeader.Inspect(model.Path);
            yield return header.Kind == GgmlModelKind.Whisper
                ? new("whisper model", CheckStatus.Ok, Messages.Of("DoctorWhisperModel", model.Name, Sizes.Format(model.Bytes), header.Description))
                : new("whisper model", CheckStatus.Fail, Messages.Of("DoctorBadModel", Path.GetFileName(model.Path), header.Description));
        }
    }

    /// <summary>
    /// For each installed Whisper model, what a one-hour meeting takes with it on this machine, from
    /// its measurement under the default settings (else its latest on this CPU), or how to measure it.
    /// </summary>
    private static IEnumerable<DoctorCheck> WhisperSpeeds(ModelStore store)
    {
        var speeds = ModelSpeeds.Load(store);
        var defaults = SpeedConditions.For(new Transcription.WhisperOptions());
        foreach (var model in store.Installed().Where(m => m.Kind == ModelKind.Whisper && GgmlModelHeader.Inspect(m.Path).Kind == GgmlModelKind.Whisper))
        {
            var speed = speeds.Best(Runs.FileDigestMemo.Sha256OfFile(model.Path), defaults);
            yield return speed is null
                ? new("whisper speed", CheckStatus.Warn, Messages.Of("DoctorSpeedNotMeasured", model.Name))
                : new("whisper speed", CheckStatus.Ok, Messages.Of("DoctorSpeed", model.Name, SpeedText.Estimate(speed, 3600), SpeedText.Measured(speed)))
                {
                    Rtf = speed.Rtf,
                    OneHourSeconds = Math.Round(speed.Estimate(3600), 1),
                };
        }
    }

    private static DoctorCheck VadModel(ModelStore store)
    {
        if (store.FindVadModel() is not { } path)
        {
            return new("vad model", CheckStatus.Warn, Messages.Of("DoctorNoVadModel", ModelCatalog.DefaultVad));
        }

        var header = GgmlModelHeader.Inspect(path);
        return header.Kind == GgmlModelKind.SileroVad
            ? new("vad model", CheckStatus.Ok, Messages.Of("DoctorVadModel", Path.GetFileName(path), header.Description))
            : new("vad model", CheckStatus.Fail, Messages.Of("DoctorBadModel", Path.GetFileName(path), header.Description));
    }

    private static DoctorCheck Ffmpeg()
    {
        var name = OperatingSystem.IsWindows() ? "ffmpeg.exe" : "ffmpeg";
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
        return found is not null
            ? new("ffmpeg", CheckStatus.Ok, Messages.Verbatim(found))
            : new("ffmpeg", CheckStatus.Warn, Messages.Of(OperatingSystem.IsWindows() ? "DoctorNoFfmpegWindows" : "DoctorNoFfmpeg"));
    }

    /// <summary>A warning when the configured endpoint looks like Ollama (<see cref="OllamaCheck"/>); nothing otherwise.</summary>
    /// <remarks>Nothing either without settings: the llm line already says what is wrong with the configuration.</remarks>
    private static IEnumerable<DoctorCheck> Ollama(Drafting.LlmSettings? settings)
    {
        if (settings is not null && OllamaCheck.Check(settings) is { } warning)
        {
            yield return warning;
        }
    }

    /// <summary>
    /// The LLM as a draft would resolve it (options aside): provider, the endpoint's scheme, host and
    /// port only (a URL may carry credentials), the model, and where the key comes from — never the key.
    /// </summary>
    private static DoctorCheck Llm(out Drafting.LlmSettings? resolved)
    {
        resolved = null;
        try
        {
            var config = Configuration.MinutesConfig.Load();
            object files = config.Sources.Count == 0 ? string.Empty : Messages.Of("DoctorConfigFiles", string.Join(", ", config.Sources));
            if (Drafting.LlmSettings.Resolve(new Drafting.LlmOptions(), config) is not { } settings)
            {
                return new("llm", CheckStatus.Warn, Messages.Of("DoctorNoLlm", files));
            }

            resolved = settings;

            var uri = settings.Endpoint;
            var key = settings.ApiKeySource is { } source ? Messages.Of("DoctorKeyFrom", source) : Messages.Of("DoctorNoKey");
            return new("llm", CheckStatus.Ok, Messages.Of("DoctorLlm", settings.Provider, $"{uri.Scheme}://{uri.Host}:{uri.Port}", settings.Model, key, files));
        }
        catch (Runs.MinutesException ex)
        {
            return new("llm", CheckStatus.Warn, ex.Said ?? Messages.Verbatim(ex.Message));
        }
    }
}
