using System.Text;

namespace Minutes.Rendering;

/// <summary>
/// Writes a 議事概要 (<see cref="OverviewLayout"/>) as Markdown or plain text. Text from the
/// transcript or a model is escaped as in <see cref="MarkdownRenderer"/>.
/// </summary>
public sealed class OverviewRenderer
{
    private readonly DocumentLabels _labels;
    private readonly bool _plain;

    public OverviewRenderer(DocumentLabels labels, bool plain)
    {
        ArgumentNullException.ThrowIfNull(labels);
        _labels = labels;
        _plain = plain;
    }

    public string Render(OverviewLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var text = new StringBuilder();
        Heading(text, 1, _labels["OverviewTitle"]);
        foreach (var (label, values) in layout.Minutes.TitleBlock(_labels))
        {
            text.Append(Bullet()).Append(Escape(label)).Append(_labels.FieldSeparator).Append(Escape(string.Join(_labels.ListSeparator, values))).Append('\n');
        }

        text.Append('\n');
        Heading(text, 2, _labels["OverviewProceedings"]);
        foreach (var part in layout.Parts)
        {
            Heading(text, 3, part.Title);
            if (part.Presenter is not null && (part.Exchanges.Count > 0 || part.Opinions.Count > 0))
            {
                text.Append(Bullet()).Append(Escape(_labels["OverviewPresenter"] + _labels.FieldSeparator + part.Presenter)).Append("\n\n");
            }

            if (part.Summary.Count > 0)
            {
                text.Append(LineStart(string.Concat(part.Summary.Select(s => s.Text))));
                text.Append(Escape(string.Concat(part.Summary.Select(s => s.CitationText)))).Append("\n\n");
            }

            if (part.Exchanges.Count > 0)
            {
                Heading(text, 4, _labels["OverviewQuestions"]);
                foreach (var exchange in part.Exchanges)
                {
                    text.Append(Bullet()).Append(Escape(exchange.Label + _labels.FieldSeparator)).Append(Body(exchange.Statement)).Append('\n');
                }

                text.Append('\n');
            }

            if (part.Opinions.Count > 0)
            {
                Heading(text, 4, _labels["OverviewOpinions"]);
                foreach (var opinion in part.Opinions)
                {
                    text.Append(Bullet()).Append(LineStart(opinion.Text)).Append(Escape(opinion.CitationText)).Append('\n');
                }

                text.Append('\n');
            }
        }

        List(text, _labels["Decisions"], layout.Minutes.Decisions);
        List(text, _labels["Actions"], layout.Minutes.Actions);
        return text.ToString().TrimEnd('\n') + "\n";
    }

    private void List(StringBuilder text, string title, IReadOnlyList<LaidOutStatement> statements)
    {
        if (statements.Count == 0)
        {
            return;
        }

        Heading(text, 2, title);
        foreach (var statement in statements)
        {
            text.Append(Bullet()).Append(LineStart(statement.Text)).Append(Escape(MinutesLayout.OwnerAndDue(statement, _labels) + statement.CitationText)).Append('\n');
        }

        text.Append('\n');
    }

    private string Body(LaidOutStatement statement) =>
        (statement.Unsupported ? Escape(_labels.Unsupported) : string.Empty) + Escape(statement.Text) + Escape(statement.CitationText);

    private string Escape(string text) => _plain ? text : MarkdownRenderer.EscapeMarkdown(text);

    private string LineStart(string text) => _plain ? text : MarkdownRenderer.EscapeLineStart(MarkdownRenderer.EscapeMarkdown(text));

    private string Bullet() => _plain ? _labels["PlainBullet"] : "- ";

    private void Heading(StringBuilder text, int level, string title)
    {
        if (_plain)
        {
            text.Append(level <= 2 ? title : _labels["PlainHeadingOpen"] + title + _labels["PlainHeadingClose"]).Append("\n\n");
            return;
        }

        text.Append('#', level).Append(' ').Append(Escape(title)).Append("\n\n");
    }
}
