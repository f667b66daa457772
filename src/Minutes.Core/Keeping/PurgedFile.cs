namespace Minutes.Keeping;

/// <summary>A file a purge removed (<see cref="After"/> null) or rewrote with personal information redacted, and the digest it had (the one approvals bound).</summary>
public sealed record PurgedFile(string Path, string Sha256, string? After);
