using Microsoft.Playwright;
using Minutes.Drafting;
using Minutes.Review.Workbench;
using Minutes.Tests.Support;

namespace Minutes.Tests.Review;

/// <summary>
/// The served review workbench in Debian's headless Chromium (Playwright; never
/// <c>playwright install</c>): a reviewer opens the page with its token, corrects a segment and
/// sees the statement citing it flagged without a reload, redrafts and sees the flag gone; a
/// second tab that still shows the old text gets the conflict and keeps what was typed; the page
/// without the token is refused. Every wait has a timeout.
/// </summary>
public sealed class WorkbenchBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private const float Wait = 30_000;

    [SkippableFact]
    public async Task A_correction_flags_its_statement_live_a_redraft_clears_it_and_a_stale_tab_gets_the_conflict()
    {
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium (scripts/test installs it).");
        using var temp = new TempFolder();
        var run = await CommitteeMeeting.CreateForReviewAsync(temp.File("run"));
        using var workbench = new ReviewWorkbench(run, new WorkbenchOptions { Llm = new LlmOptions { Offline = true } });
        await using var server = await WorkbenchServer.StartAsync(workbench, 0, CancellationToken.None);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Timeout = Wait,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        context.SetDefaultTimeout(Wait);
        var errors = new List<string>();

        // Without the token the server refuses the page.
        var refused = await context.NewPageAsync();
        var answer = await refused.GotoAsync($"http://127.0.0.1:{server.Port}/");
        Assert.Equal(401, answer!.Status);

        var first = await OpenAsync(context, server, errors);
        var second = await OpenAsync(context, server, errors);
        Assert.DoesNotContain("unsupported", await first.GetAttributeAsync("#item-m0004", "class") ?? string.Empty, StringComparison.Ordinal);

        // Tab one corrects s0007 (三百万円 → 五百万円): m0004 (300万円) is flagged, no reload.
        await EditAsync(first, "s0007", "初期費用は五百万円を見込んでおります。");
        await first.WaitForSelectorAsync("#item-m0004.unsupported .wb-flag");
        Assert.Equal("初期費用は五百万円を見込んでおります。", await first.InnerTextAsync("#seg-s0007 .text"));
        Assert.Equal(0, await first.EvaluateAsync<int>("() => performance.getEntriesByType('navigation').length - 1"));

        // Tab two still shows the old text: its edit is refused with the conflict, and its text stays in the box.
        await EditAsync(second, "s0007", "初期費用は四百万円を見込んでおります。");
        await second.WaitForSelectorAsync("#seg-s0007 .wb-edit.conflict");
        Assert.Contains("五百万円", await second.InnerTextAsync("#seg-s0007 .wb-error"), StringComparison.Ordinal);
        Assert.Equal("初期費用は四百万円を見込んでおります。", await second.InputValueAsync("#seg-s0007 .wb-edit textarea"));
        Assert.Equal("初期費用は三百万円を見込んでおります。", await second.InnerTextAsync("#seg-s0007 .text"));

        // Redraft (offline): the page loads the new draft; nothing citing s0007 is flagged, and the changes are listed.
        await first.ClickAsync("#wb-redraft");
        // Only the reloaded page has the list of changes between the versions.
        await first.WaitForSelectorAsync("#versions li.change");
        await first.WaitForFunctionAsync("() => document.body.dataset.workbench === 'ready'", null, new() { Timeout = Wait });
        Assert.True(await first.Locator("a.cite[data-cites~='s0007']").CountAsync() > 0);
        Assert.Equal(0, await first.Locator(".statement.unsupported a.cite[data-cites~='s0007']").CountAsync());
        Assert.True(await first.Locator("#versions li.change").CountAsync() > 0);
        Assert.Empty(errors);
    }

    private static async Task<IPage> OpenAsync(IBrowserContext context, WorkbenchServer server, List<string> errors)
    {
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(server.Address.AbsoluteUri);
        await page.WaitForFunctionAsync("() => document.body.dataset.workbench === 'ready'", null, new() { Timeout = Wait });
        await page.FillAsync("#wb-reviewer", "山田");
        return page;
    }

    private static async Task EditAsync(IPage page, string segment, string text)
    {
        await page.ClickAsync($"#seg-{segment} .wb-edit-button");
        await page.FillAsync($"#seg-{segment} .wb-edit textarea", text);
        await page.ClickAsync($"#seg-{segment} .wb-save");
    }
}
