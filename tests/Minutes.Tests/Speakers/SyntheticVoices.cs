using Minutes.Audio;
using Minutes.Speakers;

namespace Minutes.Tests.Speakers;

/// <summary>
/// Three artificial "voices" any sensible embedding tells apart: each a band of tones (low, mid,
/// high) whose loudness rises and falls four times a second like syllables, over a faint
/// broadband noise. The tiny test model sees which bands move, so a meeting of them checks the
/// ONNX path end to end with exact expectations (the real samples are too hard for that model).
/// </summary>
internal static class SyntheticVoices
{
    private static readonly (double Low, double High)[] Bands = [(150, 500), (900, 1800), (2800, 5000)];

    public static int Count => Bands.Length;

    /// <summary><paramref name="seconds"/> of voice <paramref name="voice"/>; the seed varies the tones and the rhythm.</summary>
    public static float[] Voice(int voice, double seconds, int seed)
    {
        var random = new Random(seed);
        var (low, high) = Bands[voice];
        var tones = Enumerable.Range(0, 24)
            .Select(_ => (Hz: low + (random.NextDouble() * (high - low)), Phase: random.NextDouble() * 2 * Math.PI))
            .ToArray();
        var rhythm = random.NextDouble() * 2 * Math.PI;
        var samples = new float[(int)(seconds * PcmAudio.Rate)];
        for (var i = 0; i < samples.Length; i++)
        {
            var t = i / (double)PcmAudio.Rate;
            var sum = 0.0;
            foreach (var (hz, phase) in tones)
            {
                sum += Math.Sin((2 * Math.PI * hz * t) + phase);
            }

            var syllables = 0.55 + (0.45 * Math.Cos((2 * Math.PI * 4 * t) + rhythm));
            samples[i] = (float)(0.2 * syllables * sum / tones.Length);
        }

        return samples;
    }

    /// <summary>One voice alone for <paramref name="seconds"/>, half a second of the faint noise either side: an enrolment recording.</summary>
    public static float[] Alone(int voice, double seconds, int seed)
    {
        var pause = new float[PcmAudio.Rate / 2];
        return WithNoise([.. pause, .. Voice(voice, seconds, seed), .. pause], seed);
    }

    /// <summary>A meeting: turns of <paramref name="turnSeconds"/> by the voices in <paramref name="order"/>, half a second apart, over faint noise.</summary>
    public static (float[] Samples, List<SpeakerTurn> Turns) Meeting(int[] order, double turnSeconds)
    {
        ArgumentNullException.ThrowIfNull(order);
        const double gap = 0.5;
        var all = new List<float>();
        var turns = new List<SpeakerTurn>();
        all.AddRange(new float[(int)(gap * PcmAudio.Rate)]);
        for (var k = 0; k < order.Length; k++)
        {
            var start = all.Count / (double)PcmAudio.Rate;
            all.AddRange(Voice(order[k], turnSeconds, seed: 100 + k));
            turns.Add(new SpeakerTurn(start, all.Count / (double)PcmAudio.Rate, $"V{order[k] + 1}"));
            all.AddRange(new float[(int)(gap * PcmAudio.Rate)]);
        }

        return (WithNoise([.. all], 7), turns);
    }

    private static float[] WithNoise(float[] samples, int seed)
    {
        var noise = new Random(seed);
        return samples.Select(x => x + (float)((noise.NextDouble() - 0.5) * 0.002)).ToArray();
    }
}
