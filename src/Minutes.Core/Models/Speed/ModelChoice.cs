namespace Minutes.Models;

/// <summary>
/// What <c>--model auto</c> chose: the model and its file, the target (at most
/// <see cref="MaxRtf"/> × the recording's length), the estimate for this recording, and the
/// reason in one line, which the run records so that a reviewer sees why.
/// </summary>
public sealed record ModelChoice(string Model, string Path, double MaxRtf, double RecordingSeconds, double EstimatedSeconds, string Reason);
