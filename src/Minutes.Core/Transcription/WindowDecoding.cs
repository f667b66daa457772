namespace Minutes.Transcription;

/// <summary>One segment as Whisper returned it, on the window's own timeline (seconds).</summary>
public sealed record DecodedSegment(double Start, double End, string Text, double? Probability, double? NoSpeechProbability);

/// <summary>
/// What decoding one window gave: its segments, the temperature of the attempt that was kept, and
/// how many times the encoder ran (Whisper's 30 s windows: more than one when Whisper seeks within the chunk).
/// </summary>
public sealed record WindowDecoding(
    IReadOnlyList<DecodedSegment> Segments,
    double Temperature,
    int EncoderRuns)
{
    /// <summary>The tokens the kept attempt decoded (text and timestamps): what the decoder's cost grows with.</summary>
    public int Tokens { get; init; }

    public bool FellBack => Temperature > 0;
}
