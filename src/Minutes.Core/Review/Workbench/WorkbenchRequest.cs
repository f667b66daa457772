namespace Minutes.Review.Workbench;

/// <summary>
/// The body of every action the page posts. <c>Operation</c>/<c>Target</c>/<c>Value</c> mean what
/// they mean for <c>minutes correct</c> (text, speaker, rename, merge, replace); <c>Expected</c> is
/// the version the page saw: the segment's digest for a text or speaker edit, the number of
/// corrections for a rename, merge or replace. <c>Statement</c> names a statement to mark as
/// checked, <c>Finding</c>/<c>Decision</c> a personal-information decision (keep, redact),
/// <c>Comment</c>/<c>AcceptFlags</c> an approval, <c>Key</c> the reviewer's PEM private key that
/// signs it; for an edit of the minutes <c>Target</c> is the statement (or what an insert follows),
/// <c>Value</c> the text and <c>Cites</c> an insert's segments.
/// </summary>
public sealed record WorkbenchRequest(
    string? Reviewer = null,
    string? Operation = null,
    string? Target = null,
    string? Value = null,
    string? Expected = null,
    string? Reason = null,
    string? Statement = null,
    string? Finding = null,
    string? Decision = null,
    string? Comment = null,
    string? AcceptFlags = null,
    string? Cites = null,
    string? Key = null);
