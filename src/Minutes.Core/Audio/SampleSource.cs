namespace Minutes.Audio;

/// <summary>
/// Interleaved float samples from one decoder, read block by block. Every container the tool
/// reads is turned into one of these, then downmixed, resampled and written the same way.
/// </summary>
internal interface ISampleSource : IDisposable
{
    int SampleRate { get; }

    int Channels { get; }

    /// <summary>0 to 1 through the input, for progress; null when unknown.</summary>
    double? Position { get; }

    /// <summary>Reads up to <paramref name="count"/> interleaved samples; 0 at the end.</summary>
    int Read(float[] buffer, int offset, int count);
}
