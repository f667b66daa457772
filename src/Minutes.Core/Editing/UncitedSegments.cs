using Minutes.Drafting;
using Minutes.Rendering;
using Minutes.Text;

namespace Minutes.Editing;

/// <summary>
/// What the draft left out: per agenda part, the segments no statement cites that say something
/// of substance. Procedure (the chair's formulas, 異議なし, naming the next speaker: the
/// <see cref="ProcedureClassifier"/> the drafter uses, sentence by sentence) and fillers do not
/// count; a segment with fewer than <see cref="MinimumLetters"/> letters or digits after the
/// fillers are removed (「はい。」) does not either. Dropped segments are not in the transcript.
/// </summary>
public static class UncitedSegments
{
    /// <summary>Fewer letters and digits than this, after fillers, is an acknowledgement, not substance.</summary>
    public const int MinimumLetters = 5;

    private static readonly char[] SentenceEnds = ['。', '？', '！', '?', '!'];

    public static IReadOnlyList<UncitedPart> Find(RunArtifacts artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var labels = DocumentLabels.Japanese;
        var cited = artifacts.Minutes.Sections.SelectMany(s => s.Items).SelectMany(i => i.Citations).ToHashSet(StringComparer.Ordinal);
        string? NameOf(string id) => artifacts.SpeakerName(artifacts.SpeakerIdOfSegment(id), labels);
        var classifier = ProcedureClassifier.For(artifacts.Transcript.Segments.Select(s => NameOf(s.Id)).OfType<string>().Distinct(StringComparer.Ordinal));
        var parts = artifacts.Sessions is { Sessions.Count: > 0 } plan
            ? plan.Sessions.Select(s => (s.Id, s.Title, Ids: (IReadOnlyList<string>)s.SegmentIds)).ToList()
            : [(Id: "all", Title: artifacts.Minutes.Header.MeetingName, Ids: artifacts.Transcript.Segments.Select(s => s.Id).ToList())];
        var result = new List<UncitedPart>();
        foreach (var (id, title, ids) in parts)
        {
            var segments = ids
                .Where(s => !cited.Contains(s) && artifacts.Segments.ContainsKey(s))
                .Select(s => artifacts.Segments[s])
                .Where(s => IsSubstantive(s.Text, NameOf(s.Id), classifier))
                .Select(s => new UncitedSegment(s.Id, s.Start, s.End, NameOf(s.Id), s.Text))
                .ToList();
            if (segments.Count > 0)
            {
                result.Add(new UncitedPart(id, title, segments));
            }
        }

        return result;
    }

    private static bool IsSubstantive(string text, string? speaker, ProcedureClassifier classifier)
    {
        var sentences = text.Split(SentenceEnds, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return sentences.Any(sentence =>
            Fillers.Remove(sentence).Count(char.IsLetterOrDigit) >= MinimumLetters
            && !classifier.IsProcedure(sentence + "。", speaker));
    }
}
