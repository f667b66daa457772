using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Minutes.Rendering;

/// <summary>
/// Writes the minutes as a Word document laid out like a municipal 会議録: a centred title, a
/// title block (会議名・日時・場所・出席者・議題) as a two-column table, a heading per agenda
/// part, ○発言者 paragraphs with a hanging indent, the decisions and follow-ups, a Japanese
/// font named in the styles, and page numbers in the footer; or, on the same page and styles,
/// a 議事概要 (<see cref="Write(OverviewLayout, Stream)"/>).
/// </summary>
public sealed class DocxRenderer
{
    private const string SpeakerStyle = "Speaker";
    private const string CitationStyle = "Citation";
    private const string FlagStyle = "Flag";
    private const string SummaryStyle = "Summary";

    // A4 portrait with the 30 mm margins municipal documents use, in twentieths of a point.
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int Margin = 1701;
    private const int LabelColumn = 1800;
    private const int ValueColumn = PageWidth - (2 * Margin) - LabelColumn;

    private readonly DocumentLabels _labels;

    /// <param name="labels">The document's words (default Japanese).</param>
    public DocxRenderer(DocumentLabels? labels = null)
    {
        _labels = labels ?? DocumentLabels.Japanese;
    }

    public void Write(MinutesLayout layout, Stream output)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Write(output, body =>
        {
            body.Append(StyledParagraph("Title", _labels.Title));
            body.Append(TitleBlock(layout));
            body.Append(StyledParagraph("Heading1", _labels["Proceedings"]));
            foreach (var section in layout.Sections)
            {
                body.Append(StyledParagraph("Heading2", section.Title));
                foreach (var part in section.Parts)
                {
                    if (part.Heading is not null)
                    {
                        body.Append(StyledParagraph("Heading3", part.Heading));
                    }

                    body.Append(part.Statements.Select(SpeakerParagraph));
                }
            }

            AppendList(body, _labels["Decisions"], layout.Decisions);
            AppendList(body, _labels["Actions"], layout.Actions);
            body.Append(SignatureBlock(layout));
        });
    }

    /// <summary>
    /// A 議事概要: the same page, styles and title block as a 会議録, titled 議事概要, then the
    /// parts as <see cref="OverviewDocument"/> arranges them for every format (presenter, summary
    /// paragraph, ・ points for 質疑応答 and 主な意見, 決定事項, 今後の対応), without a 署名欄.
    /// </summary>
    public void Write(OverviewLayout layout, Stream output)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Write(output, body => OverviewDocument.Write(layout, _labels, new OverviewBody(this, body)));
    }

    public byte[] Render(OverviewLayout layout)
    {
        using var stream = new MemoryStream();
        Write(layout, stream);
        return stream.ToArray();
    }

    private void Write(Stream output, Action<Body> fill)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = Styles();
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = PageNumberFooter();

        var body = new Body();
        fill(body);
        body.Append(new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin { Top = Margin, Right = Margin, Bottom = Margin, Left = Margin, Header = 851, Footer = 992, Gutter = 0 }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    public byte[] Render(MinutesLayout layout)
    {
        using var stream = new MemoryStream();
        Write(layout, stream);
        return stream.ToArray();
    }

    private static Paragraph StyledParagraph(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), TextRun(text));

    private static Run TextRun(string text, string? style = null)
    {
        var run = new Run();
        if (style is not null)
        {
            run.Append(new RunProperties(new RunStyle { Val = style }));
        }

        run.Append(new WordText(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static string Twips(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static TableCell Cell(int width, IEnumerable<string> lines)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa }));
        cell.Append(lines.Select(l => new Paragraph(TextRun(l))));
        return cell;
    }

    private Table TitleBlock(MinutesLayout layout)
    {
        static BorderType Line<T>()
            where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" };

        var table = new Table(
            new TableProperties(
                new TableWidth { Width = Twips(LabelColumn + ValueColumn), Type = TableWidthUnitValues.Dxa },
                new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(), Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>())),
            new TableGrid(new GridColumn { Width = Twips(LabelColumn) }, new GridColumn { Width = Twips(ValueColumn) }));
        foreach (var (label, values) in layout.TitleBlock(_labels))
        {
            // The agenda's own numbering was taken off when the agenda was read (AgendaItem.Heading): every list is numbered here.
            var lines = values.Count == 1 ? values : values.Select((v, i) => $"{i + 1}. {v}").ToList();
            table.Append(new TableRow(Cell(LabelColumn, [label]), Cell(ValueColumn, lines)));
        }

        return table;
    }

    /// <summary>
    /// The 署名欄: the attestation, then one line per signatory (the chair, then each 署名委員)
    /// with the role, the name the roll gives, and a line to sign on; kept on one page.
    /// </summary>
    private IEnumerable<Paragraph> SignatureBlock(MinutesLayout layout)
    {
        yield return new Paragraph(
            new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "480", After = "240" }),
            TextRun(_labels["Signature"]));
        foreach (var (role, name) in layout.Signatories(_labels))
        {
            yield return new Paragraph(
                new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240" }, new Indentation { Left = "2520" }),
                TextRun(role + _labels["RollSeparator"] + (name.Length > 0 ? name + _labels["RollSeparator"] : string.Empty) + _labels["SignatureLine"]));
        }
    }

    private Paragraph SpeakerParagraph(LaidOutStatement statement)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = SpeakerStyle }));
        var lead = (statement.Speaker is null ? string.Empty : _labels.SpeakerMark + statement.Speaker)
            + MinutesLayout.KindPrefix(statement, _labels)
            + (statement.Speaker is null ? string.Empty : _labels["SpeakerSeparator"]);
        if (lead.Length > 0)
        {
            paragraph.Append(TextRun(lead));
        }

        AppendBody(paragraph, statement, MinutesLayout.OwnerAndDue(statement, _labels));
        return paragraph;
    }

    private void AppendList(Body body, string title, IReadOnlyList<LaidOutStatement> statements)
    {
        if (statements.Count == 0)
        {
            return;
        }

        body.Append(StyledParagraph("Heading1", title));
        foreach (var (statement, index) in statements.Select((s, i) => (s, i)))
        {
            var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = SpeakerStyle }), TextRun($"{index + 1}. "));
            AppendBody(paragraph, statement, MinutesLayout.OwnerAndDue(statement, _labels));
            body.Append(paragraph);
        }
    }

    private void AppendBody(Paragraph paragraph, LaidOutStatement statement, string suffix)
    {
        if (statement.Unsupported)
        {
            paragraph.Append(TextRun(_labels.Unsupported, FlagStyle));
        }

        paragraph.Append(TextRun(statement.Text + suffix));
        if (statement.CitationText.Length > 0)
        {
            paragraph.Append(TextRun(statement.CitationText, CitationStyle));
        }
    }

    /// <summary>The Word form of each piece of a 議事概要.</summary>
    private sealed class OverviewBody(DocxRenderer renderer, Body body) : IOverviewWriter
    {
        public void Title(string title) => body.Append(StyledParagraph("Title", title));

        public void TitleBlock(MinutesLayout minutes) => body.Append(renderer.TitleBlock(minutes));

        // Level 2 (議事の概要) is the document's first heading level.
        public void Heading(int level, string title) => body.Append(StyledParagraph("Heading" + (level - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), title));

        public void Field(string label, string value) => body.Append(new Paragraph(TextRun(label + renderer._labels.FieldSeparator + value)));

        public void Paragraph(string text, string citations)
        {
            var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = SummaryStyle }), TextRun(text));
            if (citations.Length > 0)
            {
                paragraph.Append(TextRun(citations, CitationStyle));
            }

            body.Append(paragraph);
        }

        public void Point(string? label, LaidOutStatement statement, string suffix)
        {
            var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = SpeakerStyle }), TextRun(renderer._labels["PlainBullet"] + label));
            renderer.AppendBody(paragraph, statement, suffix);
            body.Append(paragraph);
        }

        public void EndList()
        {
        }
    }

    private Footer PageNumberFooter() =>
        new(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            TextRun(_labels["PageNumberPrefix"]),
            new SimpleField(new Run(new WordText("1"))) { Instruction = " PAGE " },
            TextRun(_labels["PageNumberSuffix"])));

    private Styles Styles()
    {
        var body = _labels["BodyFont"];
        var heading = _labels["HeadingFont"];
        RunFonts Fonts(string name) => new() { Ascii = name, HighAnsi = name, EastAsia = name, ComplexScript = name };

        Style ParagraphStyle(string id, string name, string? basedOn, ParagraphProperties? paragraph, StyleRunProperties? run)
        {
            var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
            style.Append(new StyleName { Val = name });
            if (basedOn is not null)
            {
                style.Append(new BasedOn { Val = basedOn });
            }

            style.Append(new PrimaryStyle());
            if (paragraph is not null)
            {
                style.Append(new StyleParagraphProperties(paragraph.ChildElements.Select(c => c.CloneNode(true))));
            }

            if (run is not null)
            {
                style.Append(run);
            }

            return style;
        }

        Style Heading(string id, string name, int level, string size) => ParagraphStyle(
            id,
            name,
            "Normal",
            new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = level }),
            new StyleRunProperties(Fonts(heading), new Bold(), new FontSize { Val = size }));

        Style CharacterStyle(string id, string name, StyleRunProperties run)
        {
            var style = new Style { Type = StyleValues.Character, StyleId = id };
            style.Append(new StyleName { Val = name }, run);
            return style;
        }

        var normal = ParagraphStyle("Normal", "Normal", null, new ParagraphProperties(new SpacingBetweenLines { After = "0", Line = "360", LineRule = LineSpacingRuleValues.Auto }), null);
        normal.Default = true;
        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(Fonts(body), new FontSize { Val = "21" }, new Languages { Val = "en-US", EastAsia = "ja-JP" })),
                new ParagraphPropertiesDefault()),
            normal,
            ParagraphStyle("Title", "Title", "Normal", new ParagraphProperties(new SpacingBetweenLines { After = "240" }, new Justification { Val = JustificationValues.Center }), new StyleRunProperties(Fonts(heading), new Bold(), new FontSize { Val = "32" })),
            Heading("Heading1", "heading 1", 0, "24"),
            Heading("Heading2", "heading 2", 1, "22"),
            Heading("Heading3", "heading 3", 2, "21"),
            ParagraphStyle(SpeakerStyle, "Speaker", "Normal", new ParagraphProperties(new SpacingBetweenLines { After = "120" }, new Indentation { Left = "210", Hanging = "210" }), null),
            // A paragraph of prose starts one character in, as Japanese documents do.
            ParagraphStyle(SummaryStyle, "Summary", "Normal", new ParagraphProperties(new SpacingBetweenLines { After = "120" }, new Indentation { FirstLine = "210" }), null),
            CharacterStyle(CitationStyle, "Citation", new StyleRunProperties(new Color { Val = "666666" }, new FontSize { Val = "16" })),
            CharacterStyle(FlagStyle, "Flag", new StyleRunProperties(new Bold(), new Color { Val = "C00000" })));
    }
}
