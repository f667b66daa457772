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
    /// <summary>The kind of meeting (from 種別 or inferred) and how it was chosen; prompts and layouts read it.</summary>
    public MeetingKindChoice? Kind { get; init; }

    /// <summary>Names (one per entry) that are personal information wherever they are said (<c>--roster</c>).</summary>
    public IReadOnlyList<string> Roster { get; init; } = [];

    /// <summary>The personal information a remote LLM must not see at level 2: the roster, the speakers' personal names, and what the detector finds in the text.</summary>
    public IReadOnlyList<PersonalInfoFinding> PersonalInformation(string action) =>
        (_found ??= PersonalInfoDetector.Find(Transcript, People, string.Empty, (Speakers?.Speakers ?? []).Select(s => s.Name)))
            .Select(f => f with { Action = action }).ToList();

    /// <summary>Every text to mask: what was found in the transcript, and the roster and the speakers' personal names even where only the speaker field carries them.</summary>
    public IReadOnlyList<string> MaskedTexts() =>
        PersonalInformation("masked").Select(f => f.Text)
            .Concat(People.Where(n => n.Length > 1))
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

    /// <summary>
    /// The minutes' header, the same for every drafter: the meeting file's name, date and place,
    /// the given attendees, the agenda items' titles in order, and the meeting file's roll and
    /// other keys. 開会 and 閉会 are the file's, or 日時's time of day moved on to the first and the
    /// last speech.
    /// </summary>
    public MinutesHeader Header(IReadOnlyList<string> attendees)
    {
        var spoken = Transcript.Segments.Where(s => s.Text.Trim().Length > 0).ToList();
        return new(
            Meeting.Name ?? string.Empty,
            Meeting.Date,
            Meeting.Place,
            attendees,
            Sessions.Sessions.Where(s => s.Kind == SessionKinds.Item).Select(s => s.Title).Distinct(StringComparer.Ordinal).ToList(),
            Meeting.Opened ?? (spoken.Count == 0 ? null : Meeting.TimeAfterStart(TimeSpan.FromSeconds(spoken.Min(s => s.Start)))),
            Meeting.Closed ?? (spoken.Count == 0 ? null : Meeting.TimeAfterStart(TimeSpan.FromSeconds(spoken.Max(s => s.End)))),
            Meeting.Present,
            Meeting.Absent,
            Meeting.Explainers,
            Meeting.Staff,
            Meeting.Signers,
            Meeting.Other.Count == 0 ? null : Meeting.Other);
    }

    /// <summary>The roster and the meeting file's roll as one list of names (the roll's names are public persons).</summary>
    public IReadOnlyList<string> People => [.. Roster.Concat(Meeting.Roll.Select(m => m.Name)).Distinct(StringComparer.Ordinal)];
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
