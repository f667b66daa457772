using Minutes.Runs;
using Minutes.Sessions;
using Minutes.Text;
using Minutes.Transcription;

namespace Minutes.Drafting;

/// <summary>
/// The names of <see cref="MeetingKind"/>, their default styles, and the kind of a meeting: the
/// meeting file's 種別 when it gives one, else inferred from who speaks and how the meeting moves
/// on (the words looked for are in <c>Drafting/Resources/meeting-kinds.tsv</c>).
/// </summary>
public static class MeetingKinds
{
    private static readonly KindTable Table = KindTable.Load();

    /// <summary>The kind named as the meeting file writes it (委員会, 本会議, 審議会, 会議, 説明会), or one clear line.</summary>
    public static MeetingKind Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Table.Names.FirstOrDefault(p => p.Value == name.Trim()) is { Value: not null } found
            ? found.Key
            : throw new MinutesException(Messages.Get("MeetingKindUnknown", name, string.Join("|", Table.Names.Values)));
    }

    public static string Name(MeetingKind kind) => Table.Names[kind];

    /// <summary>A 会議録 for a council's committee, sitting or 審議会; a 議事概要 for meetings and briefings.</summary>
    public static DraftStyle DefaultStyle(MeetingKind kind) => kind is MeetingKind.Meeting or MeetingKind.Briefing ? DraftStyle.Overview : DraftStyle.Summary;

    /// <summary>The meeting file's 種別 when it gives one; else the kind inferred from the transcript.</summary>
    public static MeetingKindChoice Choose(MeetingInfo meeting, Transcript transcript, IEnumerable<string> speakerNames, SessionPlan sessions)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(speakerNames);
        ArgumentNullException.ThrowIfNull(sessions);
        if (meeting.Kind is { } given)
        {
            return new MeetingKindChoice(Parse(given), MeetingKindChoice.FromMeetingFile, $"種別: {given}");
        }

        var names = speakerNames.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var text = string.Concat(transcript.Segments.Select(s => JapaneseText.Fold(s.Text)));
        var title = JapaneseText.Fold(meeting.Name ?? string.Empty);
        foreach (var rule in Table.Rules)
        {
            var hit = rule.Where switch
            {
                "speaker" => names.FirstOrDefault(n => rule.Pattern.IsMatch(n)),
                "name" => rule.Pattern.Match(title) is { Success: true } m ? m.Value : null,
                "text" => rule.Pattern.Match(text) is { Success: true } t ? t.Value : null,
                "sessions" => sessions.Sessions.Select(s => s.Title).FirstOrDefault(t => rule.Pattern.IsMatch(JapaneseText.Fold(t))),
                _ => null,
            };
            if (hit is not null)
            {
                return new MeetingKindChoice(rule.Kind, MeetingKindChoice.Inferred, $"{rule.Where} '{hit}' ~ {rule.Pattern}");
            }
        }

        return new MeetingKindChoice(MeetingKind.Committee, MeetingKindChoice.Inferred, "no rule matched: a committee, as before kinds were told apart");
    }

    private sealed record KindRule(MeetingKind Kind, string Where, System.Text.RegularExpressions.Regex Pattern);

    private sealed record KindTable(IReadOnlyDictionary<MeetingKind, string> Names, IReadOnlyList<KindRule> Rules)
    {
        public static KindTable Load()
        {
            var names = new Dictionary<MeetingKind, string>();
            var rules = new List<KindRule>();
            foreach (var line in ResourceLines.Read(new StringReader(ResourceLines.EmbeddedText("Minutes.Drafting.meeting-kinds.tsv"))))
            {
                var fields = line.Split('\t');
                var kind = Enum.Parse<MeetingKind>(fields[1], ignoreCase: true);
                if (fields[0] == "kind")
                {
                    names[kind] = fields[2];
                }
                else
                {
                    rules.Add(new KindRule(kind, fields[0], new System.Text.RegularExpressions.Regex(ChairTitles.Expand(fields[2]), System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))));
                }
            }

            return new KindTable(names, rules);
        }
    }
}
