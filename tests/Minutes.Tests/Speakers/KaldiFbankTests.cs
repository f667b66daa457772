using Minutes.Audio;
using Minutes.Speakers;

namespace Minutes.Tests.Speakers;

/// <summary>Properties of Kaldi's fbank that the implementation must share (no reference implementation is served here).</summary>
public sealed class KaldiFbankTests
{
    private static readonly KaldiFbank Fbank = new();

    [Theory]
    [InlineData(399, 0)]
    [InlineData(400, 1)]
    [InlineData(16000, 98)]
    [InlineData(24000, 148)]
    public void Only_whole_25_ms_frames_every_10_ms_are_kept(int samples, int frames) =>
        Assert.Equal(frames, Fbank.Compute(new float[samples]).Length);

    [Fact]
    public void Silence_sits_at_the_log_of_the_float_epsilon()
    {
        var frames = Fbank.Compute(new float[4000]);
        Assert.All(frames, row => Assert.All(row, v => Assert.Equal(Math.Log(1.1920928955078125e-07), v, 4)));
    }

    [Theory]
    [InlineData(300)]
    [InlineData(1000)]
    [InlineData(3500)]
    public void A_tone_peaks_in_the_band_centred_nearest_its_frequency(double hz)
    {
        var tone = Enumerable.Range(0, PcmAudio.Rate).Select(i => (float)(0.1 * Math.Sin(2 * Math.PI * hz * i / PcmAudio.Rate))).ToArray();
        var row = Fbank.Compute(tone)[50];
        var peak = Array.IndexOf(row, row.Max());
        static double Mel(double f) => 1127 * Math.Log(1 + (f / 700));
        var delta = (Mel(8000) - Mel(20)) / 81;
        var nearest = Enumerable.Range(0, 80).MinBy(b => Math.Abs(Mel(20) + ((b + 1) * delta) - Mel(hz)));
        Assert.Equal(nearest, peak);
    }

    [Fact]
    public void Energies_are_power_so_twice_the_amplitude_adds_log_4_to_every_band()
    {
        var noise = new Random(5);
        var quiet = Enumerable.Range(0, 8000).Select(_ => (float)((noise.NextDouble() - 0.5) * 0.1)).ToArray();
        var loud = quiet.Select(x => x * 2).ToArray();
        var a = Fbank.Compute(quiet);
        var b = Fbank.Compute(loud);
        for (var f = 0; f < a.Length; f++)
        {
            for (var m = 0; m < 80; m++)
            {
                Assert.Equal(Math.Log(4), b[f][m] - a[f][m], 3);
            }
        }
    }

    [Fact]
    public void A_constant_offset_is_removed_per_frame()
    {
        var noise = new Random(9);
        var plain = Enumerable.Range(0, 4000).Select(_ => (float)((noise.NextDouble() - 0.5) * 0.1)).ToArray();
        var shifted = plain.Select(x => x + 0.25f).ToArray();
        var a = Fbank.Compute(plain);
        var b = Fbank.Compute(shifted);
        for (var f = 0; f < a.Length; f++)
        {
            for (var m = 0; m < 80; m++)
            {
                Assert.Equal(a[f][m], b[f][m], 2);
            }
        }
    }
}
