namespace Minutes.Review.Workbench;

/// <summary>
/// A transcript segment as the workbench shows it: the current text and speaker, and the digest
/// an edit sends back so that an edit made on a stale page is refused (version check).
/// </summary>
public sealed record WorkbenchSegment(string Id, string Text, string? Speaker, string? SpeakerName, string Digest);
