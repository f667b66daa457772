using Minutes.Sessions;
using Minutes.Text;
using Minutes.Transcription;

namespace Minutes.Drafting;

/// <summary>
/// Checks every statement against what was said: its citations must name segments of its own
/// session, and every number, amount and date in it must occur in the cited segments (compared
/// after normalising full-width digits, kanji numerals and 万/億). A statement that fails is kept
/// and flagged <c>unsupported</c> with the reasons; nothing unverified is presented as fact.
/// </summary>
public static class MinutesVerifier
{
    public static MinutesDocument Verify(MinutesDocument minutes, Transcript transcript, SessionPlan sessions)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(sessions);
        var segments = transcript.Segments.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var sessionOf = sessions.Sessions.SelectMany(s => s.SegmentIds.Select(id => (id, s.Id))).GroupBy(p => p.id).ToDictionary(g => g.Key, g => g.First().Item2, StringComparer.Ordinal);
        var sections = minutes.Sections.Select(section => section with
        {
            Items = section.Items.Select(item => item with { Verification = Check(item, section.SessionId, segments, sessionOf) }).ToList(),
        }).ToList();
        return minutes with { Sections = sections };
    }

    private static ItemVerification Check(MinutesItem item, string sessionId, Dictionary<string, TranscriptSegment> segments, Dictionary<string, string> sessionOf)
    {
        var reasons = new List<string>();
        if (item.Citations.Count == 0)
        {
            reasons.Add("no citation");
        }

        foreach (var id in item.Citations)
        {
            if (!segments.ContainsKey(id))
            {
                reasons.Add($"cites {id}, which is not in the transcript");
            }
            else if (sessionOf.TryGetValue(id, out var other) && other != sessionId)
            {
                reasons.Add($"cites {id} of another session ({other})");
            }
        }

        var cited = string.Concat(item.Citations.Where(segments.ContainsKey).Select(id => segments[id].Text));
        var said = JapaneseText.FindNumbers(cited).Select(n => n.Value).ToHashSet();
        foreach (var number in JapaneseText.FindNumbers(item.Text).Where(n => !said.Contains(n.Value)))
        {
            reasons.Add($"「{number.Written}」 is not in the cited segments");
        }

        foreach (var field in new[] { item.Due }.OfType<string>())
        {
            foreach (var number in JapaneseText.FindNumbers(field).Where(n => !said.Contains(n.Value)))
            {
                reasons.Add($"「{number.Written}」 is not in the cited segments");
            }
        }

        // The owner is a speaker (an id such as S4, or a role name): not a figure to check.
        return reasons.Count == 0
            ? new ItemVerification(ItemVerification.Supported, [])
            : new ItemVerification(ItemVerification.Unsupported, reasons.Distinct(StringComparer.Ordinal).ToList());
    }
}
