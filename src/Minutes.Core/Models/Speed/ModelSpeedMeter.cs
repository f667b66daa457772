using System.Diagnostics;
using Minutes.Audio;
using Minutes.Transcription;
using Minutes.Vad;

namespace Minutes.Models;

/// <summary>
/// Measures how fast a Whisper model runs on this machine: the built-in speed clip (28 s of the
/// committee sample's Japanese speech, one Whisper window) through the real
/// <see cref="WhisperTranscriber"/> with the threads, processors and beam a run would use. The
/// decoder is bounded as the bench bounds it (<see cref="WhisperDecoding.ForTiming"/>), so a
/// model that never says end-of-text (random weights) costs what a real one does, and no
/// temperature fallback. The clock starts after the model's digest is computed and includes loading
/// the model, which a run pays once: on a 28 s clip that makes the figure a little high, not low.
/// </summary>
public static class ModelSpeedMeter
{
    /// <summary>One chunk, one window: the longest chunk a run sends to Whisper.</summary>
    public const double ClipSeconds = WhisperSettings.DefaultMaxChunkSeconds;

    private const string ClipResource = "Minutes.Models.speed-clip.ogg";

    /// <summary>
    /// Transcribes the clip with <paramref name="modelPath"/>; past <paramref name="limit"/> the
    /// measurement stops and says so (<see cref="ModelSpeed.Finished"/> false, its RTF a lower bound).
    /// </summary>
    public static async Task<ModelSpeed> MeasureAsync(string name, string modelPath, SpeedConditions conditions, TimeSpan? limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        ArgumentNullException.ThrowIfNull(conditions);
        var work = Path.Combine(Path.GetTempPath(), $"minutes-speed-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var clip = Path.Combine(work, "clip.ogg");
            await using (var resource = typeof(ModelSpeedMeter).Assembly.GetManifestResourceStream(ClipResource)
                ?? throw new InvalidOperationException($"The resource {ClipResource} is missing."))
            await using (var file = File.Create(clip))
            {
                await resource.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }

            var pcm = Path.Combine(work, "clip.wav");
            await new AudioDecoder().DecodeAsync(clip, pcm, null, cancellationToken).ConfigureAwait(false);
            using var audio = PcmAudio.Open(pcm);
            var seconds = Math.Min(audio.Duration, ClipSeconds);
            var vad = new VadTrace("clip", null, null, new Dictionary<string, string>(), audio.Duration, seconds, [new SpeechRegion("r0001", 0, seconds)]);
            var transcriber = new WhisperTranscriber(new WhisperSettings
            {
                ModelPath = modelPath,
                ModelName = name,
                Threads = conditions.Threads,
                Processors = conditions.Processors,
                Decoding = conditions.Decoding,
            });
            var digest = transcriber.Parameters["modelSha256"];

            using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (limit is { } l)
            {
                bound.CancelAfter(l);
            }

            var clock = Stopwatch.StartNew();
            var finished = true;
            try
            {
                await transcriber.TranscribeAsync(audio, vad, Path.Combine(work, "chunks"), null, bound.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                finished = false;
            }

            var elapsed = clock.Elapsed.TotalSeconds;
            return new ModelSpeed(name, digest, conditions, Math.Round(seconds, 3), Math.Round(elapsed, 3), Math.Round(elapsed / seconds, 3), finished, DateTimeOffset.UtcNow)
            {
                LoadAverage = LoadAverage(),
            };
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
        }
    }

    private static double? LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg")
                && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var load)
                ? load
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
