using System.Runtime.InteropServices;

namespace Minutes.Vad;

/// <summary>
/// Silero's speech probability per 32 ms frame, read from whisper.cpp's VAD API in the native
/// library Whisper.net ships and has already loaded (<c>whisper_vad_detect_speech</c>,
/// <c>whisper_vad_n_probs</c>, <c>whisper_vad_probs</c>). Whisper.net 1.9 wraps only the segments
/// whisper.cpp derives from them (onset at the threshold, offset fixed at threshold − 0.15); with the
/// probabilities the project's own post-processing chooses both thresholds
/// (<see cref="SpeechRegionBuilder.FromProbabilities"/>). Null from <see cref="TryLoad"/> where the
/// library or its exports cannot be found; the detector then uses Whisper.net's segments.
/// </summary>
internal sealed class SileroProbabilities : IDisposable
{
    [StructLayout(LayoutKind.Sequential)]
    private struct ContextParams
    {
        public int Threads;
        public byte UseGpu;
        public int GpuDevice;
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr InitFromFile([MarshalAs(UnmanagedType.LPUTF8Str)] string path, ContextParams parameters);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    [return: MarshalAs(UnmanagedType.U1)]
    private delegate bool DetectSpeech(IntPtr context, float[] samples, int count);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int ProbabilityCount(IntPtr context);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr ProbabilityArray(IntPtr context);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void Free(IntPtr context);

    private readonly DetectSpeech _detect;
    private readonly ProbabilityCount _count;
    private readonly ProbabilityArray _probs;
    private readonly Free _free;
    private IntPtr _context;

    private SileroProbabilities(IntPtr library, string modelPath, int threads)
    {
        T Export<T>(string name) where T : Delegate => Marshal.GetDelegateForFunctionPointer<T>(NativeLibrary.GetExport(library, name));
        var init = Export<InitFromFile>("whisper_vad_init_from_file_with_params");
        _detect = Export<DetectSpeech>("whisper_vad_detect_speech");
        _count = Export<ProbabilityCount>("whisper_vad_n_probs");
        _probs = Export<ProbabilityArray>("whisper_vad_probs");
        _free = Export<Free>("whisper_vad_free");
        _context = init(modelPath, new ContextParams { Threads = threads });
        if (_context == IntPtr.Zero)
        {
            throw new InvalidOperationException("whisper_vad_init_from_file_with_params returned no context");
        }
    }

    /// <summary>Whether the native library and every export this class calls are there (decided once per process).</summary>
    public static bool Available() => Exports.Value;

    private static readonly string[] Names = ["whisper_vad_init_from_file_with_params", "whisper_vad_detect_speech", "whisper_vad_n_probs", "whisper_vad_probs", "whisper_vad_free"];

    private static readonly Lazy<bool> Exports = new(() => Library() is { } library && Names.All(n => NativeLibrary.TryGetExport(library, n, out _)));

    /// <summary>
    /// Opens the model through the native library, or null where the library or an export is not
    /// found. Throws where the library is there but the model does not load.
    /// </summary>
    public static SileroProbabilities? TryLoad(string modelPath, int threads)
    {
        if (!Available())
        {
            return null;
        }

        var library = Loaded.Value;

        return new SileroProbabilities(library, modelPath, threads);
    }

    /// <summary>The probability of speech per 512-sample frame of <paramref name="samples"/> (the model's state starts fresh).</summary>
    public float[] Score(float[] samples)
    {
        ObjectDisposedException.ThrowIf(_context == IntPtr.Zero, this);
        if (!_detect(_context, samples, samples.Length))
        {
            throw new InvalidOperationException("whisper_vad_detect_speech failed");
        }

        var result = new float[_count(_context)];
        Marshal.Copy(_probs(_context), result, 0, result.Length);
        return result;
    }

    public void Dispose()
    {
        if (_context != IntPtr.Zero)
        {
            _free(_context);
            _context = IntPtr.Zero;
        }
    }

    private static readonly Lazy<IntPtr> Loaded = new(Find);

    /// <summary>
    /// Loads the whisper library at <paramref name="path"/> after the ggml libraries beside it: on
    /// Linux and macOS the loader finds a library's dependencies only in its search path or among
    /// those already loaded, and this may run before Whisper.net has loaded them (the detector decides
    /// its parameters when it is made). Loading them by full path is what Whisper.net does too.
    /// </summary>
    private static bool LoadWithDependencies(string path, out IntPtr handle)
    {
        if (!OperatingSystem.IsWindows())
        {
            var folder = Path.GetDirectoryName(path)!;
            foreach (var prefix in new[] { "libggml-base", "libggml-cpu", "libggml-whisper", "libggml." })
            {
                foreach (var dependency in Directory.EnumerateFiles(folder, prefix + "*").Order(StringComparer.Ordinal))
                {
                    NativeLibrary.TryLoad(dependency, out _);
                }
            }
        }

        return NativeLibrary.TryLoad(path, out handle);
    }

    /// <summary>
    /// The whisper library Whisper.net loads: the same file in the same place (runtimes/RID/ under
    /// the application, else beside it), so the process holds it once.
    /// </summary>
    private static IntPtr? Library() => Loaded.Value == IntPtr.Zero ? null : Loaded.Value;

    private static IntPtr Find()
    {

        var name = OperatingSystem.IsWindows() ? "whisper.dll" : OperatingSystem.IsMacOS() ? "libwhisper.dylib" : "libwhisper.so";
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "macos" : "linux";
        var rid = os + "-" + RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        var baseDirectory = AppContext.BaseDirectory;
        var assemblyDirectory = Path.GetDirectoryName(typeof(Whisper.net.WhisperVadFactory).Assembly.Location) ?? baseDirectory;
        var handle = IntPtr.Zero;
        foreach (var candidate in new[]
        {
            Path.Combine(baseDirectory, "runtimes", rid, name),
            Path.Combine(assemblyDirectory, "runtimes", rid, name),
            Path.Combine(baseDirectory, name),
        })
        {
            if (File.Exists(candidate) && LoadWithDependencies(candidate, out handle))
            {
                break;
            }
        }

        return handle;
    }
}
