using System.Text.Json.Nodes;
using Minutes.Editing;
using Minutes.Rendering;
using Minutes.Review;
using Minutes.Tests.Review;
using Minutes.Tests.Support;

namespace Minutes.Tests.Editing;

/// <summary>What the draft left out: substantive segments no statement cites, per part, without procedure or fillers.</summary>
public sealed class UncitedSegmentsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Segments_left_out_are_listed_per_part_with_procedure_and_assent_ignored_and_review_json_carries_them()
    {
        var run = await ApprovalTests.ReviewedMeetingAsync(_temp);
        var before = UncitedSegments.Find(RunArtifacts.Load(run)).SelectMany(p => p.Segments).Select(s => s.Id).ToList();

        // Without m0004 the answer s0007 is cited by nothing; without m0006 neither the chair's question (s0009, also cited by m0008) nor 「異議なし」 (s0010) is substance.
        Assert.Equal(0, (await CliRunner.RunAsync("edit", run.Root, "--item", "m0004", "--delete", "--reviewer", "佐藤")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("edit", run.Root, "--item", "m0006", "--delete", "--reviewer", "佐藤")).ExitCode);

        var parts = UncitedSegments.Find(RunArtifacts.Load(run));
        var p02 = parts.Single(p => p.SessionId == "p02");
        Assert.Contains(p02.Segments, s => s.Id == "s0007" && s.Text.Contains("三百万円", StringComparison.Ordinal));
        Assert.DoesNotContain(parts.SelectMany(p => p.Segments), s => s.Id == "s0010");
        Assert.DoesNotContain("s0007", before);
        var review = await CliRunner.RunAsync("review", run.Root, "--json");
        var json = JsonNode.Parse(review.Out)!["uncited"]!.AsArray();
        Assert.Contains(json, p => (string)p!["sessionId"]! == "p02" && p["segments"]!.AsArray().Any(s => (string)s!["id"]! == "s0007"));
        var text = await CliRunner.RunAsync("review", run.Root);
        Assert.Contains("s0007", text.Out, StringComparison.Ordinal);

        // One action adds a statement citing it, and it is no longer left out.
        Assert.Equal(0, (await CliRunner.RunAsync("edit", run.Root, "--insert-after", "m0003", "--text", "初期費用は300万円を見込んでいる。", "--cite", "s0007", "--reviewer", "佐藤")).ExitCode);
        Assert.DoesNotContain(UncitedSegments.Find(RunArtifacts.Load(run)).SelectMany(p => p.Segments), s => s.Id == "s0007");
        Assert.DoesNotContain(ReviewFlags.Of(RunArtifacts.Load(run)).Unsupported, i => i.Id == "e0003");
    }
}
