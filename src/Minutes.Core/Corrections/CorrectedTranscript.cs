using Minutes.Speakers;
using Minutes.Transcription;

namespace Minutes.Corrections;

/// <summary>
/// The transcript and speakers as the reviewers corrected them: the machine's artifacts with
/// every recorded correction applied in order. <see cref="Speakers"/> is null for a run without a
/// speakers stage (an imported transcript that names no speakers); its segments then carry the
/// speaker themselves.
/// </summary>
public sealed record CorrectedTranscript(Transcript Transcript, SpeakerMap? Speakers)
{
    /// <summary>The machine's transcript and speakers with the log replayed over them.</summary>
    public static CorrectedTranscript Replay(Transcript machine, SpeakerMap? speakers, CorrectionLog log)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(log);
        return log.Corrections.Aggregate(new CorrectedTranscript(machine, speakers), (state, c) => state.Apply(c));
    }

    /// <summary>The speaker labels a segment may be moved to.</summary>
    public IReadOnlyList<string> SpeakerLabels =>
        Speakers is { } map
            ? map.Speakers.Select(s => s.Id).ToList()
            : Transcript.Segments.Select(s => s.Speaker).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The speaker label of a segment (the speakers stage's, else the transcript's).</summary>
    public string? SpeakerOf(string segmentId)
    {
        var assigned = Speakers?.Segments.FirstOrDefault(a => a.SegmentId == segmentId)?.Speaker;
        return assigned ?? Transcript.Segments.FirstOrDefault(s => s.Id == segmentId)?.Speaker;
    }

    /// <summary>This state with one correction applied (the correction was checked when it was made).</summary>
    public CorrectedTranscript Apply(Correction correction)
    {
        ArgumentNullException.ThrowIfNull(correction);
        return correction.Operation switch
        {
            CorrectionOperation.Text => WithSegments(s => s.Id == correction.Target ? s with { Text = correction.After } : s),
            CorrectionOperation.Replace => WithSegments(s => correction.Segments.Contains(s.Id) ? s with { Text = s.Text.Replace(correction.Before, correction.After, StringComparison.Ordinal) } : s),
            CorrectionOperation.Speaker => MoveSegment(correction.Target, correction.After),
            CorrectionOperation.RenameSpeaker => Rename(correction.Target, correction.After),
            CorrectionOperation.MergeSpeakers => Merge(correction.Target, correction.Before),
            _ => throw new ArgumentOutOfRangeException(nameof(correction), correction.Operation, null),
        };
    }

    private CorrectedTranscript WithSegments(Func<TranscriptSegment, TranscriptSegment> change) =>
        this with { Transcript = Transcript with { Segments = Transcript.Segments.Select(change).ToList() } };

    private CorrectedTranscript MoveSegment(string segmentId, string label)
    {
        if (Speakers is not { } map)
        {
            return WithSegments(s => s.Id == segmentId ? s with { Speaker = label } : s);
        }

        var assignments = map.Segments.Where(a => a.SegmentId != segmentId).Append(new SpeakerAssignment(segmentId, label));
        var order = Transcript.Segments.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        return this with { Speakers = map with { Segments = assignments.OrderBy(a => order.GetValueOrDefault(a.SegmentId, int.MaxValue)).ToList() } };
    }

    private CorrectedTranscript Rename(string label, string name)
    {
        if (Speakers is not { } map)
        {
            return WithSegments(s => s.Speaker == label ? s with { Speaker = name } : s);
        }

        return this with { Speakers = map with { Speakers = map.Speakers.Select(s => s.Id == label ? s with { Name = name, Source = NameSources.Reviewer, Score = null } : s).ToList() } };
    }

    private CorrectedTranscript Merge(string kept, string merged)
    {
        if (Speakers is not { } map)
        {
            return WithSegments(s => s.Speaker == merged ? s with { Speaker = kept } : s);
        }

        var seconds = map.Speakers.Where(s => s.Id is var id && (id == kept || id == merged)).Sum(s => s.SpeakingSeconds);
        return this with
        {
            Speakers = map with
            {
                Speakers = map.Speakers.Where(s => s.Id != merged).Select(s => s.Id == kept ? s with { SpeakingSeconds = Math.Round(seconds, 3) } : s).ToList(),
                Turns = map.Turns.Select(t => t.Speaker == merged ? t with { Speaker = kept } : t).ToList(),
                Segments = map.Segments.Select(a => a.Speaker == merged ? a with { Speaker = kept } : a).ToList(),
            },
        };
    }
}
