namespace Minutes.Pipeline;

/// <summary>Where <c>minutes transcribe</c> may stop early.</summary>
public enum StopAfter
{
    None,
    Audio,
    Vad,
    Transcript,
    Speakers,
    Sessions,
}
