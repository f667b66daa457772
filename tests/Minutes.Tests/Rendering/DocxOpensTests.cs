using System.Diagnostics;
using Minutes.Runs;
using Minutes.Tests.Support;

namespace Minutes.Tests.Rendering;

/// <summary>
/// The DOCX opens in a real word processor: LibreOffice converts the fifth sample's filing copy,
/// in both styles, to PDF, and the PDF's text holds what a clerk files (the header table, the
/// parts of an item, the decisions with their subject, the page numbers). Skips, with the reason,
/// where LibreOffice or pdftotext is not installed (scripts/test installs them).
/// </summary>
public sealed class DocxOpensTests : IDisposable
{
    private const string Soffice = "/usr/bin/soffice";
    private const string PdfToText = "/usr/bin/pdftotext";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [SkippableTheory]
    [InlineData("summary", "採決")]
    [InlineData("verbatim", "（挙手多数）")]
    public async Task The_rendered_docx_converts_to_a_pdf_that_holds_the_minutes(string style, string expected)
    {
        Skip.IfNot(File.Exists(Soffice), $"{Soffice} is missing: apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-ipafont-mincho (scripts/test installs it).");
        Skip.IfNot(File.Exists(PdfToText), $"{PdfToText} is missing: apt-get install -y poppler-utils (scripts/test installs it).");
        var run = _temp.File("run");
        Assert.Equal(0, (await CliRunner.RunAsync("import", RepoPaths.Sample("assembly/reference.vtt"), "-o", run, "--agenda", RepoPaths.Sample("assembly/agenda.txt"))).ExitCode);
        var drafted = await CliRunner.RunAsync("draft", run, "--offline", "--style", style, "--meeting", RepoPaths.Sample("assembly/meeting.txt"));
        Assert.True(drafted.ExitCode == 0, drafted.Error);
        var rendered = await CliRunner.RunAsync("render", run, "--format", "docx");
        Assert.True(rendered.ExitCode == 0, rendered.Error);
        var docx = RunFolder.Open(run).PathOf("filing/minutes.docx");

        // A profile folder of its own, so that a word processor running elsewhere on the machine does not take the call.
        await RunAsync(Soffice, "-env:UserInstallation=file://" + _temp.File("profile"), "--headless", "--convert-to", "pdf", "--outdir", _temp.File("pdf"), docx);
        var pdf = Path.Combine(_temp.File("pdf"), "minutes.pdf");
        Assert.True(File.Exists(pdf), "LibreOffice wrote no PDF");
        await RunAsync(PdfToText, "-layout", pdf, _temp.File("minutes.txt"));
        var text = File.ReadAllText(_temp.File("minutes.txt"));

        Assert.Contains("会議録", text, StringComparison.Ordinal);
        Assert.Contains("厚生常任委員会", text, StringComparison.Ordinal);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Contains("議案第12号は、原案のとおり可決すべきものと決定した（挙手多数）", text.Replace("\n", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("－ 1 －", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_overview_docx_of_the_advisory_meeting_converts_to_a_pdf_laid_out_as_a_議事概要()
    {
        Skip.IfNot(File.Exists(Soffice), $"{Soffice} is missing: apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-ipafont-mincho (scripts/test installs it).");
        Skip.IfNot(File.Exists(PdfToText), $"{PdfToText} is missing: apt-get install -y poppler-utils (scripts/test installs it).");
        var run = await OverviewDocxTests.RenderedAsync("advisory", _temp.File("run"));

        await RunAsync(Soffice, "-env:UserInstallation=file://" + _temp.File("profile"), "--headless", "--convert-to", "pdf", "--outdir", _temp.File("pdf"), run.PathOf("filing/minutes.docx"));
        await RunAsync(PdfToText, "-layout", Path.Combine(_temp.File("pdf"), "minutes.pdf"), _temp.File("minutes.txt"));
        var text = File.ReadAllText(_temp.File("minutes.txt"));
        var flat = text.Replace("\n", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);

        Assert.Contains("議事概要", text, StringComparison.Ordinal);
        Assert.DoesNotContain("会議録", text, StringComparison.Ordinal);
        Assert.DoesNotContain("署名", text, StringComparison.Ordinal);
        // The part, its presenter, then each question followed by its answer, as the Markdown has them.
        Assert.Matches("第1部事例紹介（山口氏）発表者：山口氏.*質疑応答・参加者からの質問：.*導入にかかった費用.*・山口氏回答：機器とシステムで", flat);
        Assert.Contains("－ 1 －", text, StringComparison.Ordinal);
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(file)} did not finish in 3 minutes");
        }

        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(file)} exited {process.ExitCode}: {await error}{await output}");
    }
}
