namespace Minutes.Speakers;

/// <summary>
/// Kaldi's log mel filterbank (<c>compute-fbank-feats</c>, as torchaudio's
/// <c>compliance.kaldi.fbank</c> computes it), the input WeSpeaker and 3D-Speaker models are
/// trained on: 16 kHz samples scaled to the 16-bit range, 25 ms frames every 10 ms (whole frames
/// only), DC offset removed per frame, pre-emphasis 0.97, Povey window, 512-point power spectrum,
/// triangular filters evenly spaced on the mel scale from 20 Hz to 8 kHz, natural log floored at
/// the float epsilon; no dither, no energy column.
/// </summary>
public sealed class KaldiFbank
{
    private const int FftSize = 512;
    private const double Preemphasis = 0.97;
    private const double LowHz = 20;

    // torch.finfo(torch.float32).eps: Kaldi's floor before the log.
    private const double Floor = 1.1920928955078125e-07;

    private readonly double[] _window;
    private readonly double[][] _filters;
    private readonly int[] _filterStart;

    public KaldiFbank(int melBins = 80)
    {
        MelBins = melBins;
        _window = new double[MelFeatures.FrameLength];
        for (var i = 0; i < _window.Length; i++)
        {
            _window[i] = Math.Pow(0.5 - (0.5 * Math.Cos(2 * Math.PI * i / (_window.Length - 1))), 0.85);
        }

        (_filters, _filterStart) = Filters(melBins);
    }

    public int MelBins { get; }

    /// <summary>One row of <see cref="MelBins"/> log energies per frame of <paramref name="samples"/> (floats in [-1, 1]).</summary>
    public float[][] Compute(ReadOnlySpan<float> samples)
    {
        var frames = new float[MelFeatures.FrameCount(samples.Length)][];
        var re = new double[FftSize];
        var im = new double[FftSize];
        var power = new double[(FftSize / 2) + 1];
        for (var f = 0; f < frames.Length; f++)
        {
            var frame = samples.Slice(f * MelFeatures.FrameHop, MelFeatures.FrameLength);
            Array.Clear(re);
            Array.Clear(im);
            var mean = 0.0;
            for (var i = 0; i < frame.Length; i++)
            {
                mean += frame[i];
            }

            mean /= frame.Length;
            for (var i = 0; i < frame.Length; i++)
            {
                re[i] = (frame[i] - mean) * 32768.0;
            }

            // Backwards, so each sample is reduced by its unchanged predecessor; the first by itself.
            for (var i = frame.Length - 1; i > 0; i--)
            {
                re[i] -= Preemphasis * re[i - 1];
            }

            re[0] -= Preemphasis * re[0];
            for (var i = 0; i < frame.Length; i++)
            {
                re[i] *= _window[i];
            }

            frames[f] = MelFeatures.FilterbankEnergies(re, im, power, _filters, _filterStart, energy => Math.Log(Math.Max(energy, Floor)));
        }

        return frames;
    }

    private static double Mel(double hz) => 1127 * Math.Log(1 + (hz / 700));

    /// <summary>Kaldi's filters: the FFT bins below Nyquist weighted by the triangle around each band centre, in mel.</summary>
    private static (double[][] Filters, int[] Start) Filters(int bins)
    {
        const double binWidth = 16000.0 / FftSize;
        var low = Mel(LowHz);
        var delta = (Mel(8000) - low) / (bins + 1);
        var filters = new double[bins][];
        var start = new int[bins];
        for (var b = 0; b < bins; b++)
        {
            var left = low + (b * delta);
            var centre = left + delta;
            var right = centre + delta;
            var weights = new double[FftSize / 2];
            for (var k = 0; k < weights.Length; k++)
            {
                var mel = Mel(binWidth * k);
                weights[k] = Math.Max(0, Math.Min((mel - left) / (centre - left), (right - mel) / (right - centre)));
            }

            var first = Array.FindIndex(weights, w => w > 0);
            var last = Array.FindLastIndex(weights, w => w > 0);
            start[b] = Math.Max(0, first);
            filters[b] = first < 0 ? [] : weights[first..(last + 1)];
        }

        return (filters, start);
    }
}
