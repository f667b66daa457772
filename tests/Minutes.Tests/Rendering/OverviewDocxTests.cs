using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Minutes.Rendering;
using Minutes.Runs;
using Minutes.Tests.Support;

namespace Minutes.Tests.Rendering;

/// <summary>
/// A 議事概要 (--style overview) in Word has the layout of a 議事概要, not of a 会議録: the parts
/// with their presenter, a summary paragraph and ・ points for 質疑応答 and 主な意見, in the same
/// order and under the same headings as the Markdown and HTML copies; no 署名欄. Goldens of the
/// advisory and briefing samples' filing copies.
/// </summary>
public sealed partial class OverviewDocxTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>The sample imported with its agenda and drafted offline with its meeting file (the kind chooses the overview); the filing copies rendered.</summary>
    internal static async Task<RunFolder> RenderedAsync(string sample, string run)
    {
        Assert.Equal(0, (await CliRunner.RunAsync("import", RepoPaths.Sample($"{sample}/reference.vtt"), "-o", run, "--agenda", RepoPaths.Sample($"{sample}/agenda.txt"))).ExitCode);
        var drafted = await CliRunner.RunAsync("draft", run, "--offline", "--meeting", RepoPaths.Sample($"{sample}/meeting.txt"));
        Assert.True(drafted.ExitCode == 0, drafted.Error);
        foreach (var format in new[] { "docx", "html" })
        {
            var rendered = await CliRunner.RunAsync("render", run, "--format", format);
            Assert.True(rendered.ExitCode == 0, rendered.Error);
        }

        return RunFolder.Open(run);
    }

    [Theory]
    [InlineData("advisory")]
    [InlineData("briefing")]
    public async Task The_overview_docx_has_the_headings_and_points_of_the_html_and_matches_its_golden_file(string sample)
    {
        var run = await RenderedAsync(sample, _temp.File(sample));
        var labels = DocumentLabels.Japanese;

        using var document = WordprocessingDocument.Open(run.PathOf("filing/minutes.docx"), false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, Text: p.InnerText)).ToList();
        var html = File.ReadAllText(run.PathOf("filing/minutes.html"));

        // Title → h1, Heading1 → h2 (議事の概要, 決定事項 …), Heading2 → h3 (a part), Heading3 → h4 (質疑応答, 主な意見).
        var docxHeadings = paragraphs.Where(p => p.Style is "Title" || p.Style?.StartsWith("Heading", StringComparison.Ordinal) == true)
            .Select(p => (Level: p.Style == "Title" ? 1 : int.Parse(p.Style!["Heading".Length..], System.Globalization.CultureInfo.InvariantCulture) + 1, p.Text)).ToList();
        var htmlHeadings = HtmlHeading().Matches(html).Select(m => (Level: int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Text: WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        Assert.Equal(htmlHeadings, docxHeadings);
        Assert.Equal((1, labels["OverviewTitle"]), docxHeadings[0]);
        Assert.Equal((2, labels["OverviewProceedings"]), docxHeadings[1]);

        // The points after the title block: the html's list items, each a ・ paragraph.
        var presenter = labels["OverviewPresenter"] + labels.FieldSeparator;
        var items = HtmlPoint().Matches(html[html.IndexOf("<h2>", StringComparison.Ordinal)..]).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        var points = items.Where(p => !p.StartsWith(presenter, StringComparison.Ordinal)).ToList();
        Assert.Equal(points.Select(p => labels["PlainBullet"] + p), paragraphs.Where(p => p.Text.StartsWith(labels["PlainBullet"], StringComparison.Ordinal)).Select(p => p.Text));
        Assert.Contains(paragraphs, p => p.Style == "Summary");
        Assert.Equal(items.Where(p => p.StartsWith(presenter, StringComparison.Ordinal)), paragraphs.Where(p => p.Style is null && p.Text.StartsWith(presenter, StringComparison.Ordinal)).Select(p => p.Text));
        Assert.DoesNotContain(paragraphs, p => p.Text.StartsWith(labels.SpeakerMark, StringComparison.Ordinal));
        Assert.DoesNotContain(labels["Signature"], paragraphs.Select(p => p.Text));
        Golden.Verify($"Rendering/{sample}.overview.docx.txt", MinutesRenderingTests.DocxText(document));
    }

    [GeneratedRegex("<h([1-6])>(.*?)</h\\1>")]
    private static partial Regex HtmlHeading();

    [GeneratedRegex("<li>(.*?)</li>")]
    private static partial Regex HtmlPoint();
}
