using Minutes.Audio;
using Minutes.Models;
using Minutes.Runs;
using Whisper.net;
using Minutes.Text;

namespace Minutes.Vad;

/// <summary>
/// Silero VAD through Whisper.net's <see cref="WhisperVadFactory"/>, its probabilities per frame
/// read from the same native library (<see cref="SileroProbabilities"/>) and segmented with the
/// project's onset, offset and start extension (<see cref="VadSettings"/>). The recording is read in
/// windows (default 5 minutes, each read with a few seconds of overlap on both sides), so memory
/// stays bounded on a 3-hour recording; each window keeps only the regions inside its own core
/// span and the shared post-processing joins what meets at the edges, which gives the regions a
/// one-shot run over the whole recording gives (the overlap lets the model's state settle before
/// the core span starts).
/// </summary>
public sealed class SileroVoiceActivityDetector : IVoiceActivityDetector
{
    private const int FrameSamples = 512;
    private readonly string _modelPath;
    private readonly string _modelSha256;
    private readonly VadSettings _settings;
    private readonly int _threads;

    /// <param name="threads">
    /// ggml threads per 32 ms frame. One is fastest: the graph per frame is tiny, and with two
    /// threads synchronisation made it five times slower on the 2-core machine (docs/notes/vad.md).
    /// </param>
    public SileroVoiceActivityDetector(string modelPath, VadSettings? settings = null, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        _settings = settings ?? VadSettings.SileroDefaults;
        _settings.Validate();
        _modelPath = Path.GetFullPath(modelPath);
        CheckModel(_modelPath);
        _modelSha256 = FileDigestMemo.Sha256OfFile(_modelPath);
        _threads = Math.Max(1, threads);
        var parameters = _settings.ToDictionary("silero");
        parameters["model"] = Path.GetFileName(_modelPath);
        parameters["modelSha256"] = _modelSha256;
        if (!SileroProbabilities.Available())
        {
            // whisper.cpp's own segments: its offset rule, no start extension. Said in the parameters,
            // so a run resumed on a machine where the probabilities can be read detects again.
            parameters.Remove("startExtension");
            parameters["offsetThreshold"] = _settings.TiedOffset.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
            parameters["segments"] = "whisper.cpp";
        }

        Parameters = parameters;
    }

    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>Fails with one line unless the file is a Silero VAD model in ggml format.</summary>
    public static void CheckModel(string path)
    {
        if (!File.Exists(path))
        {
            throw new MinutesException(Messages.Get("VadModelNotFound", path));
        }

        var header = GgmlModelHeader.Inspect(path);
        if (header.Kind != GgmlModelKind.SileroVad)
        {
            throw new MinutesException(Messages.Get("NotASileroModel", Path.GetFileName(path), header.Description));
        }
    }

    public VadTrace Detect(PcmAudio audio, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var (raw, _, peak) = Scan(audio, progress, cancellationToken);
        var regions = SpeechRegionBuilder.Build(raw, audio.Duration, _settings);
        return SpeechRegionBuilder.ToTrace("silero", Path.GetFileName(_modelPath), _modelSha256, Parameters, audio.Duration, regions, peak, null);
    }

    /// <summary>
    /// Silero's speech probability per 32 ms frame of the whole recording (as the detector sees it,
    /// windows joined), or null where the native library does not offer them; for diagnosis.
    /// </summary>
    public IReadOnlyList<float>? FrameProbabilities(PcmAudio audio, CancellationToken cancellationToken) =>
        Scan(audio, null, cancellationToken).Probabilities;

