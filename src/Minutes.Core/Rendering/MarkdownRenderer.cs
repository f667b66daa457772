using System.Text;

namespace Minutes.Rendering;

/// <summary>How citations appear in the Markdown: as plain text, or as links the review page resolves.</summary>
public enum CitationStyle
{
    Text,
    ReviewLinks,
}

/// <summary>
/// Writes <c>minutes.md</c>, the canonical draft, and the plain-text version of the same
/// arrangement. Text from the transcript or a model is escaped, so the Markdown holds exactly
/// the structure written here (no raw HTML, no stray emphasis).
/// </summary>
public sealed class MarkdownRenderer
{
    /// <summary>The anchor prefix of citation links in <see cref="CitationStyle.ReviewLinks"/> Markdown.</summary>
    public const string CitationAnchorPrefix = "#cite-";

    private readonly DocumentLabels _labels;
    private readonly bool _plain;
    private readonly CitationStyle _citations;

    private MarkdownRenderer(DocumentLabels labels, bool plain, CitationStyle citations)
    {
        _labels = labels;
        _plain = plain;
        _citations = citations;
    }

    /// <summary>The Markdown (CommonMark) renderer.</summary>
    public static MarkdownRenderer Markdown(DocumentLabels? labels = null, CitationStyle citations = CitationStyle.Text) =>
        new(labels ?? DocumentLabels.Japanese, plain: false, citations);

    /// <summary>The plain-text renderer: the same content without markup.</summary>
    public static MarkdownRenderer PlainText(DocumentLabels? labels = null) =>
        new(labels ?? DocumentLabels.Japanese, plain: true, CitationStyle.Text);

    public string Render(MinutesLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var text = new StringBuilder();
        Heading(text, 1, _labels.Title);
        foreach (var (label, values) in layout.TitleBlock(_labels))
        {
            if (values.Count == 1)
            {
                text.Append(Bullet()).Append(Escape(label)).Append(_labels.FieldSeparator).Append(Escape(values[0])).Append('\n');
                continue;
            }

            text.Append(Bullet()).Append(Escape(label)).Append(_labels.FieldSeparator).Append('\n');
            for (var i = 0; i < values.Count; i++)
            {
                text.Append("  ").Append(i + 1).Append(". ").Append(EscapeAtLineStart(values[i])).Append('\n');
            }
        }

        text.Append('\n');
        Heading(text, 2, _labels["Proceedings"]);
        foreach (var section in layout.Sections)
        {
            Heading(text, 3, section.Title);
            foreach (var part in section.Parts)
            {
                if (part.Heading is not null)
                {
                    Heading(text, 4, part.Heading);
                }

                foreach (var statement in part.Statements)
                {
                    SpeakerParagraph(text, statement);
                }
            }
        }

        ListSection(text, _labels["Decisions"], layout.Decisions);
        ListSection(text, _labels["Actions"], layout.Actions);
        return text.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>
    /// Escapes the ASCII punctuation that CommonMark gives a meaning inside a line, so that text
    /// from the transcript or a model stays text (a '&lt;script&gt;' is shown, never run).
    /// </summary>
    public static string EscapeMarkdown(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '!' or '&' or '|' or '~' or '#')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>
    /// Escapes what would open a block when it starts a line (a list marker, a numbered item,
    /// a setext underline), for text placed at the start of a paragraph or a list item.
    /// </summary>
    public static string EscapeLineStart(string escaped)
    {
        ArgumentNullException.ThrowIfNull(escaped);
        if (escaped.Length > 0 && escaped[0] is '-' or '+' or '=')
        {
            return "\\" + escaped;
        }

        var digits = 0;
        while (digits < escaped.Length && digits < 9 && char.IsAsciiDigit(escaped[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < escaped.Length && escaped[digits] is '.' or ')'
            ? escaped[..digits] + "\\" + escaped[digits..]
            : escaped;
    }

    private string Escape(string text) => _plain ? text : EscapeMarkdown(text);

    private string EscapeAtLineStart(string text) => _plain ? text : EscapeLineStart(EscapeMarkdown(text));

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

    private void SpeakerParagraph(StringBuilder text, LaidOutStatement statement)
    {
        if (statement.Speaker is not null)
        {
            text.Append(Escape(_labels.SpeakerMark + statement.Speaker));
        }

        text.Append(Escape(MinutesLayout.KindPrefix(statement, _labels)));
        if (statement.Speaker is not null)
        {
            text.Append(_labels["SpeakerSeparator"]);
        }

        Body(text, statement, atLineStart: statement.Speaker is null && MinutesLayout.KindPrefix(statement, _labels).Length == 0);
        text.Append("\n\n");
    }

    private void ListSection(StringBuilder text, string title, IReadOnlyList<LaidOutStatement> statements)
    {
        if (statements.Count == 0)
        {
            return;
        }

        Heading(text, 2, title);
        foreach (var statement in statements)
        {
            text.Append(Bullet());
            Body(text, statement, atLineStart: true);
            text.Append('\n');
        }

        text.Append('\n');
    }

    private void Body(StringBuilder text, LaidOutStatement statement, bool atLineStart)
    {
        if (statement.Unsupported)
        {
            // The closing ** must be followed by a space: after punctuation such as 】 CommonMark
            // would not close the emphasis before a letter.
            text.Append(_plain ? _labels.Unsupported : "**" + Escape(_labels.Unsupported) + "** ");
        }

        text.Append(atLineStart && !statement.Unsupported ? EscapeAtLineStart(statement.Text) : Escape(statement.Text)).Append(Escape(MinutesLayout.OwnerAndDue(statement, _labels)));
        if (_citations == CitationStyle.ReviewLinks)
        {
            text.Append('[').Append(Escape(statement.CitationText)).Append("](").Append(CitationAnchorPrefix).Append(Uri.EscapeDataString(statement.ItemId)).Append(')');
        }
        else
        {
            text.Append(Escape(statement.CitationText));
        }
    }
}
