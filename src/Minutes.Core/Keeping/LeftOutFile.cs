namespace Minutes.Keeping;

/// <summary>A file of the record not in the archive, with the digest it had and why it is left out (recording, working data, view, outside the run, purged).</summary>
public sealed record LeftOutFile(string Path, string? Sha256, string Reason);
