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
                    artifacts.SpeakerOfItem(item, labels),
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

        return new MinutesLayout(artifacts.Minutes.Header, sections, decisions, actions);
    }

    /// <summary>Text from the transcript or a model may hold line breaks; a statement is one line.</summary>
    public static string OneLine(string text) =>
        string.Join(' ', (text ?? string.Empty).ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The header fields in the order of the title block, with their labels.</summary>
    public IReadOnlyList<(string Label, IReadOnlyList<string> Values)> TitleBlock(DocumentLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        string[] Single(string? value) => [string.IsNullOrWhiteSpace(value) ? labels["NotStated"] : OneLine(value)];
        return
        [
            (labels["MeetingName"], Single(Header.MeetingName)),
            (labels["Date"], Single(Header.Date)),
            (labels["Place"], Single(Header.Place)),
            (labels["Attendees"], Header.Attendees.Count == 0 ? Single(null) : [string.Join(labels.ListSeparator, Header.Attendees.Select(OneLine))]),
            (labels["Agenda"], Header.Agenda.Count == 0 ? Single(null) : Header.Agenda.Select(OneLine).ToList()),
        ];
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
