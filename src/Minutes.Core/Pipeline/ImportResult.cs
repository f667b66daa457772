using Minutes.Runs;
using Minutes.Sessions;
using Minutes.Transcription.Import;

namespace Minutes.Pipeline;

/// <summary>The run an import made, what was read, and the sessions found.</summary>
public sealed record ImportResult(RunFolder Run, ImportedTranscript Imported, SessionPlan Sessions);
