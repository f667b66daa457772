namespace Minutes.Review;

/// <summary>
/// What <c>minutes approve</c> asks for: the reviewer, an optional comment, the reason for
/// accepting flagged statements, the private key to sign with, and how long to wait for the lock.
/// </summary>
public sealed record ApprovalRequest(string Reviewer, string? Comment = null, string? AcceptFlagsReason = null, string? KeyFile = null)
{
    public TimeSpan LockTimeout { get; init; } = ApprovalLock.DefaultTimeout;

    /// <summary>The private key as PEM text (the workbench's key file, read by the page), instead of <see cref="KeyFile"/>.</summary>
    public string? KeyPem { get; init; }
}
