using Minutes.Drafting;

namespace Minutes.Provenance;

/// <summary>
/// How one statement (m0001…) or transcript segment (s0001…) came to be, from the statement back
/// to the sound: how it was made, how it was verified, the segments it cites (time, speaker, text,
/// confidence, chunk, VAD region), the speakers' evidence and the sessions' boundaries. The same
/// model is printed by <c>minutes explain</c> and shown in the review page's provenance panel.
/// </summary>
public sealed record ProvenanceChain(
    string Id,
    StatementStep? Statement,
    MakingStep? Made,
    ItemVerification? Verification,
    IReadOnlyList<SegmentStep> Segments,
    IReadOnlyList<SpeakerStep> Speakers,
    IReadOnlyList<SessionStep> Sessions,
    IReadOnlyList<string> CitedBy);
