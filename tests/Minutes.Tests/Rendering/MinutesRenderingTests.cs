using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Minutes.Drafting;
using Minutes.Json;
using Minutes.Rendering;
using Minutes.Runs;
using Minutes.Tests.Review;
using Minutes.Tests.Support;

namespace Minutes.Tests.Rendering;

public sealed class MinutesRenderingTests
{
    [Fact]
    public async Task The_markdown_of_the_committee_meeting_matches_its_golden_file()
    {
        using var temp = new TempFolder();
        var run = await CommitteeMeeting.CreateAsync(temp.File("run"));

        var result = await CliRunner.RunAsync("review", run.Root);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Golden.Verify("Rendering/committee.minutes.md", File.ReadAllText(run.PathOf(RunFolder.MinutesMarkdown)));
        Assert.Equal(RunFolder.MinutesMarkdown, Assert.Single(run.LoadManifest().Stage(StageNames.Render)!.Outputs).Path);
    }

    [Fact]
    public async Task The_markdown_parses_back_as_commonmark_with_the_structure_it_was_written_with()
    {
        using var temp = new TempFolder();
        var artifacts = RunArtifacts.Load(await CommitteeMeeting.CreateAsync(temp.File("run")));
        var layout = MinutesLayout.From(artifacts, DocumentLabels.Japanese);
        var markdown = MarkdownRenderer.Markdown().Render(layout);

        var document = Markdown.Parse(markdown, new MarkdownPipelineBuilder().Build());

        var headings = document.Descendants<HeadingBlock>().ToList();
        Assert.Equal([1, 2, 3, 3, 4, 3, 2, 2], headings.Select(h => h.Level));
        Assert.Equal(layout.Sections.Select(s => s.Title), headings.Where(h => h.Level == 3).Select(Text));
        Assert.Empty(document.Descendants<HtmlBlock>());
        Assert.Empty(document.Descendants().OfType<HtmlInline>());
        Assert.DoesNotContain(document.Descendants<EmphasisInline>(), e => e.DelimiterCount == 1);

        // Every statement is a paragraph holding its compact citation (a decision shows in its item and again in
        // 決定事項); the unsupported one is strong.
        var paragraphs = document.Descendants<ParagraphBlock>().Select(Text).ToList();
        foreach (var statement in layout.AllStatements)
        {
            Assert.Contains(paragraphs, p => p.Contains(statement.Text, StringComparison.Ordinal) && p.EndsWith(statement.CitationText, StringComparison.Ordinal));
        }

        Assert.Contains(layout.AllStatements, s => s.CitationText.Contains("s0004" + DocumentLabels.Japanese["CitationRange"] + "s0005", StringComparison.Ordinal));
        var strong = Assert.Single(document.Descendants<EmphasisInline>());
        Assert.Equal(DocumentLabels.Japanese.Unsupported, Text(strong));
        Assert.Contains("m0008", layout.AllStatements.Single(s => s.Unsupported).ItemId, StringComparison.Ordinal);

        // Markup in a model's text stays text.
        var html = Markdown.ToHtml(markdown, DocumentFormats.Pipeline);
        Assert.Contains("&lt;b&gt;*強調*&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_looks_like_markdown_blocks_stays_inside_its_statement()
    {
        var hostile = new[] { "1. numbered", "- dash", "+ plus", "===", "# hash", "> quote", "    indented", "*emphasis* and `code` and [link](http://example.com)", "<div>html</div>" };
        var minutes = CommitteeMeeting.Minutes();
        var transcript = MinutesJson.Deserialize(File.ReadAllText(CommitteeMeeting.FixtureFile("03-transcript.json")), MinutesJson.Context.Transcript);
        var items = hostile.Select((text, i) => new MinutesItem($"m{i + 1:0000}", i % 2 == 0 ? ItemKinds.Summary : ItemKinds.Decision, text, ["s0001"])).ToList();
        minutes = minutes with
        {
            Header = minutes.Header with { Agenda = hostile },
            Sections = [new MinutesSection("p01", "# title", items)],
        };
        var artifacts = new RunArtifacts(minutes, transcript with { Segments = transcript.Segments.Select(s => s with { Speaker = null }).ToList() });

        var markdown = MarkdownRenderer.Markdown().Render(MinutesLayout.From(artifacts, DocumentLabels.Japanese));
        var document = Markdown.Parse(markdown, new MarkdownPipelineBuilder().Build());

        Assert.Equal([1, 2, 3, 2], document.Descendants<HeadingBlock>().Select(h => h.Level));
        Assert.DoesNotContain(document.Descendants(), b => b is QuoteBlock or CodeBlock or HtmlBlock or ThematicBreakBlock);
        Assert.DoesNotContain(document.Descendants(), i => i is LinkInline or CodeInline or HtmlInline or EmphasisInline);
        Assert.Equal(hostile.Length, document.Descendants<ListBlock>().Single(l => l.IsOrdered).Count);
        Assert.Equal(3, document.Descendants<ListBlock>().Count());
        var paragraphs = document.Descendants<ParagraphBlock>().Select(Text).ToList();
        foreach (var text in hostile)
        {
            Assert.Contains(paragraphs, p => p.StartsWith(text.Trim(), StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Citations_are_compacted_in_transcript_order_and_unknown_ids_are_kept()
    {
        var transcript = MinutesJson.Deserialize(File.ReadAllText(CommitteeMeeting.FixtureFile("03-transcript.json")), MinutesJson.Context.Transcript);
        var artifacts = new RunArtifacts(CommitteeMeeting.Minutes(), transcript);
        var labels = DocumentLabels.Parse("CitationOpen=[\nCitationClose=]\nCitationRange=-\nListSeparator=,");

        Assert.Equal("[s0001-s0003,s0007,s0011-s0012,s9999]", artifacts.CompactCitations(["s0012", "s0007", "s9999", "s0002", "s0001", "s0003", "s0011", "s0002"], labels));
        Assert.Equal("[s0004]", artifacts.CompactCitations(["s0004"], labels));
        Assert.Equal("[]", artifacts.CompactCitations([], labels));
    }

    [Fact]
    public async Task The_docx_is_valid_open_xml_laid_out_like_a_kaigiroku()
    {
        using var temp = new TempFolder();
        var run = await CommitteeMeeting.CreateAsync(temp.File("run"));
        var output = temp.File("minutes.docx");

        var result = await CliRunner.RunAsync("render", run.Root, "--format", "docx", "-o", output);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var document = WordprocessingDocument.Open(output, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var main = document.MainDocumentPart!;
        var fonts = main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!;
        Assert.Equal(DocumentLabels.Japanese["BodyFont"], fonts.EastAsia!.Value);
        var footer = Assert.Single(main.FooterParts);
        Assert.Contains("PAGE", footer.Footer!.Descendants<SimpleField>().Single().Instruction!.Value, StringComparison.Ordinal);
        var body = main.Document!.Body!;
        Assert.Equal("Title", body.Elements<Paragraph>().First().ParagraphProperties!.ParagraphStyleId!.Val!.Value);
        Assert.Equal(5, body.Elements<Table>().Single().Elements<TableRow>().Count());
        var styles = body.Elements<Paragraph>().Select(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value).ToList();
        Assert.Equal(3, styles.Count(s => s == "Heading2"));
        // The eight statements of the items, the decision's result line in its item, the decision and the follow-up at the end.
        Assert.Equal(11, styles.Count(s => s == "Speaker"));
        Golden.Verify("Rendering/committee.minutes.docx.txt", DocxText(document));
    }

    [Fact]
    public async Task Subtitles_and_plain_text_carry_speakers_and_escape_markup()
    {
        using var temp = new TempFolder();
        var run = await CommitteeMeeting.CreateAsync(temp.File("run"));
        var labels = DocumentLabels.Japanese;

        foreach (var format in new[] { "srt", "vtt", "txt", "html" })
        {
            Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("render", run.Root, "--format", format)).ExitCode);
        }

        var srt = File.ReadAllText(run.PathOf("minutes.srt"));
        Assert.StartsWith("1\n00:00:00,500 --> 00:00:02,500\n" + "委員長" + labels.FieldSeparator, srt, StringComparison.Ordinal);
        Assert.Equal(12, srt.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Length);

        var vtt = File.ReadAllText(run.PathOf("minutes.vtt"));
        Assert.StartsWith("WEBVTT\n\ns0001\n00:00:00.500 --> 00:00:02.500\n<v 委員長>", vtt, StringComparison.Ordinal);
        Assert.Contains("<v 田中委員>高齢者への配慮もお願いします &lt;script&gt;", vtt, StringComparison.Ordinal);

        var text = File.ReadAllText(run.PathOf("filing/minutes.txt"));
        Assert.StartsWith(labels.Title + "\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\", text, StringComparison.Ordinal);
        Assert.Contains(labels.Unsupported, text, StringComparison.Ordinal);

        var html = File.ReadAllText(run.PathOf("filing/minutes.html"));
        Assert.Contains("<h1>" + labels.Title + "</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    private static string Text(LeafBlock block) => block.Inline is null ? string.Empty : Text(block.Inline);

    private static string Text(ContainerInline container)
    {
        var text = new StringBuilder();
        foreach (var inline in container.Descendants<Inline>())
        {
            text.Append(inline switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                _ => string.Empty,
            });
        }

        return text.ToString();
    }

    /// <summary>The text of the document as a reader sees it: one line per paragraph (table cells included), then the footer.</summary>
    internal static string DocxText(WordprocessingDocument document)
    {
        var text = new StringBuilder();
        foreach (var paragraph in document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>())
        {
            var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            text.Append(style is null ? string.Empty : $"[{style}] ").Append(string.Concat(paragraph.Descendants<WordText>().Select(t => t.Text))).Append('\n');
        }

        foreach (var footer in document.MainDocumentPart.FooterParts)
        {
            text.Append("[footer] ").Append(string.Concat(footer.Footer!.Descendants<WordText>().Select(t => t.Text))).Append('\n');
        }

        return text.ToString();
    }
}
