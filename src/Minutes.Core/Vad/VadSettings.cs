using System.Globalization;

namespace Minutes.Vad;

/// <summary>
/// The settings of a voice activity detector. <see cref="Threshold"/> is a speech probability for
/// Silero and a margin in dB above the noise floor for the energy detector; durations are seconds.
/// </summary>
public sealed record VadSettings
{
    public required double Threshold { get; init; }

    /// <summary>Speech shorter than this (after gaps are merged) is dropped as a blip.</summary>
    public double MinSpeech { get; init; } = 0.25;

    /// <summary>Pauses shorter than this do not split a region.</summary>
    public double MinSilence { get; init; } = 0.5;

    /// <summary>Added before and after every region, so word onsets and tails are kept.</summary>
    public double Padding { get; init; } = 0.1;

    /// <summary>The recording is analysed in windows of this length, so memory stays bounded.</summary>
    public double Window { get; init; } = 300;

    /// <summary>Audio read before and after each window so that regions across its edges are seen whole.</summary>
    public double WindowOverlap { get; init; } = 5;

    /// <summary>
    /// Silero holds on after speech ends (measured on the fixture at threshold 0.5: ends 0.05–0.12 s
    /// late, starts on time; at 0.3 up to 0.2 s late), so it gets no padding. The threshold 0.3 (was
    /// 0.5, Silero's own default) was chosen on real far-field meeting speech (AMI tuning excerpts:
    /// speech F1 0.930 → 0.942) together with the synthesized samples (0.983 → 0.981); 0.2 found a
    /// fifth voice in a sample, and shorter minimum durations cost the samples DER (docs/notes/speakers.md).
    /// </summary>
    public static VadSettings SileroDefaults { get; } = new() { Threshold = 0.3, Padding = 0 };

    public static VadSettings EnergyDefaults { get; } = new() { Threshold = 10 };

    /// <summary>The settings as they go into the trace and the manifest.</summary>
    public Dictionary<string, string> ToDictionary(string detector)
    {
        static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["detector"] = detector,
            ["threshold"] = F(Threshold),
            ["minSpeech"] = F(MinSpeech),
            ["minSilence"] = F(MinSilence),
            ["padding"] = F(Padding),
            ["window"] = F(Window),
            ["windowOverlap"] = F(WindowOverlap),
        };
    }

    internal void Validate()
    {
        if (Window < 10 || WindowOverlap < 0 || WindowOverlap * 2 >= Window || MinSpeech < 0 || MinSilence < 0 || Padding < 0)
        {
            throw new ArgumentException("VAD settings out of range: window ≥ 10 s, overlap < window / 2, durations ≥ 0.");
        }
    }
}
