using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Minutes.Cli;
using Minutes.Corrections;
using Minutes.Drafting;
using Minutes.Json;
using Minutes.Review.Workbench;
using Minutes.Runs;
using Minutes.Tests.Support;

namespace Minutes.Tests.Review;

/// <summary>
/// The review workbench on the committee meeting's run: its actions through the core, the
/// version check, the checked-statement log, the versions comparison, and the served endpoints'
/// token, Host and Origin checks over real HTTP on loopback.
/// </summary>
public sealed class WorkbenchTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_corrected_number_flags_the_statement_citing_it_and_a_stale_edit_is_refused_with_nothing_recorded()
    {
        using var temp = new TempFolder();
        var run = await CommitteeMeeting.CreateForReviewAsync(temp.File("run"));
        using var workbench = new ReviewWorkbench(run);
        var state = await workbench.StateAsync(CancellationToken.None);
        var seen = state.Segments.Single(s => s.Id == "s0007");
        Assert.Equal("supported", state.Statements.Single(s => s.Id == "m0004").Status);

        var update = await workbench.CorrectAsync(new WorkbenchRequest("山田", "text", "s0007", "初期費用は五百万円を見込んでおります。", seen.Digest), CancellationToken.None);

        var m0004 = update.Statements.Single(s => s.Id == "m0004");
        Assert.Equal("unsupported", m0004.Status);
        Assert.Contains(m0004.Reasons, r => r.Contains("300", StringComparison.Ordinal));
        Assert.Equal("初期費用は五百万円を見込んでおります。", update.Segments.Single().Text);
        Assert.NotEqual(seen.Digest, update.Segments.Single().Digest);
        // A statement that says what nobody said stays flagged (m0008: a due month not in its segment).
        Assert.Equal("unsupported", update.Statements.Single(s => s.Id == "m0008").Status);

        var stale = await Assert.ThrowsAsync<WorkbenchConflictException>(() =>
            workbench.CorrectAsync(new WorkbenchRequest("佐藤", "text", "s0007", "初期費用は四百万円を見込んでおります。", seen.Digest), CancellationToken.None));
        Assert.Contains("五百万円", stale.Message, StringComparison.Ordinal);
        var staleRename = await Assert.ThrowsAsync<WorkbenchConflictException>(() =>
            workbench.CorrectAsync(new WorkbenchRequest("佐藤", "rename", "S3", "鈴木委員", "0"), CancellationToken.None));
        Assert.Contains("1 corrections now", staleRename.Message, StringComparison.Ordinal);
        Assert.Single(CorrectionLog.Load(run).Corrections);
    }

    [Fact]
    public async Task A_replacement_is_counted_before_it_is_applied_and_speakers_can_be_renamed_and_merged()
    {
        using var temp = new TempFolder();
        var run = await CommitteeMeeting.CreateForReviewAsync(temp.File("run"));
        using var workbench = new ReviewWorkbench(run);

        var count = await workbench.CountAsync("予約システム", CancellationToken.None);
        Assert.Equal((2, 2), (count.Segments, count.Occurrences));
        var replaced = await workbench.CorrectAsync(new WorkbenchRequest("山田", "replace", "予約システム", "予約制度", "0"), CancellationToken.None);
        Assert.Equal(["s0005", "s0006"], replaced.Segments.Select(s => s.Id));

        var renamed = await workbench.CorrectAsync(new WorkbenchRequest("山田", "rename", "S3", "鈴木委員", "1"), CancellationToken.None);
        Assert.All(renamed.Segments, s => Assert.Equal("鈴木委員", s.SpeakerName));
        var merged = await workbench.CorrectAsync(new WorkbenchRequest("山田", "merge", "S1", "S4", "2"), CancellationToken.None);
        Assert.Equal("S1", merged.Segments.Single(s => s.Id == "s0010").Speaker);
        Assert.Equal(3, CorrectionLog.Load(run).Corrections.Count);
        Assert.Empty(CorrectionLog.Load(run).BrokenLinks());
    }

    [Fact]
    public async Task A_checked_mark_is_chained_in_the_trace_and_lapses_when_the_statement_text_changes()
    {
        using var temp = new TempFolder();
        var run = await CommitteeMeeting.CreateForReviewAsync(temp.File("run"));
        using var workbench = new ReviewWorkbench(run);

        var update = await workbench.CheckAsync(new WorkbenchRequest("山田", Statement: "m0004"), DateTimeOffset.UtcNow, CancellationToken.None);
        await workbench.CheckAsync(new WorkbenchRequest("佐藤", Statement: "m0002"), DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal("山田", update.Statements.Single(s => s.Id == "m0004").CheckedBy);
        var log = ReviewCheckLog.Load(run);
        Assert.Equal(2, log.Checks.Count);
        Assert.Empty(log.BrokenLinks());
        Assert.Null(log.For("m0004", "初期費用は500万円を見込んでいる。"));
        await Assert.ThrowsAsync<MinutesException>(() => workbench.CheckAsync(new WorkbenchRequest(" ", Statement: "m0004"), DateTimeOffset.UtcNow, CancellationToken.None));
        await Assert.ThrowsAsync<MinutesException>(() => workbench.CheckAsync(new WorkbenchRequest("山田", Statement: "m9999"), DateTimeOffset.UtcNow, CancellationToken.None));

        run.WriteText(RunFolder.ReviewChecksTrace, File.ReadAllText(run.PathOf(RunFolder.ReviewChecksTrace)).Replace("山田", "田中", StringComparison.Ordinal));
        Assert.Equal([1], ReviewCheckLog.Load(run).BrokenLinks());
    }

    [Fact]
    public void The_versions_comparison_pairs_statements_by_text_then_by_shared_citations()
    {
        var before = CommitteeMeeting.Minutes();
        var items = before.Sections.SelectMany(s => s.Items).ToList();
        var after = before with
        {
            Sections = before.Sections.Select(section => section with
            {
                Items = section.Items
                    .Where(i => i.Id != "m0008")
                    .Select(i => i.Id == "m0004" ? i with { Id = "m0003b", Text = "初期費用は500万円を見込んでいる。" } : i)
                    .Concat(section.Items.Any(i => i.Id == "m0010") ? [new MinutesItem("m0011", "summary", "次回の日程を確認した。", ["s0012"], Verification: new ItemVerification("supported", []))] : [])
                    .ToList(),
            }).ToList(),
        };

        var changes = DraftVersions.Compare(before, after);

        Assert.Equal(3, changes.Count);
        Assert.Contains(changes, c => c is { Kind: DraftChangeKind.Changed, BeforeId: "m0004", AfterId: "m0003b" });
        Assert.Contains(changes, c => c is { Kind: DraftChangeKind.Added, AfterId: "m0011" });
        Assert.Contains(changes, c => c is { Kind: DraftChangeKind.Removed, BeforeId: "m0008" } && c.BeforeText == items.Single(i => i.Id == "m0008").Text);
        Assert.Empty(DraftVersions.Compare(before, before));
    }

    [Fact]
    public async Task A_redraft_from_the_workbench_keeps_the_previous_version_and_the_page_shows_what_changed()
    {
        using var temp = new TempFolder();
        var run = await CommitteeMeeting.CreateForReviewAsync(temp.File("run"));
        using var workbench = new ReviewWorkbench(run, new WorkbenchOptions { Llm = new LlmOptions { Offline = true } });
        var seen = (await workbench.StateAsync(CancellationToken.None)).Segments.Single(s => s.Id == "s0007");
        await workbench.CorrectAsync(new WorkbenchRequest("山田", "text", "s0007", "初期費用は五百万円を見込んでおります。", seen.Digest), CancellationToken.None);

        var update = await workbench.RedraftAsync(new WorkbenchRequest("山田"), CancellationToken.None);

        Assert.True(update.Reload);
        Assert.True(run.Exists(RunFolder.PreviousMinutesTrace));
        Assert.Equal(CommitteeMeeting.Minutes().Sections.SelectMany(s => s.Items).Count(), run.Read(RunFolder.PreviousMinutesTrace, MinutesJson.Context.MinutesDocument).Sections.SelectMany(s => s.Items).Count());
        Assert.DoesNotContain(update.Statements, s => s.Citations.Contains("s0007") && s.Status == "unsupported");
        var page = await workbench.PageAsync(CancellationToken.None);
        Assert.Contains("<section id=\"versions\">", page, StringComparison.Ordinal);
        Assert.Contains("id=\"workbench\"", page, StringComparison.Ordinal);
        Assert.Contains("<section id=\"versions\">", File.ReadAllText(run.PathOf(RunFolder.ReviewPage)), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"workbench\"", File.ReadAllText(run.PathOf(RunFolder.ReviewPage)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approval_from_the_workbench_writes_the_page_first_and_level_three_needs_a_second_reviewer()
    {
        using var temp = new TempFolder();
        var run = await CommitteeMeeting.CreateForReviewAsync(temp.File("run"), confidentiality: 3);
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("review", run.Root)).ExitCode);
        using var workbench = new ReviewWorkbench(run);
        var seen = (await workbench.StateAsync(CancellationToken.None)).Segments.Single(s => s.Id == "s0012");
        await workbench.CorrectAsync(new WorkbenchRequest("山田", "text", "s0012", "以上で本日の委員会を閉会いたします。", seen.Digest), CancellationToken.None);
        Assert.DoesNotContain("閉会いたします", File.ReadAllText(run.PathOf(RunFolder.ReviewPage)), StringComparison.Ordinal);

        // m0008 is unsupported in the draft: approving needs a reason.
        await Assert.ThrowsAsync<MinutesException>(() => workbench.ApproveAsync(new WorkbenchRequest("山田"), DateTimeOffset.UtcNow, CancellationToken.None));
        var first = await workbench.ApproveAsync(new WorkbenchRequest("山田", AcceptFlags: "m0008 は録音で確認した"), DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Contains("1 of 2", first.Message, StringComparison.Ordinal);
        Assert.Contains("閉会いたします", File.ReadAllText(run.PathOf(RunFolder.ReviewPage)), StringComparison.Ordinal);
        await Assert.ThrowsAsync<MinutesException>(() => workbench.ApproveAsync(new WorkbenchRequest("山田", AcceptFlags: "同上"), DateTimeOffset.UtcNow, CancellationToken.None));
        var second = await workbench.ApproveAsync(new WorkbenchRequest("佐藤", AcceptFlags: "m0008 は録音で確認した"), DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Contains("the version is approved", second.Message, StringComparison.Ordinal);
        Assert.True((await workbench.StateAsync(CancellationToken.None)).Approved);
        var verify = await CliRunner.RunAsync("verify", run.Root);
        Assert.True(verify.ExitCode == 0, verify.Out + verify.Error);
    }

    [Fact]
    public async Task The_server_refuses_requests_without_the_token_from_another_host_or_origin_and_answers_with_it()
    {
        using var temp = new TempFolder();
        var run = await CommitteeMeeting.CreateForReviewAsync(temp.File("run"));
        using var workbench = new ReviewWorkbench(run);
        await using var server = await WorkbenchServer.StartAsync(workbench, 0, CancellationToken.None);
        using var http = new HttpClient { Timeout = Limit };
        var root = $"http://127.0.0.1:{server.Port}";

        Assert.Equal("127.0.0.1", server.Address.Host);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(root + "/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(root + "/api/state")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(root + "/?token=" + new string('0', server.Token.Length))).StatusCode);
        var page = await http.GetAsync(server.Address);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"workbench\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());

        using (var rebound = new HttpRequestMessage(HttpMethod.Get, server.Address))
        {
            rebound.Headers.Host = $"evil.example:{server.Port}";
            Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(rebound)).StatusCode);
        }

        var body = "{\"reviewer\":\"山田\",\"statement\":\"m0004\"}";
        using (var foreign = Post(root + "/api/checks", body, server.Token))
        {
            foreign.Headers.Add("Origin", "http://evil.example");
            Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(foreign)).StatusCode);
        }

        // An action must carry the token as a header: one in the query is not enough.
        using (var queryOnly = Post(root + "/api/checks?token=" + server.Token, body, null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(queryOnly)).StatusCode);
        }

        Assert.False(run.Exists(RunFolder.ReviewChecksTrace));
        using (var ok = Post(root + "/api/checks", body, server.Token))
        {
            ok.Headers.Add("Origin", root);
            var answer = await http.SendAsync(ok);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains("m0004", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var refused = Post(root + "/api/corrections", "{\"reviewer\":\"山田\",\"operation\":\"text\",\"target\":\"s0099\",\"value\":\"x\"}", server.Token))
        {
            var answer = await http.SendAsync(refused);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Contains("No segment s0099", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var audio = await http.GetAsync(root + "/" + RunFolder.DecodedAudio + "?token=" + server.Token);
        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(root + "/..%2F..%2Fetc%2Fpasswd?token=" + server.Token)).StatusCode);
        Assert.Single(ReviewCheckLog.Load(run).Checks);
    }

    [Fact]
    public async Task Review_serve_prints_a_loopback_address_with_a_token_and_stops_cleanly_when_cancelled()
    {
        using var temp = new TempFolder();
        var run = await CommitteeMeeting.CreateForReviewAsync(temp.File("run"));
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var synchronizedOut = TextWriter.Synchronized(output);
        using var stop = new CancellationTokenSource();
        var serving = MinutesApp.RunAsync(["review", run.Root, "--serve", "--port", "0"], new CliConsole(synchronizedOut, TextWriter.Synchronized(error), ErrorIsTerminal: false), stop.Token);

        // TextWriter.Synchronized locks on the wrapper, so reading under the same lock never meets a write half done.
        var address = await WaitForAsync(() => { lock (synchronizedOut) { return output.ToString(); } }, text => text.Split('\n').FirstOrDefault(l => l.StartsWith("Review workbench: ", StringComparison.Ordinal)));
        var uri = new Uri(address["Review workbench: ".Length..].Trim());
        Assert.Equal("127.0.0.1", uri.Host);
        Assert.Matches("^\\?token=[0-9a-f]{48}$", uri.Query);
        using var http = new HttpClient { Timeout = Limit };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(uri)).StatusCode);
        using var state = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{uri.Port}/api/state");
        state.Headers.Add(WorkbenchServer.TokenHeader, uri.Query["?token=".Length..]);
        var digest = JsonSerializer.Deserialize(await (await http.SendAsync(state)).Content.ReadAsStringAsync(), MinutesJson.Context.WorkbenchState)!.Segments.Single(s => s.Id == "s0012").Digest;
        using var edit = Post($"http://127.0.0.1:{uri.Port}/api/corrections", JsonSerializer.Serialize(new WorkbenchRequest("山田", "text", "s0012", "以上で本日の委員会を閉会いたします。", digest), MinutesJson.Context.WorkbenchRequest), uri.Query["?token=".Length..]);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(edit)).StatusCode);

        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await serving.WaitAsync(Limit));
        Assert.Contains("Review workbench stopped.", output.ToString(), StringComparison.Ordinal);
        // The static page has the workbench's corrections once the server stops.
        Assert.Contains("閉会いたします", File.ReadAllText(run.PathOf(RunFolder.ReviewPage)), StringComparison.Ordinal);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(uri));
    }

    [Fact]
    public async Task Review_serve_refuses_a_port_out_of_range_with_one_line()
    {
        using var temp = new TempFolder();
        var run = await CommitteeMeeting.CreateForReviewAsync(temp.File("run"));
        var result = await CliRunner.RunAsync("review", run.Root, "--serve", "--port", "70000");
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("--port 70000", result.Error, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Post(string url, string json, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")) };
        if (token is not null)
        {
            request.Headers.Add(WorkbenchServer.TokenHeader, token);
        }

        return request;
    }

    private static async Task<string> WaitForAsync(Func<string> read, Func<string, string?> probe)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (DateTime.UtcNow < deadline)
        {
            if (probe(read()) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The workbench did not print its address in time.");
    }
}
