namespace Minutes.Pipeline;

/// <summary>
/// One line of the summary <c>transcribe --batch</c> prints: the recording, its run folder, how it
/// came out, the recording's duration (seconds), the statements drafted and the lines that block
/// approval; the one-line reason when it failed. A number is null where the run did not get that far.
/// </summary>
public sealed record BatchEntry(string Recording, string Run, BatchStatus Status, double? Duration, int? Statements, int? Blockers, string? Error);