    private (List<(double Start, double End)> Raw, List<float>? Probabilities, float Peak) Scan(PcmAudio audio, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audio);
        // Silero scores frames of 512 samples: windows start on that grid, so that every window
        // sees the same frames a one-shot run sees.
        var window = AlignToFrame(PcmAudio.ToSample(_settings.Window));
        var overlap = AlignToFrame(PcmAudio.ToSample(_settings.WindowOverlap));
        var raw = new List<(double Start, double End)>();
        var probabilities = new List<float>();
        var peak = 0f;
        // One model in memory: Whisper.net's processor only where the probabilities cannot be read.
        using var scorer = LoadProbabilities();
        var (factory, processor) = scorer is null ? Load() : (null, null);
        using var ownedFactory = factory;
        using var ownedProcessor = processor;
        for (long core = 0; core < audio.SampleCount; core += window)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var coreEnd = Math.Min(audio.SampleCount, core + window);
            var readStart = Math.Max(0, core - overlap);
            var samples = audio.Read(readStart, (int)(Math.Min(audio.SampleCount, coreEnd + overlap) - readStart));
            peak = Math.Max(peak, Peak(samples.AsSpan((int)(core - readStart), (int)(coreEnd - core))));
            if (scorer is not null)
            {
                // Frames on the 512-sample grid whose start lies in this window's core span.
                var scores = scorer.Score(samples);
                var first = (int)((core - readStart) / FrameSamples);
                var count = (int)Math.Min(scores.Length - first, (coreEnd - core + FrameSamples - 1) / FrameSamples);
                probabilities.AddRange(scores.AsSpan(first, Math.Max(0, count)));
            }
            else
            {
                var offset = (double)readStart / PcmAudio.Rate;
                var (lo, hi) = ((double)core / PcmAudio.Rate, (double)coreEnd / PcmAudio.Rate);
                foreach (var segment in processor!.DetectSpeech(samples))
                {
                    var start = Math.Max(lo, offset + segment.Start.TotalSeconds);
                    var end = Math.Min(hi, offset + segment.End.TotalSeconds);
                    if (end > start)
                    {
                        raw.Add((start, end));
                    }
                }
            }

            progress?.Report((double)coreEnd / audio.SampleCount);
        }

        if (scorer is null)
        {
            return (raw, null, peak);
        }

        raw.AddRange(SpeechRegionBuilder.FromProbabilities(probabilities, 0, (double)FrameSamples / PcmAudio.Rate, _settings.Threshold, _settings.Offset, (int)Math.Round(_settings.StartExtension * PcmAudio.Rate / FrameSamples))
            .Select(r => (r.Start, Math.Min(audio.Duration, r.End))));
        return (raw, probabilities, peak);
    }

    /// <summary>
    /// Silero's probabilities per frame through the native library (the onset and offset thresholds
    /// are then the project's own); null where the library does not offer them, and Whisper.net's
    /// segments are used (offset fixed at threshold − 0.15, as <see cref="VadSettings.Offset"/> by default).
    /// </summary>
    private SileroProbabilities? LoadProbabilities()
    {
        try
        {
            return SileroProbabilities.TryLoad(_modelPath, _threads);
        }
        catch (Exception ex) when (ex is InvalidOperationException or DllNotFoundException or BadImageFormatException)
        {
            throw new MinutesException(Messages.Get("VadModelUnloadable", Path.GetFileName(_modelPath), ex.Message.ReplaceLineEndings(" ")), ex);
        }
    }

    private static long AlignToFrame(long samples) => Math.Max(FrameSamples, samples / FrameSamples * FrameSamples);

    internal static float Peak(ReadOnlySpan<float> samples)
    {
        var peak = 0f;
        foreach (var s in samples)
        {
            peak = Math.Max(peak, Math.Abs(s));
        }

        return peak;
    }

    /// <summary>
    /// Loads the model. The detector's own minimum durations are kept short and its padding off:
    /// merging, dropping and padding happen once, in <see cref="SpeechRegionBuilder"/>, after the
    /// windows are joined.
    /// </summary>
    private (WhisperVadFactory? Factory, WhisperVadProcessor? Processor) Load()
    {
        WhisperVadFactory? factory = null;
        try
        {
            factory = WhisperVadFactory.FromPath(_modelPath);
            var processor = factory.CreateBuilder()
                .WithThreads(_threads)
                .WithThreshold((float)_settings.Threshold)
                .WithMinSpeechDuration(TimeSpan.FromMilliseconds(100))
                .WithMinSilenceDuration(TimeSpan.FromMilliseconds(100))
                .WithSpeechPadding(TimeSpan.Zero)
                .Build();
            return (factory, processor);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            factory?.Dispose();
            throw new MinutesException(Messages.Get("VadModelUnloadable", Path.GetFileName(_modelPath), ex.Message.ReplaceLineEndings(" ")), ex);
        }
    }
}
