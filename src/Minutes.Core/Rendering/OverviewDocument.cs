namespace Minutes.Rendering;

/// <summary>
/// The one walk over a 議事概要 that every format shares: the title and title block, 議事の概要
/// with each part (presenter, summary paragraph, 質疑応答, 主な意見), then 決定事項 and 今後の対応
/// when there are any.
/// </summary>
internal static class OverviewDocument
{
    public static void Write(OverviewLayout layout, DocumentLabels labels, IOverviewWriter writer)
    {
        ArgumentNullException.ThrowIfNull(layout);
        writer.Title(labels["OverviewTitle"]);
        writer.TitleBlock(layout.Minutes);
        writer.Heading(2, labels["OverviewProceedings"]);
        foreach (var part in layout.Parts)
        {
            writer.Heading(3, part.Title);
            // A part that is one address needs no presenter line: the paragraph is all there is.
            if (part.Presenter is not null && (part.Exchanges.Count > 0 || part.Opinions.Count > 0))
            {
                writer.Field(labels["OverviewPresenter"], part.Presenter);
            }

            if (part.Summary.Count > 0)
            {
                writer.Paragraph(string.Concat(part.Summary.Select(s => s.Text)), string.Concat(part.Summary.Select(s => s.CitationText)));
            }

            Points(writer, labels["OverviewQuestions"], part.Exchanges.Select(e => ((string?)(e.Label + labels.FieldSeparator), e.Statement, string.Empty)));
            Points(writer, labels["OverviewOpinions"], part.Opinions.Select(o => ((string?)null, o, string.Empty)));
        }

        foreach (var (title, statements) in new[] { (labels["Decisions"], layout.Minutes.Decisions), (labels["Actions"], layout.Minutes.Actions) })
        {
            Points(writer, title, statements.Select(s => ((string?)null, s, MinutesLayout.OwnerAndDue(s, labels))), level: 2);
        }
    }

    private static void Points(IOverviewWriter writer, string title, IEnumerable<(string? Label, LaidOutStatement Statement, string Suffix)> points, int level = 4)
    {
        var list = points.ToList();
        if (list.Count == 0)
        {
            return;
        }

        writer.Heading(level, title);
        foreach (var (label, statement, suffix) in list)
        {
            writer.Point(label, statement, suffix);
        }

        writer.EndList();
    }
}
