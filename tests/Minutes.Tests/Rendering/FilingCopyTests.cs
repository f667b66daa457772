using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Minutes.Rendering;
using Minutes.Runs;
using Minutes.Tests.Drafting;
using Minutes.Tests.Support;

namespace Minutes.Tests.Rendering;

/// <summary><c>minutes render</c>: filing copies under the run's <c>filing/</c> folder, without citation markers unless asked.</summary>
public sealed class FilingCopyTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<RunFolder> DraftedCommitteeAsync(string meetingText)
    {
        var run = _temp.File("run");
        var meeting = _temp.File("meeting.txt");
        File.WriteAllText(meeting, meetingText);
        Assert.Equal(0, (await CliRunner.RunAsync("import", RepoPaths.Sample("committee/reference.vtt"), "-o", run, "--agenda", RepoPaths.Sample("committee/agenda.txt"))).ExitCode);
        var drafted = await CliRunner.RunAsync("draft", run, "--offline", "--meeting", meeting);
        Assert.True(drafted.ExitCode == 0, drafted.Error);
        return RunFolder.Open(run);
    }

    [Fact]
    public async Task Filing_copies_in_every_document_format_carry_no_citation_markers_and_the_review_draft_keeps_them()
    {
        var run = await DraftedCommitteeAsync(MeetingFileTests.FullMeetingFile);
        var draft = File.ReadAllBytes(run.PathOf(RunFolder.MinutesMarkdown));
        var open = DocumentLabels.Japanese["CitationOpen"];

        foreach (var format in new[] { "md", "txt", "html", "docx" })
        {
            var result = await CliRunner.RunAsync("render", run.Root, "--format", format);
            Assert.True(result.ExitCode == 0, result.Error);
            var file = run.PathOf($"filing/minutes.{format}");
            Assert.Contains(file, result.Out, StringComparison.Ordinal);
            var text = format == "docx" ? DocumentXml(file) : File.ReadAllText(file);
            Assert.DoesNotContain(open + "s0", text, StringComparison.Ordinal);
            Assert.DoesNotContain("s0004", text, StringComparison.Ordinal);
            Assert.Contains("1,250万円", text, StringComparison.Ordinal);
        }

        var kept = await CliRunner.RunAsync("render", run.Root, "--format", "txt", "--with-citations", "-o", _temp.File("cited.txt"));
        Assert.True(kept.ExitCode == 0, kept.Error);
        Assert.Contains(open + "s0004", File.ReadAllText(_temp.File("cited.txt")), StringComparison.Ordinal);
        Assert.Equal(draft, File.ReadAllBytes(run.PathOf(RunFolder.MinutesMarkdown)));
        Assert.Contains(open + "s0004", File.ReadAllText(run.PathOf(RunFolder.MinutesMarkdown)), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("verify", run.Root)).ExitCode);
    }

    [Fact]
    public async Task The_docx_has_the_roll_in_its_header_table_and_a_signature_block_for_the_chair_and_the_signing_member()
    {
        var run = await DraftedCommitteeAsync(MeetingFileTests.FullMeetingFile);

        Assert.Equal(0, (await CliRunner.RunAsync("render", run.Root, "--format", "docx")).ExitCode);

        using var document = WordprocessingDocument.Open(run.PathOf("filing/minutes.docx"), false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var body = document.MainDocumentPart!.Document!.Body!;
        var rows = body.Elements<Table>().Single().Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(
            ["会議名", "日時", "開会", "閉会", "場所", "出席委員", "欠席委員", "説明のため出席した者", "事務局職員", "署名委員", "傍聴者", "議題"],
            rows.Select(r => r[0]));
        Assert.Equal("委員長　山本太郎、委員　田中一郎、委員　佐藤花子", rows.Single(r => r[0] == "出席委員")[1]);

        var labels = DocumentLabels.Japanese;
        var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        var signature = paragraphs.IndexOf(labels["Signature"]);
        Assert.True(signature > 0, "no 署名欄");
        Assert.Equal(
            ["委員長　山本太郎　" + labels["SignatureLine"], "署名委員　田中一郎　" + labels["SignatureLine"]],
            paragraphs.Skip(signature + 1));
        Assert.Contains("PAGE", Assert.Single(document.MainDocumentPart.FooterParts).Footer!.InnerXml, StringComparison.Ordinal);
        Assert.Contains(paragraphs, p => p.StartsWith("○委員長（山本太郎君）", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_議事概要_is_titled_so_in_docx_and_html_and_has_no_signature_block()
    {
        var run = _temp.File("advisory");
        Assert.Equal(0, (await CliRunner.RunAsync("import", RepoPaths.Sample("advisory/reference.vtt"), "-o", run)).ExitCode);
        var drafted = await CliRunner.RunAsync("draft", run, "--offline", "--meeting", RepoPaths.Sample("advisory/meeting.txt"));
        Assert.True(drafted.ExitCode == 0, drafted.Error);
        var folder = RunFolder.Open(run);
        var labels = DocumentLabels.Japanese;

        Assert.Equal(0, (await CliRunner.RunAsync("render", run, "--format", "docx")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("render", run, "--format", "html")).ExitCode);

        using var document = WordprocessingDocument.Open(folder.PathOf("filing/minutes.docx"), false);
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal(labels["OverviewTitle"], paragraphs[0]);
        Assert.DoesNotContain(labels["Signature"], paragraphs);
        Assert.Contains("<title>" + labels["OverviewTitle"] + " ", File.ReadAllText(folder.PathOf("filing/minutes.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_writes_subtitles_beside_the_run_and_refuses_the_review_draft_as_a_target()
    {
        var run = await DraftedCommitteeAsync("会議名: 定例会\n");

        Assert.Equal(0, (await CliRunner.RunAsync("render", run.Root, "--format", "srt")).ExitCode);
        Assert.True(File.Exists(run.PathOf("minutes.srt")));
        var refused = await CliRunner.RunAsync("render", run.Root, "--format", "md", "-o", run.PathOf(RunFolder.MinutesMarkdown));
        Assert.Equal(ExitCodes.Failure, refused.ExitCode);
        Assert.Contains("the run's own minutes.md", refused.Error, StringComparison.Ordinal);
    }

    private static string DocumentXml(string docx)
    {
        using var zip = ZipFile.OpenRead(docx);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return reader.ReadToEnd();
    }
}
