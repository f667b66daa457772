using Minutes.Speakers;
using Minutes.Transcription;

namespace Minutes.Review;

/// <summary>
/// A transcript segment whose speaker the diarizer doubts: most of its time lies in turns marked
/// with a <see cref="TurnDoubts"/> reason (a voice the count was unsure of, a cluster too short to
/// count, a low margin between two voices). The review lists them so the reviewer listens first.
/// </summary>
public sealed record SpeakerDoubt(string SegmentId, string Speaker, string Reason)
{
    /// <summary>The doubtful segments of a run, in transcript order; none without a diarization.</summary>
    public static IReadOnlyList<SpeakerDoubt> Of(IReadOnlyList<TranscriptSegment> segments, SpeakerMap? map)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (map is null || map.Turns.All(t => t.Doubt is null))
        {
            return [];
        }

        var assigned = map.Segments.ToDictionary(a => a.SegmentId, a => a.Speaker, StringComparer.Ordinal);
        var doubts = new List<SpeakerDoubt>();
        foreach (var segment in segments)
        {
            var overlaps = TurnOverlap.By(map.Turns, segment.Start, segment.End, t => t.Doubt);
            var length = segment.End - segment.Start;
            if (overlaps.Count > 0 && assigned.TryGetValue(segment.Id, out var speaker) && overlaps.Sum(o => o.Seconds) * 2 >= length)
            {
                doubts.Add(new SpeakerDoubt(segment.Id, speaker, overlaps[0].Key));
            }
        }

        return doubts;
    }
}
