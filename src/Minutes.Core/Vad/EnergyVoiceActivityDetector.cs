using Minutes.Audio;

namespace Minutes.Vad;

/// <summary>
/// A deterministic energy detector for when no Silero model is available. Log energy per 10 ms
/// frame (smoothed over 50 ms) is compared with an adaptive noise floor; speech starts when the
/// energy rises <see cref="VadSettings.Threshold"/> dB above the floor and ends when it falls
/// below the floor plus the threshold minus <see cref="Hysteresis"/> dB. A frame also counts as
/// speech only where the energy varies by at least <see cref="StationaryRange"/> dB within
/// ±<see cref="RangeWindow"/> s: speech is modulated by its syllables, steady noise is not.
/// </summary>
/// <remarks>
/// The floor at a frame is the larger of the minimum energy over the preceding and over the
/// following <see cref="FloorWindow"/> seconds. Taking the larger of the two makes a step in
/// steady noise (a fan switched on) raise the floor at once rather than read as speech, while any
/// pause within the window on both sides keeps the floor low under speech; steady noise in the
/// middle of a long stretch is rejected by the modulation test. What still reads as speech is
/// loud modulated sound (a door, typing, music): the limit of an energy detector. Only the
/// energies (one float per 10 ms) are kept; the audio is read one window at a time.
/// </remarks>
public sealed class EnergyVoiceActivityDetector : IVoiceActivityDetector
{
    public const double FloorWindow = 4.0;
    public const double Hysteresis = 4.0;

    /// <summary>Speech rises and falls by syllable; energy that varies less than this around a frame is steady noise.</summary>
    public const double StationaryRange = 6.0;

    /// <summary>Half the span (seconds) over which that variation is measured.</summary>
    public const double RangeWindow = 0.25;

    /// <summary>The floor never goes below this, so near-digital silence does not make faint hiss speech.</summary>
    public const double MinimumFloorDb = -75.0;

    private const int FrameSamples = PcmAudio.Rate / 100;
    private const int SmoothFrames = 2;
    private readonly VadSettings _settings;
    private readonly string? _fallbackReason;

    public EnergyVoiceActivityDetector(VadSettings? settings = null, string? fallbackReason = null)
    {
        _settings = settings ?? VadSettings.EnergyDefaults;
        _settings.Validate();
        _fallbackReason = fallbackReason;
        var parameters = _settings.ToDictionary("energy");
        // Frame energies run on across windows, so no overlap is read.
        parameters.Remove("windowOverlap");
        parameters["floorWindow"] = "4";
        parameters["hysteresis"] = "4";
        parameters["stationaryRange"] = "6";
        Parameters = parameters;
    }

    public IReadOnlyDictionary<string, string> Parameters { get; }

    public VadTrace Detect(PcmAudio audio, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var (power, peak) = FramePower(audio, (int)(PcmAudio.ToSample(_settings.Window) / FrameSamples * FrameSamples), progress, cancellationToken);
        var energy = Smooth(power);
        var floor = NoiseFloor(energy, (int)(FloorWindow * 100));
        var range = LocalRange(energy, (int)(RangeWindow * 100));
        var raw = new List<(double Start, double End)>();
        var start = -1;
        for (var i = 0; i < energy.Length; i++)
        {
            var margin = energy[i] - floor[i];
            var modulated = range[i] >= StationaryRange;
            if (start < 0 && margin > _settings.Threshold && modulated)
            {
                start = i;
            }
            else if (start >= 0 && (margin < _settings.Threshold - Hysteresis || !modulated))
            {
                raw.Add((start / 100.0, i / 100.0));
                start = -1;
            }
        }

        if (start >= 0)
        {
            raw.Add((start / 100.0, energy.Length / 100.0));
        }

        var regions = SpeechRegionBuilder.Build(raw, audio.Duration, _settings);
        return SpeechRegionBuilder.ToTrace("energy", null, null, Parameters, audio.Duration, regions, peak, _fallbackReason);
    }

    /// <summary>Mean power per frame; the audio is read one window at a time (a whole number of frames).</summary>
    private static (double[] Power, float Peak) FramePower(PcmAudio audio, int blockSamples, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var power = new double[(int)((audio.SampleCount + FrameSamples - 1) / FrameSamples)];
        var peak = 0f;
        var frame = 0;
        foreach (var (blockStart, samples) in audio.Blocks(blockSamples))
        {
            cancellationToken.ThrowIfCancellationRequested();
            peak = Math.Max(peak, SileroVoiceActivityDetector.Peak(samples));
            for (var offset = 0; offset < samples.Length; offset += FrameSamples, frame++)
            {
                var span = samples.AsSpan(offset, Math.Min(FrameSamples, samples.Length - offset));
                var sum = 0.0;
                foreach (var s in span)
                {
                    sum += s * (double)s;
                }

                power[frame] = sum / span.Length;
            }

            progress?.Report((double)(blockStart + samples.Length) / audio.SampleCount);
        }

        return (power, peak);
    }

    private static double[] Smooth(double[] power)
    {
        var energy = new double[power.Length];
        for (var i = 0; i < power.Length; i++)
        {
            var (lo, hi) = (Math.Max(0, i - SmoothFrames), Math.Min(power.Length - 1, i + SmoothFrames));
            var sum = 0.0;
            for (var j = lo; j <= hi; j++)
            {
                sum += power[j];
            }

            energy[i] = 10 * Math.Log10((sum / (hi - lo + 1)) + 1e-12);
        }

        return energy;
    }

    /// <summary>The spread (max − min, dB) of the energy within ±<paramref name="half"/> frames of each frame.</summary>
    private static double[] LocalRange(double[] energy, int half)
    {
        var negated = energy.Select(e => -e).ToArray();
        var lowAfter = SlidingMinimum(energy, (2 * half) + 1, forward: false);
        var highAfter = SlidingMinimum(negated, (2 * half) + 1, forward: false);
        var range = new double[energy.Length];
        for (var i = 0; i < energy.Length; i++)
        {
            var from = Math.Max(0, i - half);
            range[i] = -highAfter[from] - lowAfter[from];
        }

        return range;
    }

    private static double[] NoiseFloor(double[] energy, int window)
    {
        var before = SlidingMinimum(energy, window, forward: true);
        var after = SlidingMinimum(energy, window, forward: false);
        var floor = new double[energy.Length];
        for (var i = 0; i < energy.Length; i++)
        {
            floor[i] = Math.Max(MinimumFloorDb, Math.Max(before[i], after[i]));
        }

        return floor;
    }

    /// <summary>The minimum over the <paramref name="window"/> frames up to (forward) or from (backward) each frame.</summary>
    private static double[] SlidingMinimum(double[] values, int window, bool forward)
    {
        var result = new double[values.Length];
        var deque = new LinkedList<int>();
        for (var step = 0; step < values.Length; step++)
        {
            var i = forward ? step : values.Length - 1 - step;
            while (deque.Count > 0 && values[deque.Last!.Value] >= values[i])
            {
                deque.RemoveLast();
            }

            deque.AddLast(i);
            if (Math.Abs(deque.First!.Value - i) >= window)
            {
                deque.RemoveFirst();
            }

            result[i] = values[deque.First!.Value];
        }

        return result;
    }
}
