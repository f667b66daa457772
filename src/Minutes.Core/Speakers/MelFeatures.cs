namespace Minutes.Speakers;

/// <summary>
/// Log-mel filterbank and MFCC frames (25 ms window, 10 ms hop) of 16 kHz audio, computed with a
/// small radix-2 FFT so the diarizer needs no native code and no model.
/// </summary>
public sealed class MelFeatures
{
    public const int FrameLength = 400;
    public const int FrameHop = 160;
    public const double FramesPerSecond = 100;
    private const int FftSize = 512;
    private readonly double[] _window;
    private readonly double[][] _filters;
    private readonly int[] _filterStart;
    private readonly double[,] _dct;

    public MelFeatures(int melBands = 40, int cepstra = 32)
    {
        MelBands = melBands;
        Cepstra = cepstra;
        _window = new double[FrameLength];
        for (var i = 0; i < FrameLength; i++)
        {
            _window[i] = 0.54 - (0.46 * Math.Cos(2 * Math.PI * i / (FrameLength - 1)));
        }

        (_filters, _filterStart) = MelFilters(melBands, 20, 7600);
        _dct = new double[cepstra, melBands];
        for (var k = 0; k < cepstra; k++)
        {
            for (var m = 0; m < melBands; m++)
            {
                // c0 (overall loudness) is skipped: it says more about the microphone than the voice.
                _dct[k, m] = Math.Cos(Math.PI * (k + 1) * (m + 0.5) / melBands);
            }
        }
    }

    public int MelBands { get; }

    public int Cepstra { get; }

    /// <summary>Number of whole frames in <paramref name="sampleCount"/> samples.</summary>
    public static int FrameCount(int sampleCount) => sampleCount < FrameLength ? 0 : 1 + ((sampleCount - FrameLength) / FrameHop);

    /// <summary>Log-mel energies, one row of <see cref="MelBands"/> per frame.</summary>
    public float[][] LogMel(float[] samples) => LogMel(samples, null);

    /// <summary>
    /// Log-mel energies and, per frame, the log fundamental frequency (NaN where the frame is not
    /// voiced), taken from the autocorrelation that the same power spectrum gives for one more FFT.
    /// </summary>
    public (float[][] LogMel, float[] LogPitch) Analyse(float[] samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var pitch = new float[FrameCount(samples.Length)];
        return (LogMel(samples, pitch), pitch);
    }

    private float[][] LogMel(float[] samples, float[]? pitch)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var frames = new float[FrameCount(samples.Length)][];
        var re = new double[FftSize];
        var im = new double[FftSize];
        var power = new double[(FftSize / 2) + 1];
        for (var f = 0; f < frames.Length; f++)
        {
            var offset = f * FrameHop;
            Array.Clear(re);
            Array.Clear(im);
            var mean = 0.0;
            for (var i = 0; i < FrameLength; i++)
            {
                mean += samples[offset + i];
            }

            mean /= FrameLength;
            var previous = offset > 0 ? samples[offset - 1] - mean : 0;
            for (var i = 0; i < FrameLength; i++)
            {
                var x = samples[offset + i] - mean;
                re[i] = (x - (0.97 * previous)) * _window[i];
                previous = x;
            }

            var row = FilterbankEnergies(re, im, power, _filters, _filterStart, energy => Math.Log(energy + 1e-10));

            frames[f] = row;
            if (pitch is not null)
            {
                pitch[f] = Pitch(power, re, im);
            }
        }

