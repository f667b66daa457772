namespace Minutes.Models;

/// <summary>What a pull did: the file, its sha256, and what the digest was checked against.</summary>
public sealed record PullResult(string Path, long Bytes, string Sha256, string Verification, bool AlreadyPresent);
