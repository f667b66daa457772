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
    string? Due,
    string? Requester = null,
    string? Answer = null,
    string? Side = null);

/// <summary>A part of an agenda item (説明要旨, 質疑 …) under its heading; the heading is null for the part without one.</summary>
public sealed record LaidOutPart(string? Heading, IReadOnlyList<LaidOutStatement> Statements);

/// <summary>
/// One agenda item: in the verbatim style one part without a heading, every statement in meeting
/// order; in the summary style 説明要旨, 質疑, 意見・要望, 討論, 採決 and the result line, each
/// in meeting order.
/// </summary>
public sealed record LaidOutSection(string SessionId, string Title, IReadOnlyList<LaidOutPart> Parts)
{
    public IEnumerable<LaidOutStatement> Statements => Parts.SelectMany(p => p.Statements);
}

/// <summary>
/// The minutes arranged the way a municipal 会議録 reads: title block, 議事の経過 per agenda
/// item in the order of the meeting, then 決定事項 and 今後の対応 of the whole meeting, which
/// repeat each decision and request with the item as its subject (and the vote, the requester,
/// the addressee and the answer given). Every renderer (Markdown, text, DOCX, review page) works
/// from this one arrangement.
/// </summary>
public sealed record MinutesLayout(
    MinutesHeader Header,
    IReadOnlyList<LaidOutSection> Sections,
    IReadOnlyList<LaidOutStatement> Decisions,
    IReadOnlyList<LaidOutStatement> Actions)
{
    public IEnumerable<LaidOutStatement> AllStatements =>
        Sections.SelectMany(s => s.Statements).Concat(Decisions).Concat(Actions);

    public static MinutesLayout From(RunArtifacts artifacts, DocumentLabels labels)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentNullException.ThrowIfNull(labels);
        var minutes = artifacts.Minutes;
        var verbatim = minutes.Style == DraftStyle.Verbatim;
        var all = minutes.Sections.SelectMany(s => s.Items).GroupBy(i => i.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        // In 決定事項 and 今後の対応 (no speaker shown) a request carries the answer given; in its item the answer follows it.
        LaidOutStatement Laid(MinutesItem item, string? text = null, bool speaker = true) => new(
            item.Id,
            item.Kind,
            // Members calling out 「異議なし」 and the notes of a break are recorded without a speaker.
            !speaker || item.Kind == ItemKinds.Note || (item.Kind == ItemKinds.Procedure && item.Speaker is null) ? null : artifacts.SpeakerOfItem(item, labels),
            OneLine(text ?? (item.Kind == ItemKinds.Note && item.Time is { Length: > 0 } time ? time + labels["NoteSeparator"] + item.Text : item.Text)),
            item.Citations,
            artifacts.CompactCitations(item.Citations, labels),
            item.Verification?.Status == ItemVerification.Unsupported,
            item.Owner,
            item.Due,
            item.Requester,
            !speaker && item.AnswerId is { } answer && all.TryGetValue(answer, out var given) ? OneLine(given.Text) : null,
            item.Side);

        var sections = new List<LaidOutSection>();
        foreach (var section in minutes.Sections)
        {
            if (verbatim)
            {
                // 全文: every utterance and note in order; decisions and requests are in the statements already.
                sections.Add(new LaidOutSection(section.SessionId, OneLine(section.Title), [new LaidOutPart(null, [.. section.Items.Where(i => i.Kind is not (ItemKinds.Decision or ItemKinds.Action)).Select(i => Laid(i))])]));
                continue;
            }

            sections.Add(new LaidOutSection(section.SessionId, OneLine(section.Title), SummaryParts(section, labels, i => Laid(i), (i, t) => Laid(i, t, speaker: true) with { Speaker = null })));
        }

        sections = NotesInPlace(sections);

        var items = minutes.Sections.SelectMany(s => s.Items).ToList();
        var decisions = items.Where(i => i.Kind == ItemKinds.Decision)
            .Select(i => Laid(i, (i.Resolution ?? i.Text) + VoteNote(i.Vote, labels), speaker: false)).ToList();
        var actions = items.Where(i => i.Kind == ItemKinds.Action)
            .Select(i => Laid(i, i.Subject is { Length: > 0 } subject ? labels["SubjectOpen"] + subject + labels["SubjectClose"] + i.Text : i.Text, speaker: false)).ToList();
        return new MinutesLayout(minutes.Header, NameAtFirstMention(sections, minutes.Header, labels), decisions, actions);
    }

    /// <summary>
    /// A part of the meeting that holds only notes and what they note (the resumption, cut off as
    /// 「（再開後）」, with the chair's 「再開いたします。」) is no heading of its own: it closes the item before it.
    /// </summary>
    private static List<LaidOutSection> NotesInPlace(List<LaidOutSection> sections)
    {
        var placed = new List<LaidOutSection>();
        foreach (var section in sections)
        {
            var statements = section.Statements.ToList();
            var noted = statements.Where(s => s.Kind == ItemKinds.Note).SelectMany(s => s.Citations).ToHashSet(StringComparer.Ordinal);
            // The item before is the last one with statements (a break between items is an empty part of its own).
            var at = placed.FindLastIndex(p => p.Statements.Any());
            if (at >= 0 && noted.Count > 0 && statements.All(s => s.Citations.All(noted.Contains)))
            {
                var before = placed[at];
                placed[at] = before with { Parts = [.. before.Parts.SkipLast(1), before.Parts[^1] with { Statements = [.. before.Parts[^1].Statements, .. statements] }] };
                continue;
            }

            placed.Add(section);
        }

        return placed;
    }

    /// <summary>
    /// 要点筆記: what has no part first (the chair opening the item), then 説明要旨, 質疑,
    /// 意見・要望, 討論, 採決 (how each vote was taken and came out) and the result line. The
    /// procedure as said is in the trace, not in the summary; a break is a note where it happened;
    /// a promise is in 今後の対応 only (its words are in the statement or answer already).
    /// </summary>
    private static List<LaidOutPart> SummaryParts(MinutesSection section, DocumentLabels labels, Func<MinutesItem, LaidOutStatement> laid, Func<MinutesItem, string, LaidOutStatement> unspoken)
    {
        static string? PartOf(MinutesItem item) => item.Part ?? item.Kind switch
        {
            ItemKinds.Question or ItemKinds.Answer => ItemParts.Questions,
            ItemKinds.Decision => ItemParts.Result,
            ItemKinds.Action => ItemParts.Requests,
            _ => null,
        };

        var shown = section.Items.Where(i => i.Kind != ItemKinds.Procedure && !(i.Kind == ItemKinds.Action && i.Requester is null)).ToList();
        var parts = new List<LaidOutPart>();
        var opening = shown.Where(i => PartOf(i) is not { } p || !ItemParts.Order.Contains(p)).Select(laid).ToList();
        if (opening.Count > 0)
        {
            parts.Add(new LaidOutPart(null, opening));
        }

        foreach (var part in ItemParts.Order)
        {
            var statements = part switch
            {
                ItemParts.Vote => section.Items.Where(i => i.Kind == ItemKinds.Decision && i.Vote?.Method is not null).Select(i => unspoken(i, VoteLine(i.Vote!, labels))).ToList(),
                ItemParts.Result => shown.Where(i => PartOf(i) == part).Select(i => i.Kind == ItemKinds.Decision ? unspoken(i, labels["ResultOpen"] + i.Text) : laid(i)).ToList(),
                _ => shown.Where(i => PartOf(i) == part).Select(laid).ToList(),
            };
            if (statements.Count > 0)
            {
                parts.Add(new LaidOutPart(part == ItemParts.Result ? null : labels["Part." + part], statements));
            }
        }

        return parts;
    }

    /// <summary>採決 as the summary writes it: 「挙手採決（賛成多数）：可決」.</summary>
    private static string VoteLine(VoteRecord vote, DocumentLabels labels)
    {
        var line = labels.Optional("VoteMethod." + vote.Method) ?? vote.Method ?? string.Empty;
        var count = labels.Optional($"VoteCount.{vote.Method}.{vote.Count}") ?? labels.Optional("VoteCount." + vote.Count);
        if (count is not null)
        {
            line += labels["ParenOpen"] + count + labels["ParenClose"];
        }

        return vote.Outcome is not null && labels.Optional("Outcome." + vote.Outcome) is { } outcome ? line + labels.FieldSeparator + outcome : line;
    }

    /// <summary>How a decision was reached, after it in 決定事項: （挙手多数）, （異議なし）; empty when unknown.</summary>
    public static string VoteNote(VoteRecord? vote, DocumentLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return vote?.Method is null ? string.Empty
            : labels.Optional($"VoteNote.{vote.Method}.{vote.Count}") ?? labels.Optional("VoteNote." + vote.Method) ?? string.Empty;
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
            Sections = Sections.Select(s => s with { Parts = s.Parts.Select(p => p with { Statements = p.Statements.Select(Bare).ToList() }).ToList() }).ToList(),
            Decisions = Decisions.Select(Bare).ToList(),
            Actions = Actions.Select(Bare).ToList(),
        };
    }

    /// <summary>
    /// The arrangement without agenda parts that hold no statement: a break (休憩) is recorded in
    /// the course of the item it interrupts (「ここで10分間休憩いたします」), not as a heading of its own.
    /// </summary>
    public MinutesLayout WithoutEmptySections() =>
        this with { Sections = Sections.Where(s => s.Statements.Any()).ToList() };

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
        return sections.Select(s => s with { Parts = s.Parts.Select(p => p with { Statements = p.Statements.Select(Name).ToList() }).ToList() }).ToList();
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
        // The chair roles are the procedure classifier's (procedure-cues.tsv): one list for who puts questions and who signs.
        var chairRoles = ProcedureClassifier.ChairRoles;
        var chair = (Header.Present ?? []).FirstOrDefault(m => m.Role is not null && chairRoles.Contains(m.Role, StringComparer.Ordinal));
        var spokenChair = Header.Attendees.FirstOrDefault(a => chairRoles.Contains(a, StringComparer.Ordinal));
        var list = new List<(string, string)> { chair is null ? (spokenChair ?? labels["SignatureChair"], string.Empty) : (chair.Role!, chair.Name) };
        list.AddRange((Header.Signers ?? []).Select(m => (labels["Signers"], m.Name)));
        return list;
    }

    /// <summary>The words before a statement's text: (問)/(答) for questions and answers, (賛成)/(反対) in 討論.</summary>
    public static string KindPrefix(LaidOutStatement statement, DocumentLabels labels)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(labels);
        return statement.Kind switch
        {
            ItemKinds.Question => labels["Question"],
            ItemKinds.Answer => labels["Answer"],
            _ when statement.Side is { } side => labels.Optional("Side." + side) ?? string.Empty,
            _ => string.Empty,
        };
    }

    /// <summary>(要望者：…、担当：…、期限：…、回答：…) for a follow-up, empty when none is stated.</summary>
    public static string OwnerAndDue(LaidOutStatement statement, DocumentLabels labels)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(labels);
        var parts = new List<string>();
        if (statement.Kind == ItemKinds.Action && !string.IsNullOrWhiteSpace(statement.Requester) && statement.Requester != statement.Speaker)
        {
            parts.Add(labels["Requester"] + labels.FieldSeparator + OneLine(statement.Requester));
        }

        if (!string.IsNullOrWhiteSpace(statement.Owner))
        {
            parts.Add(labels["Owner"] + labels.FieldSeparator + OneLine(statement.Owner));
        }

        if (!string.IsNullOrWhiteSpace(statement.Due))
        {
            parts.Add(labels["Due"] + labels.FieldSeparator + OneLine(statement.Due));
        }

        if (statement.Kind == ItemKinds.Action && !string.IsNullOrWhiteSpace(statement.Answer))
        {
            parts.Add(labels["AnswerGiven"] + labels.FieldSeparator + OneLine(statement.Answer).TrimEnd('。'));
        }

        return parts.Count == 0 ? string.Empty : labels["ParenOpen"] + string.Join(labels.ListSeparator, parts) + labels["ParenClose"];
    }
}
