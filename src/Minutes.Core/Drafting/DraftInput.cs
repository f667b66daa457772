using Minutes.Policy;
using Minutes.Runs;
using Minutes.Sessions;
using Minutes.Speakers;
using Minutes.Transcription;

namespace Minutes.Drafting;

/// <summary>Everything a drafter reads: the transcript, its speakers and sessions, and the meeting's header.</summary>
public sealed record DraftInput(
    Transcript Transcript,
    SpeakerMap? Speakers,
    SessionPlan Sessions,
    MeetingInfo Meeting,
    DraftStyle Style,
    Confidentiality Confidentiality,
    string? LlmTraceFolder = null)
{
    /// <summary>Names (one per entry) that are personal information wherever they are said (<c>--roster</c>).</summary>
    public IReadOnlyList<string> Roster { get; init; } = [];

    /// <summary>The personal information a remote LLM must not see at level 2: the roster, the speakers' personal names, and what the detector finds in the text.</summary>
    public IReadOnlyList<PersonalInfoFinding> PersonalInformation(string action) =>
        (_found ??= PersonalInfoDetector.Find(Transcript, Roster, string.Empty, (Speakers?.Speakers ?? []).Select(s => s.Name)))
            .Select(f => f with { Action = action }).ToList();

    /// <summary>Every text to mask: what was found in the transcript, and the roster and the speakers' personal names even where only the speaker field carries them.</summary>
    public IReadOnlyList<string> MaskedTexts() =>
        PersonalInformation("masked").Select(f => f.Text)
            .Concat(Roster.Where(n => n.Length > 1))
            .Concat((Speakers?.Speakers ?? []).Select(s => PersonalInfoDetector.PersonalPart(s.Name)).OfType<string>())
            .Distinct(StringComparer.Ordinal).ToList();

    private IReadOnlyList<PersonalInfoFinding>? _found;
    private SegmentSpeakers? _speakerOf;
    private Dictionary<string, string>? _names;

    /// <summary>The speaker id of a segment (from the speakers stage, else as the transcript names it).</summary>
    public string? SpeakerOf(TranscriptSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        _speakerOf ??= new SegmentSpeakers(Speakers);
        return _speakerOf.Of(segment);
    }

    /// <summary>The display name of a speaker id (話者1, 委員長 …).</summary>
    public string NameOf(string? speaker)
    {
        _names ??= (Speakers?.Speakers ?? []).ToDictionary(s => s.Id, s => s.Name, StringComparer.Ordinal);
        return speaker is null ? string.Empty : _names.TryGetValue(speaker, out var name) ? name : speaker;
    }

    /// <summary>The minutes' header, the same for every drafter: the meeting file's name, date and place, the given attendees, and the agenda items' titles in order.</summary>
    public MinutesHeader Header(IReadOnlyList<string> attendees) => new(
        Meeting.Name ?? string.Empty,
        Meeting.Date,
        Meeting.Place,
        attendees,
        Sessions.Sessions.Where(s => s.Kind == SessionKinds.Item).Select(s => s.Title).Distinct(StringComparer.Ordinal).ToList());
}

/// <summary>会議名, 日時, 場所 as the clerk gives them (<c>--meeting FILE</c> with <c>key: value</c> lines).</summary>
public sealed record MeetingInfo(string? Name, string? Date, string? Place)
{
    public static MeetingInfo Empty { get; } = new(null, null, null);

    /// <summary>Reads <c>会議名: …</c>, <c>日時: …</c>, <c>場所: …</c> lines (also name/date/place).</summary>
    public static MeetingInfo Load(string? path)
    {
        if (path is null)
        {
            return Empty;
        }

        if (!File.Exists(path))
        {
            throw new MinutesException($"Meeting file not found: {path}");
        }

        var values = File.ReadAllLines(path)
            .Select(l => l.Split([':', '：'], 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        string? Get(params string[] keys) => keys.Select(k => values.GetValueOrDefault(k)).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        return new MeetingInfo(Get("会議名", "name"), Get("日時", "date"), Get("場所", "place"));
    }
}

/// <summary>Drafts structured minutes; every item cites the segments it rests on.</summary>
public interface IMinutesDrafter
{
    /// <summary>Offline or LLM: whether the transcript leaves the machine.</summary>
    DrafterKind Kind { get; }

    /// <summary>Kind, model and settings, as they go into the manifest.</summary>
    IReadOnlyDictionary<string, string> Parameters { get; }

    Task<MinutesDocument> DraftAsync(DraftInput input, CancellationToken cancellationToken);
}
