using System.Text;

namespace Minutes.Rendering;

/// <summary>
/// Writes a 議事概要 (<see cref="OverviewLayout"/>) as Markdown or plain text, through the walk
/// every format shares (<see cref="OverviewDocument"/>). Text from the transcript or a model is
/// escaped as in <see cref="MarkdownRenderer"/>.
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
        var writer = new MarkdownWriter(_labels, _plain);
        OverviewDocument.Write(layout, _labels, writer);
        return writer.Text.ToString().TrimEnd('\n') + "\n";
    }

    private sealed class MarkdownWriter(DocumentLabels labels, bool plain) : IOverviewWriter
    {
        public StringBuilder Text { get; } = new();

        public void Title(string title) => Heading(1, title);

        public void TitleBlock(MinutesLayout minutes)
        {
            foreach (var (label, values) in minutes.TitleBlock(labels))
            {
                Text.Append(Bullet()).Append(Escape(label)).Append(labels.FieldSeparator).Append(Escape(string.Join(labels.ListSeparator, values))).Append('\n');
            }

            Text.Append('\n');
        }

        public void Heading(int level, string title)
        {
            if (plain)
            {
                Text.Append(level <= 2 ? title : labels["PlainHeadingOpen"] + title + labels["PlainHeadingClose"]).Append("\n\n");
                return;
            }

            Text.Append('#', level).Append(' ').Append(Escape(title)).Append("\n\n");
        }

        public void Field(string label, string value) =>
            Text.Append(Bullet()).Append(Escape(label + labels.FieldSeparator + value)).Append("\n\n");

        public void Paragraph(string text, string citations) =>
            Text.Append(LineStart(text)).Append(Escape(citations)).Append("\n\n");

        public void Point(string? label, LaidOutStatement statement, string suffix)
        {
            Text.Append(Bullet());
            if (label is not null)
            {
                Text.Append(Escape(label));
            }

            if (statement.Unsupported)
            {
                Text.Append(Escape(labels.Unsupported));
            }

            // Only text that opens the line could be read as Markdown of its own (a number and a dot, a #).
            Text.Append(label is null && !statement.Unsupported ? LineStart(statement.Text) : Escape(statement.Text));
            Text.Append(Escape(suffix + statement.CitationText)).Append('\n');
        }

        public void EndList() => Text.Append('\n');

        private string Escape(string text) => plain ? text : MarkdownRenderer.EscapeMarkdown(text);

        private string LineStart(string text) => plain ? text : MarkdownRenderer.EscapeLineStart(MarkdownRenderer.EscapeMarkdown(text));

        private string Bullet() => plain ? labels["PlainBullet"] : "- ";
    }
}
