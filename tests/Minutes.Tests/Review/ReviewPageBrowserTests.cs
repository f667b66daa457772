using System.Globalization;
using Microsoft.Playwright;
using Minutes.Runs;
using Minutes.Tests.Support;

namespace Minutes.Tests.Review;

/// <summary>
/// Opens review.html from disk in Debian's headless Chromium (driven by Playwright; never
/// <c>playwright install</c>) and uses it as a reviewer would: click a citation, see the cited
/// segments highlighted, hear that span of the recording, see the flagged statement marked.
/// </summary>
public sealed class ReviewPageBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Clicking_a_citation_highlights_its_segments_and_plays_that_span()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium (scripts/test installs it).");
        using var temp = new TempFolder();
        var run = await CommitteeMeeting.CreateForReviewAsync(temp.File("run"));
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("review", run.Root)).ExitCode);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--autoplay-policy=no-user-gesture-required"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var requests = new List<string>();
        var errors = new List<string>();
        var dialogs = 0;
        page.Request += (_, request) => requests.Add(request.Url);
        page.PageError += (_, error) => errors.Add(error);
        page.Dialog += (_, dialog) => dialogs++;

        await page.GotoAsync(new Uri(run.PathOf(RunFolder.ReviewPage)).AbsoluteUri);
        await page.WaitForFunctionAsync("() => document.getElementById('recording').readyState >= 1");

        // The span m0002 cites: s0004 (8.5 s) to s0005. The time is read when the seek completes.
        var seeked = page.EvaluateAsync<double>("() => new Promise(r => { const a = document.getElementById('recording'); a.addEventListener('seeked', () => r(a.currentTime), { once: true }); })");
        await page.ClickAsync("#item-m0002 a.cite");
        var currentTime = await seeked;
        Assert.InRange(currentTime, 8.5 - 0.05, 8.5 + 0.05);

        foreach (var id in new[] { "seg-s0004", "seg-s0005" })
        {
            Assert.Contains("active", await page.GetAttributeAsync("#" + id, "class") ?? string.Empty, StringComparison.Ordinal);
            Assert.Equal("rgb(255, 245, 157)", await page.EvalOnSelectorAsync<string>("#" + id, "e => getComputedStyle(e).backgroundColor"));
        }

        Assert.DoesNotContain("active", await page.GetAttributeAsync("#seg-s0006", "class") ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("s0004", await page.InnerTextAsync("#seg-s0004"), StringComparison.Ordinal);
        Assert.Contains("0:00:08.5", await page.InnerTextAsync("#seg-s0004"), StringComparison.Ordinal);

        // Playing a span stops at its end: m0003 cites s0006 (14.5–16.5 s).
        var paused = page.EvaluateAsync<double>("() => new Promise(r => { const a = document.getElementById('recording'); a.addEventListener('pause', () => r(a.currentTime), { once: true }); })");
        await page.ClickAsync("#item-m0003 a.cite");
        Assert.InRange(await paused, 16.5, 16.5 + 1.0); // timeupdate comes every ≤ 250 ms, later on a loaded machine
        Assert.Contains("active", await page.GetAttributeAsync("#seg-s0006", "class") ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("active", await page.GetAttributeAsync("#seg-s0004", "class") ?? string.Empty, StringComparison.Ordinal);

        // The unsupported statement stands out: a red bar and a tinted background.
        Assert.Equal("rgb(253, 231, 234)", await page.EvalOnSelectorAsync<string>("#item-m0008", "e => getComputedStyle(e).backgroundColor"));
        Assert.Equal("rgb(176, 0, 32)", await page.EvalOnSelectorAsync<string>("#item-m0008", "e => getComputedStyle(e).borderLeftColor"));
        Assert.Equal("rgba(0, 0, 0, 0)", await page.EvalOnSelectorAsync<string>("#item-m0002", "e => getComputedStyle(e).backgroundColor"));

        // Untrusted transcript text is shown, not run.
        Assert.Contains("<script>alert('x')</script>", await page.InnerTextAsync("#seg-s0008"), StringComparison.Ordinal);
        Assert.Contains("low-confidence", await page.GetAttributeAsync("#seg-s0008", "class") ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("090-1234-5678", await page.InnerTextAsync("#seg-s0011 mark.pii >> nth=0"));
        Assert.Contains("pii", await page.GetAttributeAsync("#item-m0009", "class") ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("speaker-inferred", await page.GetAttributeAsync("#item-m0003", "class") ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("low-confidence", await page.GetAttributeAsync("#item-m0005", "class") ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(0, dialogs);
        Assert.Empty(errors);
        Assert.All(requests, url => Assert.StartsWith("file://", url, StringComparison.Ordinal));

        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "review-page.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000, string.Create(CultureInfo.InvariantCulture, $"screenshot {screenshot} is too small"));
    }
}
