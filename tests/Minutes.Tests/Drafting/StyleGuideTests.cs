using Minutes.Drafting;
using Minutes.Runs;
using Minutes.Tests.Support;

namespace Minutes.Tests.Drafting;

/// <summary>The style guides and worked examples the LLM prompts carry (<c>prompts/style-NAME.yaml</c>).</summary>
public sealed class StyleGuideTests
{
    public static TheoryData<DraftStyle> Styles => [.. Enum.GetValues<DraftStyle>()];

    /// <summary>A new style (issue 18's overview) fails here until it has its own <c>prompts/style-NAME.yaml</c>.</summary>
    [Theory]
    [MemberData(nameof(Styles))]
    public void Every_style_has_a_guide_and_a_worked_example_whose_answer_passes_the_check(DraftStyle style)
    {
        var guide = StyleGuide.Load(null, style);

        Assert.NotNull(guide);
        var lines = CompactTranscript.Read(guide.ExampleTranscript);
        Assert.InRange(lines.Count, 4, 12);
        Assert.Null(DraftAnswerCheck.Problem(guide.ExampleAnswer, new AnswerContext(lines, style), out var draft));
        // A summary may leave the chair's calling of the item to the heading; a verbatim record keeps every utterance.
        var cited = draft!.Items.SelectMany(i => i.Citations).ToHashSet(StringComparer.Ordinal);
        Assert.True(lines.Count(l => !cited.Contains(l.Id)) <= (style == DraftStyle.Verbatim ? 0 : 1), "the example's answer leaves lines out");
        Assert.Contains("公用文作成の考え方", guide.Guide, StringComparison.Ordinal);
        Assert.Contains("\"question\"", guide.Guide, StringComparison.Ordinal);
        Assert.Contains("\"decision\"", guide.Guide, StringComparison.Ordinal);
    }

    [Fact]
    public void The_guides_say_what_the_offline_drafter_does_for_each_style()
    {
        var summary = StyleGuide.Load(null, DraftStyle.Summary)!;
        var verbatim = StyleGuide.Load(null, DraftStyle.Verbatim)!;

        Assert.Contains("「である」調", summary.Guide, StringComparison.Ordinal);
        Assert.Contains("議題を主語", summary.Guide, StringComparison.Ordinal);
        Assert.Contains("だれが、だれに、何を求めたか", summary.Guide, StringComparison.Ordinal);
        Assert.Contains("（「異議なし」と呼ぶ者あり）", verbatim.Guide, StringComparison.Ordinal);
        Assert.Contains("ケバ取り", verbatim.Guide, StringComparison.Ordinal);
        // The answers apply the numeral rule: Arabic numerals for the kanji said, set phrases kept.
        Assert.Contains("議案第24号", summary.ExampleAnswer, StringComparison.Ordinal);
        Assert.Contains("議案第二十四号", summary.ExampleTranscript, StringComparison.Ordinal);
        Assert.Contains("議案第15号", verbatim.ExampleAnswer, StringComparison.Ordinal);
        Assert.Contains("〔個人情報1〕", summary.ExampleAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void The_worked_examples_are_written_for_the_purpose_not_taken_from_a_sample_or_a_fixture()
    {
        var said = Enum.GetValues<DraftStyle>().SelectMany(s => CompactTranscript.Read(StyleGuide.Load(null, s)!.ExampleTranscript)).Select(l => l.Text).Where(t => t.Length >= 10).ToList();
        var corpus = Directory.EnumerateFiles(RepoPaths.Sample(string.Empty), "*.*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(RepoPaths.Fixture(string.Empty), "*.*", SearchOption.AllDirectories))
            .Where(f => Path.GetExtension(f) is ".tsv" or ".vtt" or ".txt" or ".json" or ".srt")
            .Select(File.ReadAllText).ToList();

        // Set phrases (「異議なし。」) are everyone's; a sentence of ten characters or more is the example's own.
        Assert.NotEmpty(said);
        Assert.All(said, text => Assert.DoesNotContain(corpus, c => c.Contains(text, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("guide: |\n  書き方\n", "needs guide, example.transcript and example.answer")]
    [InlineData("guide: |\n  書き方\nexample:\n  transcript: |\n    s0001 委員長 開会します。\n  answer: |\n    {\"items\": []}\n", "example.transcript has no lines of the form id|speaker|text")]
    [InlineData("guide: |\n  書き方\nexample:\n  transcript: |\n    <transcript>\n    s0001|S1|〔個人情報1〕さんが来ました。\n    </transcript>\n  answer: |\n    {\"items\": [{\"kind\": \"summary\", \"text\": \"個人情報1さんが来た。\", \"citations\": [\"s0001\"]}]}\n", "the worked example's answer would be refused: 1 番目の項目の「個人情報1」は")]
    public void A_bad_style_file_is_one_clear_line(string yaml, string message)
    {
        var error = Assert.Throws<MinutesException>(() => StyleGuide.Parse(yaml, DraftStyle.Summary, "prompts/style-summary.yaml"));

        Assert.StartsWith("prompts/style-summary.yaml: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
