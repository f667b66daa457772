namespace Minutes.Provenance;

/// <summary>A transcript segment with where it came from: its time, speaker, text, confidence, Whisper chunk and VAD region.</summary>
public sealed record SegmentStep(
    string Id,
    double Start,
    double End,
    string? Speaker,
    string? SpeakerName,
    string Text,
    double? Confidence,
    int? Chunk,
    double? ChunkStart,
    double? ChunkEnd,
    string? RegionId,
    double? RegionStart,
    double? RegionEnd,
    IReadOnlyList<string>? Flags = null);
