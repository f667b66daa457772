using Minutes.Drafting;
using Minutes.Editing;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Sessions;
using Minutes.Speakers;
using Minutes.Transcription;

namespace Minutes.Rendering;

/// <summary>
/// The artifacts every document is rendered from: the structured minutes (07, or the edited
/// minutes derived from it and the reviewers' edits when the run has edits), the transcript
/// (03) the minutes cite, and, when the run has them, the speakers (04) and sessions (05).
/// </summary>
public sealed class RunArtifacts
{
    private readonly Dictionary<string, Speaker> _speakers;
    private readonly SegmentSpeakers _assignments;
    private readonly Dictionary<string, int> _order;

    public RunArtifacts(MinutesDocument minutes, Transcript transcript, SpeakerMap? speakers = null, SessionPlan? sessions = null)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        ArgumentNullException.ThrowIfNull(transcript);
        Minutes = minutes;
        Transcript = transcript;
        Speakers = speakers;
        Sessions = sessions;
        _speakers = (speakers?.Speakers ?? []).GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _assignments = new SegmentSpeakers(speakers);
        _order = transcript.Segments.Select((s, i) => (s.Id, i)).GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        Segments = transcript.Segments.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public MinutesDocument Minutes { get; }

    public Transcript Transcript { get; }

    public SpeakerMap? Speakers { get; }

    public SessionPlan? Sessions { get; }

    /// <summary>Transcript segments by id.</summary>
    public IReadOnlyDictionary<string, TranscriptSegment> Segments { get; }

    /// <summary>The run-relative files <see cref="Load"/> reads when they exist.</summary>
    public static IReadOnlyList<string> InputFiles(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new[] { EditedMinutes.CurrentFile(run), run.CurrentTranscript, run.CurrentSpeakers, RunFolder.SessionsTrace }
            .OfType<string>()
            .Where(run.Exists)
            .ToList();
    }

    public static RunArtifacts Load(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var minutes = run.Read(EditedMinutes.CurrentFile(run), MinutesJson.Context.MinutesDocument);
        var transcript = run.Read(run.CurrentTranscript, MinutesJson.Context.Transcript);
        var speakers = run.CurrentSpeakers is { } current ? run.Read(current, MinutesJson.Context.SpeakerMap) : null;
        var sessions = run.Exists(RunFolder.SessionsTrace) ? run.Read(RunFolder.SessionsTrace, MinutesJson.Context.SessionPlan) : null;
        return new RunArtifacts(minutes, transcript, speakers, sessions);
    }

    /// <summary>The speaker record behind an id (S1…), or null when the id is not in the speaker map.</summary>
    public Speaker? SpeakerById(string? id) => id is not null && _speakers.TryGetValue(id, out var speaker) ? speaker : null;

    /// <summary>The speaker id of a segment: the speakers stage's assignment first, then the segment's own field.</summary>
    public string? SpeakerIdOfSegment(string segmentId) =>
        _assignments.Of(segmentId, Segments.GetValueOrDefault(segmentId)?.Speaker);

    /// <summary>The display name for a speaker id or a name (without a leading ○).</summary>
    public string? SpeakerName(string? idOrName, DocumentLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (string.IsNullOrWhiteSpace(idOrName))
        {
            return null;
        }

        var name = SpeakerById(idOrName)?.Name ?? idOrName;
        return name.StartsWith(labels.SpeakerMark, StringComparison.Ordinal) ? name[labels.SpeakerMark.Length..] : name;
    }

    /// <summary>Who said a statement: its own speaker, else the speaker of its first cited segment.</summary>
    public string? SpeakerOfItem(MinutesItem item, DocumentLabels labels)
    {
        ArgumentNullException.ThrowIfNull(item);
        var id = item.Speaker ?? item.Citations.Select(SpeakerIdOfSegment).FirstOrDefault(s => s is not null);
        return SpeakerName(id, labels);
    }

    /// <summary>
    /// The citations as a compact reference: runs of consecutive transcript segments joined
    /// with a range sign (s0012–s0014), others listed; unknown ids are kept as written.
    /// </summary>
    public string CompactCitations(IReadOnlyList<string> citations, DocumentLabels labels)
    {
        ArgumentNullException.ThrowIfNull(citations);
        ArgumentNullException.ThrowIfNull(labels);
        var known = citations.Distinct(StringComparer.Ordinal).Where(_order.ContainsKey).OrderBy(c => _order[c]).ToList();
        var parts = new List<string>();
        var i = 0;
        while (i < known.Count)
        {
            var j = i;
            while (j + 1 < known.Count && _order[known[j + 1]] == _order[known[j]] + 1)
            {
                j++;
            }

            parts.Add(j == i ? known[i] : known[i] + labels["CitationRange"] + known[j]);
            i = j + 1;
        }

        parts.AddRange(citations.Distinct(StringComparer.Ordinal).Where(c => !_order.ContainsKey(c)));
        return labels["CitationOpen"] + string.Join(labels.ListSeparator, parts) + labels["CitationClose"];
    }
}
