using Minutes.Drafting;

namespace Minutes.Rendering;

/// <summary>One statement as the documents show it: who, what, on which segments, and whether it is flagged.</summary>
public sealed record LaidOutStatement(
    string ItemId,
    string Kind,
    string? Speaker,
    string Text,
    IReadOnlyList<string> Citations,
    string CitationText,
    bool Unsupported,
    string? Owner,
    string? Due);

/// <summary>One agenda part: the course of the discussion, then its questions and answers.</summary>
public sealed record LaidOutSection(
    string SessionId,
    string Title,
    IReadOnlyList<LaidOutStatement> Proceedings,
    IReadOnlyList<LaidOutStatement> QuestionsAndAnswers);

/// <summary>
/// The minutes arranged the way a municipal 会議録 reads: title block, 議事の経過 per agenda
/// part (with its 質疑応答), then 決定事項 and 今後の対応 of the whole meeting. Every renderer
/// (Markdown, text, DOCX, review page) works from this one arrangement.
/// </summary>
public sealed record MinutesLayout(
    MinutesHeader Header,
    IReadOnlyList<LaidOutSection> Sections,
    IReadOnlyList<LaidOutStatement> Decisions,
    IReadOnlyList<LaidOutStatement> Actions)
{
    public IEnumerable<LaidOutStatement> AllStatements =>
        Sections.SelectMany(s => s.Proceedings.Concat(s.QuestionsAndAnswers)).Concat(Decisions).Concat(Actions);

    public static MinutesLayout From(RunArtifacts artifacts, DocumentLabels labels)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentNullException.ThrowIfNull(labels);
        var decisions = new List<LaidOutStatement>();
        var actions = new List<LaidOutStatement>();
        var sections = new List<LaidOutSection>();
        foreach (var section in artifacts.Minutes.Sections)
        {
            var proceedings = new List<LaidOutStatement>();
            var questions = new List<LaidOutStatement>();
            foreach (var item in section.Items)
            {
                var statement = new LaidOutStatement(
                    item.Id,
                    item.Kind,
                    // Members calling out 「異議なし」 are recorded without a speaker.
                    item.Kind == ItemKinds.Procedure && item.Speaker is null ? null : artifacts.SpeakerOfItem(item, labels),
                    OneLine(item.Text),
                    item.Citations,
                    artifacts.CompactCitations(item.Citations, labels),
                    item.Verification?.Status == ItemVerification.Unsupported,
                    item.Owner,
                    item.Due);
                var target = item.Kind switch
                {
                    ItemKinds.Question or ItemKinds.Answer => questions,
                    ItemKinds.Decision => decisions,
                    ItemKinds.Action => actions,
                    _ => proceedings,
                };
                target.Add(statement);
            }

            sections.Add(new LaidOutSection(section.SessionId, OneLine(section.Title), proceedings, questions));
        }

        return new MinutesLayout(artifacts.Minutes.Header, NameAtFirstMention(sections, artifacts.Minutes.Header, labels), decisions, actions);
    }

    /// <summary>
    /// The filing copy: the same arrangement without the citation markers (［s0004–s0006］), which
    /// belong to the review draft, not to the 会議録 that is filed.
    /// </summary>
    public MinutesLayout WithoutCitations()
    {
        static LaidOutStatement Bare(LaidOutStatement s) => s with { CitationText = string.Empty };
        return this with
        {
            Sections = Sections.Select(s => s with { Proceedings = s.Proceedings.Select(Bare).ToList(), QuestionsAndAnswers = s.QuestionsAndAnswers.Select(Bare).ToList() }).ToList(),
            Decisions = Decisions.Select(Bare).ToList(),
            Actions = Actions.Select(Bare).ToList(),
        };
    }

    /// <summary>
    /// The arrangement without agenda parts that hold no statement: a break (休憩) is recorded in
    /// the course of the item it interrupts (「ここで10分間休憩いたします」), not as a heading of its own.
    /// </summary>
    public MinutesLayout WithoutEmptySections() =>
        this with { Sections = Sections.Where(s => s.Proceedings.Count + s.QuestionsAndAnswers.Count > 0).ToList() };

    /// <summary>
    /// A speaker labelled by role alone (委員長, 企画課長) whom the roll names reads
    /// 「○委員長（山本太郎君）」 the first time they speak, in the order the document shows the
    /// statements, and by the label alone after that; 「○田中委員」 already names the member.
    /// </summary>
    private static List<LaidOutSection> NameAtFirstMention(List<LaidOutSection> sections, MinutesHeader header, DocumentLabels labels)
    {
        if (header.Roll.Count == 0)
        {
            return sections;
        }

        var named = new HashSet<string>(StringComparer.Ordinal);
        LaidOutStatement Name(LaidOutStatement s) =>
            s.Speaker is { } label && header.MemberFor(label) is { } member && member.Role == label && named.Add(label)
                ? s with { Speaker = label + labels["RollNameOpen"] + member.Name + labels["RollNameClose"] }
                : s;
        return sections.Select(s =>
        {
            var proceedings = s.Proceedings.Select(Name).ToList();
            return s with { Proceedings = proceedings, QuestionsAndAnswers = s.QuestionsAndAnswers.Select(Name).ToList() };
        }).ToList();
    }

    /// <summary>Text from the transcript or a model may hold line breaks; a statement is one line.</summary>
    public static string OneLine(string text) =>
        string.Join(' ', (text ?? string.Empty).ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The header fields in the order of the title block, with their labels.</summary>
    public IReadOnlyList<(string Label, IReadOnlyList<string> Values)> TitleBlock(DocumentLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        string[] Single(string? value) => [string.IsNullOrWhiteSpace(value) ? labels["NotStated"] : OneLine(value)];
        var block = new List<(string, IReadOnlyList<string>)>
        {
            (labels["MeetingName"], Single(Header.MeetingName)),
            (labels["Date"], Single(Header.Date)),
        };

        // What the meeting file does not give is left out, not marked as missing.
        void Optional(string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                block.Add((label, [OneLine(value)]));
            }
        }

        void Roll(string label, IReadOnlyList<RollMember>? members)
        {
            if (members is { Count: > 0 })
            {
                block.Add((label, [string.Join(labels.ListSeparator, members.Select(m => OneLine(m.Role is null ? m.Name : m.Role + labels["RollSeparator"] + m.Name)))]));
            }
        }

        Optional(labels["Opened"], Header.Opened);
        Optional(labels["Closed"], Header.Closed);
        block.Add((labels["Place"], Single(Header.Place)));
        Roll(labels["Present"], Header.Present);
        Roll(labels["Absent"], Header.Absent);
        Roll(labels["Explainers"], Header.Explainers);
        Roll(labels["Staff"], Header.Staff);
        Roll(labels["Signers"], Header.Signers);
        foreach (var field in Header.Other ?? [])
        {
            Optional(OneLine(field.Key), field.Value);
        }

        // The speakers stand in for the roll only where the meeting file gives none.
        if (Header.Present is null)
        {
            block.Add((labels["Attendees"], Header.Attendees.Count == 0 ? Single(null) : [string.Join(labels.ListSeparator, Header.Attendees.Select(OneLine))]));
        }

        block.Add((labels["Agenda"], Header.Agenda.Count == 0 ? Single(null) : Header.Agenda.Select(OneLine).ToList()));
        return block;
    }

    /// <summary>
    /// Who signs the 会議録: the chair (the roll's member whose role is one of the chair roles, or
    /// the chair's role alone) and the 署名委員, as (role, name) pairs; the name is empty when the
    /// roll does not give it.
    /// </summary>
    public IReadOnlyList<(string Role, string Name)> Signatories(DocumentLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var chairRoles = labels["ChairRoles"].Split(labels.ListSeparator);
        var chair = (Header.Present ?? []).FirstOrDefault(m => m.Role is not null && chairRoles.Contains(m.Role, StringComparer.Ordinal));
        var spokenChair = Header.Attendees.FirstOrDefault(a => chairRoles.Contains(a, StringComparer.Ordinal));
        var list = new List<(string, string)> { chair is null ? (spokenChair ?? labels["SignatureChair"], string.Empty) : (chair.Role!, chair.Name) };
        list.AddRange((Header.Signers ?? []).Select(m => (labels["Signers"], m.Name)));
        return list;
    }

    /// <summary>The words before a statement's text: (問)/(答) for questions and answers.</summary>
    public static string KindPrefix(LaidOutStatement statement, DocumentLabels labels)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(labels);
        return statement.Kind switch
        {
            ItemKinds.Question => labels["Question"],
            ItemKinds.Answer => labels["Answer"],
            _ => string.Empty,
        };
    }

    /// <summary>(担当：…、期限：…) for a follow-up, empty when neither is stated.</summary>
    public static string OwnerAndDue(LaidOutStatement statement, DocumentLabels labels)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(labels);
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(statement.Owner))
        {
            parts.Add(labels["Owner"] + labels.FieldSeparator + OneLine(statement.Owner));
        }

        if (!string.IsNullOrWhiteSpace(statement.Due))
        {
            parts.Add(labels["Due"] + labels.FieldSeparator + OneLine(statement.Due));
        }

        return parts.Count == 0 ? string.Empty : labels["ParenOpen"] + string.Join(labels.ListSeparator, parts) + labels["ParenClose"];
    }
}
