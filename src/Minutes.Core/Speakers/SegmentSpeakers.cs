using Minutes.Transcription;

namespace Minutes.Speakers;

/// <summary>
/// The speaker id of a transcript segment, as every later stage reads it: the speakers stage's
/// assignment first (the first one when a segment is listed twice), then the segment's own field
/// (an imported transcript names its speakers).
/// </summary>
public sealed class SegmentSpeakers
{
    private readonly Dictionary<string, string> _assigned;

    public SegmentSpeakers(SpeakerMap? map) =>
        _assigned = (map?.Segments ?? []).GroupBy(a => a.SegmentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Speaker, StringComparer.Ordinal);

    public string? Of(TranscriptSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return Of(segment.Id, segment.Speaker);
    }

    /// <summary>The assigned speaker of <paramref name="segmentId"/>, else <paramref name="own"/>.</summary>
    public string? Of(string segmentId, string? own) => _assigned.GetValueOrDefault(segmentId) ?? own;
}
