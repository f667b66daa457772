using Minutes.Audio;
using Minutes.Tests.Support;

namespace Minutes.Tests.Vad;

/// <summary>
/// A generated meeting with one near and one far talker, built from the VAD fixture: takumi's
/// utterances stay as they are, the other voices' utterances are made a far talker's — quieter by
/// <c>quietDb</c> and given a room's reverberation (an exponentially decaying noise tail, seeded) —
/// and steady noise is added at <c>noiseDbfs</c> over the whole recording (the fixture's own 5 s
/// noise stretch stays). The truth is the fixture's truth.
/// </summary>
public static class QuietTalkerRecording
{
    public const string NearVoice = "takumi";

    public static string Write(TempFolder temp, double quietDb, double noiseDbfs, double reverbSeconds = 0.3)
    {
        ArgumentNullException.ThrowIfNull(temp);
        float[] samples;
        using (var audio = PcmAudio.Open(VadFixture.Wav))
        {
            samples = audio.Read(0, (int)audio.SampleCount);
        }

        var random = new Random(15);
        var far = new float[samples.Length];
        var quiet = Math.Pow(10, -quietDb / 20);
        foreach (var (start, end) in Quiet)
        {
            // Each utterance with a little margin, so its own room tone moves with it.
            var from = Math.Max(0, PcmAudio.ToSample(start - 0.05));
            var to = Math.Min(samples.Length, PcmAudio.ToSample(end + 0.05));
            for (var i = from; i < to; i++)
            {
                far[i] = (float)(samples[i] * quiet);
                samples[i] = 0;
            }
        }

        var response = Reverb(random, reverbSeconds);
        var wet = Convolve(far, response);
        var noise = Math.Pow(10, noiseDbfs / 20) * Math.Sqrt(3);
        var path = temp.File($"quiet-talker-{quietDb}-{-noiseDbfs}.wav");
        using var file = File.Create(path);
        PcmWavFormat.WriteHeader(file, (long)samples.Length * 2);
        var bytes = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++)
        {
            var v = samples[i] + wet[i] + (float)(((random.NextDouble() * 2) - 1) * noise);
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 2), (short)Math.Clamp(Math.Round(v * 32767), short.MinValue, short.MaxValue));
        }

        file.Write(bytes);
        return path;
    }

    /// <summary>The far talker's utterances (every voice but <see cref="NearVoice"/>).</summary>
    public static IReadOnlyList<(double Start, double End)> Quiet { get; } =
        File.ReadLines(RepoPaths.Fixture("vad/truth.tsv")).Skip(1)
            .Select(l => l.Split('\t'))
            .Where(f => f[0] == "speech" && f[3] != NearVoice)
            .Select(f => (double.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture), double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>The share of the far talker's speech the regions cover.</summary>
    public static double QuietRecall(IEnumerable<Minutes.Vad.SpeechRegion> regions)
    {
        var found = regions.ToList();
        var total = Quiet.Sum(q => q.End - q.Start);
        return Quiet.Sum(q => found.Sum(r => Math.Max(0, Math.Min(r.End, q.End) - Math.Max(r.Start, q.Start)))) / total;
    }

    /// <summary>A room: the direct sound, then decaying noise reaching −60 dB after <paramref name="rt60"/>, normalised to unit energy.</summary>
    private static float[] Reverb(Random random, double rt60)
    {
        var length = Math.Max(1, (int)PcmAudio.ToSample(rt60));
        var response = new double[length];
        response[0] = 1;
        for (var i = 1; i < length; i++)
        {
            response[i] = ((random.NextDouble() * 2) - 1) * 0.3 * Math.Pow(10, -3.0 * i / length);
        }

        var energy = Math.Sqrt(response.Sum(v => v * v));
        return response.Select(v => (float)(v / energy)).ToArray();
    }

    private static float[] Convolve(float[] signal, float[] response)
    {
        var result = new float[signal.Length];
        for (var i = 0; i < signal.Length; i++)
        {
            if (signal[i] == 0)
            {
                continue;
            }

            var end = Math.Min(signal.Length, i + response.Length);
            for (var j = i; j < end; j++)
            {
                result[j] += signal[i] * response[j - i];
            }
        }

        return result;
    }
}
