namespace Minutes.Keeping;

/// <summary>
/// A file in the archive: its path in the run and the zip, the digest the tool recorded (approvals
/// bind it), and the digest of the archived bytes when personal information was redacted in them.
/// </summary>
public sealed record ArchivedFile(string Path, string Sha256, string? RedactedSha256 = null);
