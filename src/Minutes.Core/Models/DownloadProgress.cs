namespace Minutes.Models;

/// <summary>Bytes of a download so far, and its total when the server said.</summary>
public readonly record struct DownloadProgress(long Received, long? Total);
