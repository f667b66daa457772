using System.Globalization;

namespace Minutes.Vad;

/// <summary>
/// The settings of a voice activity detector. <see cref="Threshold"/> is a speech probability for
/// Silero and a margin in dB above the noise floor for the energy detector; durations are seconds.
/// </summary>
public sealed record VadSettings
{
    public required double Threshold { get; init; }

    /// <summary>
    /// Silero only: speech, once started at <see cref="Threshold"/>, lasts until the probability
    /// falls below this. Null: <see cref="Threshold"/> − 0.15 (at least 0.01), the rule of Silero's
    /// own post-processing and of whisper.cpp.
    /// </summary>
    public double? OffsetThreshold { get; init; }

    /// <summary>
    /// Silero only: a start moves back, by at most this many seconds, over the frames before it that
    /// reach the offset threshold (hysteresis on both sides; Silero's and whisper.cpp's own rule
    /// applies it to the end only). 0 = off.
    /// </summary>
    public double StartExtension { get; init; }

    /// <summary>The offset threshold in force: <see cref="OffsetThreshold"/>, else threshold − 0.15.</summary>
    public double Offset => OffsetThreshold ?? TiedOffset;

    /// <summary>whisper.cpp's and Silero's own offset: threshold − 0.15 (at least 0.01).</summary>
    public double TiedOffset => Math.Max(0.01, Threshold - 0.15);

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
    /// late, starts on time; at 0.3 up to 0.2 s late), so it gets no padding. The thresholds were
    /// chosen on real far-field meeting speech (AMI tuning excerpts) together with the synthesized
    /// samples (docs/notes/speakers.md): onset 0.3 (was 0.5, Silero's own default; speech F1 0.930 →
    /// 0.942, samples 0.983 → 0.981), then, with Silero's probabilities read per frame, onset 0.25 with
    /// the offset held at 0.15 (whisper.cpp would tie it to 0.10) and starts moved back by up to
    /// 0.1 s over frames at the offset level: quiet onsets and short back-channels of far talkers
    /// were cut or dropped (AMI tuning speech F1 0.935 → 0.945, VAD miss 11.3 → 9.5 %; samples' DER
    /// 1.2 → 1.1 %, counts unchanged; their speech F1 0.9883 → 0.9880, the earlier starts counted
    /// against the TTS truth's exact onsets). A louder input does not help:
    /// Silero's scores hardly change with level, and a per-window gain made things worse; 0.2 found a
    /// fifth voice in a sample (with the tied offset), and shorter minimum durations cost the samples
    /// DER or added false alarms.
    /// </summary>
    public static VadSettings SileroDefaults { get; } = new() { Threshold = 0.25, OffsetThreshold = 0.15, StartExtension = 0.1, Padding = 0 };

    public static VadSettings EnergyDefaults { get; } = new() { Threshold = 10 };

    /// <summary>The settings as they go into the trace and the manifest.</summary>
    public Dictionary<string, string> ToDictionary(string detector)
    {
        static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["detector"] = detector,
            ["threshold"] = F(Threshold),
            ["minSpeech"] = F(MinSpeech),
            ["minSilence"] = F(MinSilence),
            ["padding"] = F(Padding),
            ["window"] = F(Window),
            ["windowOverlap"] = F(WindowOverlap),
        };
        if (detector == "silero" && OffsetThreshold is { } offset)
        {
            settings["offsetThreshold"] = F(offset);
        }

        if (detector == "silero" && StartExtension > 0)
        {
            settings["startExtension"] = F(StartExtension);
        }

        return settings;
    }

    internal void Validate()
    {
        if (Window < 10 || WindowOverlap < 0 || WindowOverlap * 2 >= Window || MinSpeech < 0 || MinSilence < 0 || Padding < 0 || StartExtension < 0)
        {
            throw new ArgumentException("VAD settings out of range: window ≥ 10 s, overlap < window / 2, durations ≥ 0.");
        }
    }
}
