using System.Globalization;
using Minutes.Text;

namespace Minutes.Provenance;

/// <summary>The chain as <c>minutes explain</c> prints it: one step a line, in the user's language (<c>Text/messages.tsv</c>).</summary>
public static class ProvenanceLines
{
    private const string None = "—";

    public static IReadOnlyList<string> Of(ProvenanceChain chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var lines = new List<string>();
        if (chain.Statement is { } statement)
        {
            lines.Add(Messages.Get("ExplainStatement", statement.Id, statement.Kind, statement.Speaker ?? None, statement.SessionId, statement.SectionTitle, statement.Text));
            lines.AddRange(Made(chain.Made));
            if (chain.Verification is { } verification)
            {
                lines.Add(Messages.Get("ExplainVerification", verification.Status, verification.Reasons.Count == 0 ? string.Empty : " — " + string.Join("; ", verification.Reasons)));
            }
        }

        foreach (var segment in chain.Segments)
        {
            lines.Add(Messages.Get(
                "ExplainSegment", segment.Id, Seconds(segment.Start), Seconds(segment.End), segment.SpeakerName is null ? segment.Speaker ?? None : $"{segment.SpeakerName} ({segment.Speaker})",
                segment.Text, segment.Confidence is { } c ? c.ToString("0.###", CultureInfo.InvariantCulture) : None,
                segment.Chunk is { } chunk ? chunk.ToString(CultureInfo.InvariantCulture) + Span(segment.ChunkStart, segment.ChunkEnd) : None,
                segment.RegionId is { } region ? region + Span(segment.RegionStart, segment.RegionEnd) : None));
        }

        if (chain.CitedBy.Count > 0)
        {
            lines.Add(Messages.Get("ExplainCitedBy", string.Join(", ", chain.CitedBy)));
        }

        foreach (var speaker in chain.Speakers)
        {
            lines.Add(Messages.Get("ExplainSpeaker", speaker.Id, speaker.Name, speaker.Source, Number(speaker.Score), speaker.Cluster ?? None, Number(speaker.Margin)));
        }

        foreach (var session in chain.Sessions)
        {
            lines.Add(Messages.Get("ExplainSession", session.Id, session.Title, Seconds(session.Start), Seconds(session.End), session.Reason, session.SegmentId ?? None,
                session.Evidence ?? None, session.Pattern ?? None, session.PauseSeconds is { } pause ? Seconds(pause) : None));
        }

        return lines;
    }

    private static IEnumerable<string> Made(MakingStep? made)
    {
        if (made is null)
        {
            yield return Messages.Get("ExplainNotRecorded");
            yield break;
        }

        if (made.Call is null)
        {
            yield return Messages.Get("ExplainRule", made.Rule ?? None, made.Cue ?? None);
            yield break;
        }

        yield return Messages.Get("ExplainCall", made.Call, made.Model ?? None, made.EndpointHost ?? None, made.Part ?? None, made.Pointer ?? None, made.Fragment ?? None);
        foreach (var part in made.Parts ?? [])
        {
            yield return Messages.Get("ExplainMergedFrom", part.Call ?? None, part.Pointer ?? None, part.Fragment ?? None);
        }
    }

    private static string Seconds(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture) + " s";

    private static string Number(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : None;

    private static string Span(double? start, double? end) =>
        start is { } s && end is { } e ? string.Create(CultureInfo.InvariantCulture, $" ({s:0.000}–{e:0.000} s)") : string.Empty;
}
