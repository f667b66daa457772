using System.Globalization;

namespace Minutes.Transcription;

/// <summary>
/// How Whisper decodes a window: beam search or greedy, and the temperature fallback. Each
/// default is stated once, here, and the help texts and docs read it from here.
/// </summary>
/// <remarks>
/// The defaults are those of whisper.cpp's command-line tool (<c>examples/cli/cli.cpp</c>:
/// <c>beam_size</c> and <c>best_of</c> are <c>whisper_full_default_params</c>' 5 and 5,
/// <c>temperature_inc</c> 0.2, <c>logprob_thold</c> −1.0, <c>no_speech_thold</c> 0.6) and of
/// OpenAI's <c>transcribe()</c> (<c>compression_ratio_threshold</c> 2.4, the same number as
/// whisper.cpp's <c>entropy_thold</c>, which approximates it). whisper.cpp's CLI decodes with
/// beam search unless told otherwise, and so does Minutes; <c>--fast</c> is greedy.
/// </remarks>
public sealed record WhisperDecoding
{
    public const int DefaultBeamSize = 5;
    public const int DefaultBestOf = 5;
    public const double DefaultTemperatureIncrement = 0.2;
    public const double DefaultCompressionRatioThreshold = 2.4;
    public const double DefaultLogProbThreshold = -1.0;
    public const double DefaultNoSpeechThreshold = 0.6;

    /// <summary>whisper.cpp runs at most this many decoders at once (<c>WHISPER_MAX_DECODERS</c>).</summary>
    public const int MaxBeamSize = 8;

    /// <summary>1 is greedy decoding; more is beam search with that many beams.</summary>
    public int BeamSize { get; init; } = DefaultBeamSize;

    /// <summary>Candidates sampled at a temperature above 0 (after a fallback), the best kept.</summary>
    public int BestOf { get; init; } = DefaultBestOf;

    /// <summary>Decode again at a higher temperature when a window fails the compression-ratio or average-log-probability test.</summary>
    public bool TemperatureFallback { get; init; } = true;

    public double TemperatureIncrement { get; init; } = DefaultTemperatureIncrement;

    public double CompressionRatioThreshold { get; init; } = DefaultCompressionRatioThreshold;

    public double LogProbThreshold { get; init; } = DefaultLogProbThreshold;

    public double NoSpeechThreshold { get; init; } = DefaultNoSpeechThreshold;

    /// <summary>
    /// The most tokens decoded in one window, then the window ends (0 = Whisper's own limit). Only
    /// the bench sets it: random weights would otherwise decode to the 224-token limit.
    /// </summary>
    public int MaxTokensPerWindow { get; init; }

    /// <summary>
    /// The tokens a second of Japanese speech decodes to, used to bound the decoder when only its
    /// cost is wanted (the speed measurement, <c>bench/run asr</c>): 5 characters per second (NHK's
    /// announcers' 300 characters a minute; a committee's speech is no faster) × 1.2 Whisper tokens
    /// per Japanese character (an estimate for Whisper's byte-level BPE: common kana and kanji are
    /// one token, rarer kanji two or three; not measured here, where no real vocabulary exists) + a
    /// timestamp pair per ~5 s segment.
    /// </summary>
    public const double TypicalTokensPerSecond = (5 * 1.2) + 0.4;

    /// <summary>
    /// These settings as a timing run uses them: the decoder ends a window after the tokens that
    /// <paramref name="chunkSeconds"/> of speech decode to, so random weights (which never say
    /// end-of-text greedily) cost what real ones do, and no temperature fallback (random weights fail
    /// every quality test; its cost is the bench's own row). Greedy, whatever the beam: beam search
    /// on random weights ends after about 4 tokens a window against a bound of 159 (bench/RESULTS.md,
    /// 2026-11-30 02:09, "tokens per window"), so it would time the encoder alone. A timing is
    /// therefore a floor for beam search, whose real cost per token is higher.
    /// </summary>
    public WhisperDecoding ForTiming(double chunkSeconds) => this with
    {
        BeamSize = 1,
        TemperatureFallback = false,
        MaxTokensPerWindow = (int)Math.Ceiling(TypicalTokensPerSecond * chunkSeconds),
    };

    /// <summary>One rule for the settings a person can give: a beam whisper.cpp can run, at least one processor.</summary>
    public static void Check(int beamSize, int processors)
    {
        if (processors < 1 || beamSize is < 1 or > MaxBeamSize)
        {
            throw new Runs.MinutesException(Text.Messages.Get("WhisperDecodingInvalid", beamSize, MaxBeamSize, processors), Runs.ExitCodes.Usage);
        }
    }

    /// <summary>Greedy decoding (<c>--fast</c>).</summary>
    public static WhisperDecoding Greedy { get; } = new() { BeamSize = 1 };

    /// <summary>0, 0.2, 0.4 … 1.0 with fallback; 0 alone without.</summary>
    public IReadOnlyList<double> Temperatures =>
        TemperatureFallback && TemperatureIncrement > 0
            ? Enumerable.Range(0, (int)Math.Floor((1.0 + 1e-6) / TemperatureIncrement) + 1).Select(i => Math.Round(i * TemperatureIncrement, 3)).ToList()
            : [0.0];

    /// <summary>The settings as they go into the manifest, <c>03-transcript.json</c> and the chunk fingerprint.</summary>
    public IEnumerable<KeyValuePair<string, string>> Describe()
    {
        yield return new("decoding", BeamSize > 1 ? "beam" : "greedy");
        yield return new("beamSize", I(BeamSize));
        yield return new("bestOf", I(BestOf));
        yield return new("temperatureFallback", TemperatureFallback ? string.Join(',', Temperatures.Select(I)) : "off");
        yield return new("compressionRatioThreshold", I(CompressionRatioThreshold));
        yield return new("logProbThreshold", I(LogProbThreshold));
        yield return new("noSpeechThreshold", I(NoSpeechThreshold));
        if (MaxTokensPerWindow > 0)
        {
            yield return new("maxTokensPerWindow", I(MaxTokensPerWindow));
        }
    }

    private static string I(double value) => value.ToString(CultureInfo.InvariantCulture);
}
