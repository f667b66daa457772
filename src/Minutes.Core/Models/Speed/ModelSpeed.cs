namespace Minutes.Models;

/// <summary>
/// How fast one Whisper model transcribed the speed clip on this machine: <see cref="Rtf"/> is
/// processing seconds per second of audio (model loading included). When the measurement was cut
/// short by its time bound (<see cref="Finished"/> false), <see cref="Rtf"/> is a lower bound.
/// </summary>
public sealed record ModelSpeed(
    string Model,
    string ModelSha256,
    SpeedConditions Conditions,
    double ClipSeconds,
    double Seconds,
    double Rtf,
    bool Finished,
    DateTimeOffset MeasuredAt)
{
    /// <summary>
    /// The one-minute load average when the measurement ended (Linux only): other work on the machine
    /// slows a measurement, and <c>models measure --again</c> replaces one taken on a busy machine.
    /// </summary>
    public double? LoadAverage { get; init; }

    /// <summary>Processing seconds for <paramref name="audioSeconds"/> of speech sent to Whisper.</summary>
    public double Estimate(double audioSeconds) => Rtf * audioSeconds;
}
