namespace Minutes.Runs;

/// <summary>
/// What the manifest knows of <c>approvals.json</c>: how many approvals it holds and the digest
/// of the last one. Written with every approval, so that a deleted log or a removed last entry
/// (which leaves the hash chain of the rest intact) no longer matches the manifest.
/// </summary>
public sealed record ApprovalSeal(int Count, string Last);
