namespace Minutes.Review.Workbench;

/// <summary>
/// Everything the served page needs to edit: segments (with digests), statements (verified
/// against the current transcript), speakers, findings, the number of corrections (the version
/// of whole-transcript edits) and the approval state.
/// </summary>
public sealed record WorkbenchState(
    string RunId,
    int Corrections,
    IReadOnlyList<WorkbenchSegment> Segments,
    IReadOnlyList<WorkbenchStatement> Statements,
    IReadOnlyList<WorkbenchSpeaker> Speakers,
    IReadOnlyList<WorkbenchFinding> Findings,
    int Reviewers,
    int RequiredReviewers,
    bool Approved);
