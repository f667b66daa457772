using System.Globalization;
using Minutes.Audio;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Transcription;
using Minutes.Vad;
using Minutes.Tests.Support;

namespace Minutes.Tests.Speakers;

/// <summary>
/// Builds run folders for the speakers stage from the committed samples: the Ogg recording
/// decoded with NVorbis (CI has no WAV), speech regions from speech.tsv, one transcript segment
/// per reference line.
/// </summary>
internal static class SampleRuns
{
    private static readonly Dictionary<string, float[]> Decoded = [];

    public static float[] Samples(string sample)
    {
        lock (Decoded)
        {
            if (!Decoded.TryGetValue(sample, out var samples))
            {
                using var reader = new NVorbis.VorbisReader(Path.Combine(RepoPaths.Sample(sample), "recording.ogg"));
                Assert.Equal(PcmAudio.Rate, reader.SampleRate);
                Assert.Equal(1, reader.Channels);
                var all = new List<float>();
                var buffer = new float[PcmAudio.Rate];
                int read;
                while ((read = reader.ReadSamples(buffer, 0, buffer.Length)) > 0)
                {
                    all.AddRange(buffer.AsSpan(0, read));
                }

                samples = [.. all];
                Decoded[sample] = samples;
            }

            return samples;
        }
    }

    public static IReadOnlyList<(double Start, double End)> Speech(string sample) =>
        File.ReadLines(Path.Combine(RepoPaths.Sample(sample), "speech.tsv")).Skip(1)
            .Select(l => l.Split('\t'))
            .Select(f => (double.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[1], CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>A run folder holding the decoded audio, 02-vad.json and 03-transcript.json.</summary>
    public static RunFolder Create(string folder, float[] samples, IReadOnlyList<(double Start, double End)> speech)
    {
        var run = RunFolder.Create(folder, null);
        WriteWav(run.PathOf(RunFolder.DecodedAudio), samples);
        WriteTraces(run, samples.Length / (double)PcmAudio.Rate, speech);
        return run;
    }

    /// <summary>02-vad.json with <paramref name="speech"/> as its regions and 03-transcript.json with one segment per region.</summary>
    public static void WriteTraces(RunFolder run, double duration, IReadOnlyList<(double Start, double End)> speech)
    {
        var regions = speech.Select((s, i) => new SpeechRegion($"r{i + 1:0000}", s.Start, s.End)).ToList();
        run.Write(RunFolder.VadTrace, new VadTrace("reference", null, null, new Dictionary<string, string>(), duration, regions.Sum(r => r.Duration), regions), MinutesJson.Context.VadTrace);
        var segments = regions.Select((r, i) => new TranscriptSegment($"s{i + 1:0000}", r.Start, r.End, "-", RegionId: r.Id)).ToList();
        run.Write(RunFolder.TranscriptTrace, new Transcript("ja", new TranscriptSource("reference", "speech.tsv"), new Dictionary<string, string>(), segments, []), MinutesJson.Context.Transcript);
    }

    public static void WriteWav(string path, float[] samples)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        PcmWavFormat.WriteHeader(stream, samples.Length * 2L);
        var bytes = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++)
        {
            var value = (short)Math.Clamp(samples[i] * 32768f, short.MinValue, short.MaxValue);
            bytes[2 * i] = (byte)value;
            bytes[(2 * i) + 1] = (byte)(value >> 8);
        }

        stream.Write(bytes);
    }
}
