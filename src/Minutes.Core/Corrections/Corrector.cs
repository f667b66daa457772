using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Corrections;

/// <summary>
/// Turns what a reviewer asked for into a recorded <see cref="Correction"/>, checked against the
/// transcript as it stands now: an unknown segment or speaker, empty text or a change that changes
/// nothing is refused with one line, and nothing is recorded.
/// </summary>
public static class Corrector
{
    public static Correction Prepare(CorrectedTranscript current, CorrectionRequest request, string reviewer, string? reason, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        var value = request.Value.Trim();
        Correction Made(string before, string after, IReadOnlyList<string> segments) =>
            new(0, request.Operation, reviewer, time, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), request.Target, before, after, segments, string.Empty, string.Empty);

        switch (request.Operation)
        {
            case CorrectionOperation.Text:
            {
                var segment = Segment(current, request.Target);
                Require(value.Length > 0, Messages.Get("CorrectionEmptyText", segment.Id));
                Require(value != segment.Text, Messages.Get("CorrectionSameText", segment.Id, segment.Text));
                return Made(segment.Text, value, [segment.Id]);
            }

            case CorrectionOperation.Speaker:
            {
                var segment = Segment(current, request.Target);
                Label(current, value);
                var before = current.SpeakerOf(segment.Id) ?? string.Empty;
                Require(before != value, Messages.Get("CorrectionSameSpeaker", segment.Id, value));
                return Made(before, value, [segment.Id]);
            }

            case CorrectionOperation.RenameSpeaker:
            {
                var label = Label(current, request.Target.Trim());
                Require(value.Length > 0, Messages.Get("CorrectionEmptyName", label));
                var before = current.Speakers?.Speakers.First(s => s.Id == label).Name ?? label;
                Require(before != value, Messages.Get("CorrectionSameName", label, value));
                return Made(before, value, SegmentsOf(current, label));
            }

            case CorrectionOperation.MergeSpeakers:
            {
                var kept = Label(current, request.Target.Trim());
                var merged = Label(current, value);
                Require(kept != merged, Messages.Get("CorrectionMergeSelf", kept));
                return Made(merged, kept, SegmentsOf(current, merged));
            }

            case CorrectionOperation.Replace:
            {
                var wrong = request.Target;
                Require(wrong.Length > 0, Messages.Get("CorrectionEmptyTerm"));
                Require(wrong != request.Value, Messages.Get("CorrectionSameTerm", wrong));
                var changed = current.Transcript.Segments.Where(s => s.Text.Contains(wrong, StringComparison.Ordinal)).Select(s => s.Id).ToList();
                Require(changed.Count > 0, Messages.Get("CorrectionTermNotFound", wrong));
                return Made(wrong, request.Value, changed);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Operation, null);
        }
    }

    private static Transcription.TranscriptSegment Segment(CorrectedTranscript current, string id)
    {
        var segments = current.Transcript.Segments;
        var segment = segments.FirstOrDefault(s => s.Id == id.Trim());
        Require(segment is not null, segments.Count == 0
            ? Messages.Get("CorrectionNoSegments", id)
            : Messages.Get("CorrectionUnknownSegment", id, segments[0].Id, segments[^1].Id));
        return segment!;
    }

    private static string Label(CorrectedTranscript current, string label)
    {
        var labels = current.SpeakerLabels;
        Require(labels.Contains(label, StringComparer.Ordinal), labels.Count == 0
            ? Messages.Get("CorrectionNoSpeakers", label)
            : Messages.Get("CorrectionUnknownSpeaker", label, string.Join(", ", labels)));
        return label;
    }

    private static List<string> SegmentsOf(CorrectedTranscript current, string label) =>
        current.Transcript.Segments.Where(s => current.SpeakerOf(s.Id) == label).Select(s => s.Id).ToList();

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new MinutesException(message);
        }
    }
}