        return frames;
    }

    /// <summary>
    /// The shared half of every filterbank: the FFT of a windowed frame (<paramref name="re"/>,
    /// <paramref name="im"/>, in place), its power spectrum into <paramref name="power"/>, and each
    /// filter's energy (weights from its first bin) through <paramref name="compress"/> (a log).
    /// </summary>
    internal static float[] FilterbankEnergies(double[] re, double[] im, double[] power, double[][] filters, int[] filterStart, Func<double, double> compress)
    {
        Fft(re, im);
        for (var k = 0; k < power.Length; k++)
        {
            power[k] = (re[k] * re[k]) + (im[k] * im[k]);
        }

        var row = new float[filters.Length];
        for (var m = 0; m < filters.Length; m++)
        {
            var energy = 0.0;
            var weights = filters[m];
            for (var j = 0; j < weights.Length; j++)
            {
                energy += weights[j] * power[filterStart[m] + j];
            }

            row[m] = (float)compress(energy);
        }

        return row;
    }

    /// <summary>Cepstra c1…cN of log-mel rows.</summary>
    public float[][] Mfcc(float[][] logMel)
    {
        ArgumentNullException.ThrowIfNull(logMel);
        var result = new float[logMel.Length][];
        for (var f = 0; f < logMel.Length; f++)
        {
            var row = new float[Cepstra];
            for (var k = 0; k < Cepstra; k++)
            {
                var sum = 0.0;
                for (var m = 0; m < MelBands; m++)
                {
                    sum += _dct[k, m] * logMel[f][m];
                }

                row[k] = (float)sum;
            }

            result[f] = row;
        }

        return result;
    }

    /// <summary>log F0 from the peak of the normalised autocorrelation in 70–450 Hz; NaN when the peak is weak.</summary>
    private static float Pitch(double[] power, double[] re, double[] im)
    {
        for (var k = 0; k < FftSize; k++)
        {
            var p = power[k <= FftSize / 2 ? k : FftSize - k];
            re[k] = p;
            im[k] = 0;
        }

        Fft(re, im);
        if (re[0] <= 1e-9)
        {
            return float.NaN;
        }

        var bestLag = 0;
        var best = 0.0;
        for (var lag = 16000 / 450; lag <= 16000 / 70; lag++)
        {
            // The autocorrelation of a windowed frame shrinks with the lag; this undoes it roughly.
            var value = re[lag] / re[0] * FrameLength / (FrameLength - lag);
            if (value > best)
            {
                best = value;
                bestLag = lag;
            }
        }

        return best < VoicingThreshold ? float.NaN : (float)Math.Log(16000.0 / bestLag);
    }

    private const double VoicingThreshold = 0.4;

    private static double HzToMel(double hz) => 2595 * Math.Log10(1 + (hz / 700));

    private static double MelToHz(double mel) => 700 * (Math.Pow(10, mel / 2595) - 1);

    private static (double[][] Filters, int[] Start) MelFilters(int bands, double low, double high)
    {
        var lowMel = HzToMel(low);
        var highMel = HzToMel(high);
        var bins = new double[bands + 2];
        for (var i = 0; i < bins.Length; i++)
        {
            bins[i] = MelToHz(lowMel + ((highMel - lowMel) * i / (bands + 1))) * FftSize / 16000;
        }

        var filters = new double[bands][];
        var start = new int[bands];
        for (var m = 0; m < bands; m++)
        {
            var first = (int)Math.Floor(bins[m]);
            var last = (int)Math.Ceiling(bins[m + 2]);
            start[m] = first;
            filters[m] = new double[last - first + 1];
            for (var k = first; k <= last; k++)
            {
                var rising = (k - bins[m]) / (bins[m + 1] - bins[m]);
                var falling = (bins[m + 2] - k) / (bins[m + 2] - bins[m + 1]);
                filters[m][k - first] = Math.Max(0, Math.Min(rising, falling));
            }
        }

        return (filters, start);
    }

    internal static void Fft(double[] re, double[] im)
    {
        var n = re.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }

        for (var len = 2; len <= n; len <<= 1)
        {
            var angle = -2 * Math.PI / len;
            var wRe = Math.Cos(angle);
            var wIm = Math.Sin(angle);
            for (var i = 0; i < n; i += len)
            {
                var cRe = 1.0;
                var cIm = 0.0;
                for (var k = 0; k < len / 2; k++)
                {
                    var a = i + k;
                    var b = a + (len / 2);
                    var tRe = (re[b] * cRe) - (im[b] * cIm);
                    var tIm = (re[b] * cIm) + (im[b] * cRe);
                    re[b] = re[a] - tRe;
                    im[b] = im[a] - tIm;
                    re[a] += tRe;
                    im[a] += tIm;
                    var next = (cRe * wRe) - (cIm * wIm);
                    cIm = (cRe * wIm) + (cIm * wRe);
                    cRe = next;
                }
            }
        }
    }
}
