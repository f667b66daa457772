using Minutes.Drafting;
using Minutes.Policy;
using Minutes.Rendering;
using Minutes.Sessions;
using Minutes.Tests.Support;
using Minutes.Transcription;

namespace Minutes.Tests.Drafting;

/// <summary>
/// The procedure classifier and the two formats on procedure-heavy scripts written for the tests
/// (Fixtures/procedure): a vote by show of hands with a one-line dissent, 簡易採決 with 異議なし, a
/// petition continued, a break and the resumption, short answers of substance; and the order of
/// the record: statements follow the meeting, decisions and requests come back with their subject.
/// </summary>
public sealed class ProcedureScriptTests
{
    public static TheoryData<string> Scripts => new() { "vote-with-dissent", "simple-vote", "petition-continued", "break-resume", "short-answers" };

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Every_sentence_of_the_script_is_classified_as_written_beside_it(string script)
    {
        var lines = Load(script);
        var classifier = ProcedureClassifier.For(lines.Select(l => l.Speaker).Distinct(StringComparer.Ordinal));

        foreach (var line in lines)
        {
            var sentences = line.Text.Split('。', StringSplitOptions.RemoveEmptyEntries).Select(s => s + "。").ToList();
            Assert.True(sentences.Count == line.Kinds.Count, $"{script}: {line.Text} has {sentences.Count} sentences");
            Assert.Equal(line.Kinds, sentences.Select(s => classifier.Classify(s, line.Speaker)).ToList());
        }
    }

    [Fact]
    public async Task A_vote_by_show_of_hands_keeps_the_dissent_in_the_debate_and_records_method_count_and_outcome()
    {
        var summary = await DraftAsync("vote-with-dissent", DraftStyle.Summary, "議案第12号 市立保育所条例の一部改正について");
        var items = summary.Sections.Single().Items;

        var dissent = Assert.Single(items, i => i.Speaker == "中川委員");
        Assert.Equal((ItemKinds.Summary, "反対である。", ItemParts.Debate, "against"), (dissent.Kind, dissent.Text, dissent.Part, dissent.Side));
        var decision = Assert.Single(items, i => i.Kind == ItemKinds.Decision);
        Assert.Equal(new VoteRecord("show-of-hands", "majority", "passed"), decision.Vote);
        Assert.Equal("議案第12号", decision.Subject);
        Assert.Equal("議案第12号は、原案のとおり可決すべきものと決定した", decision.Resolution);
        Assert.DoesNotContain(items, i => i.Kind == ItemKinds.Action);

        var layout = Layout(summary);
        Assert.Equal(["議案第12号は、原案のとおり可決すべきものと決定した（挙手多数）"], layout.Decisions.Select(d => d.Text));
        Assert.Equal([null, "説明要旨", "討論", "採決", null], layout.Sections.Single().Parts.Select(p => p.Heading));
        Assert.Equal("挙手採決（賛成多数）：可決", layout.Sections.Single().Parts[3].Statements.Single().Text);
        Assert.Equal("（反対）", MinutesLayout.KindPrefix(layout.Sections.Single().Parts[2].Statements.Single(), DocumentLabels.Japanese));

        var verbatim = Layout(await DraftAsync("vote-with-dissent", DraftStyle.Verbatim, "議案第12号 市立保育所条例の一部改正について"));
        var said = verbatim.Sections.Single().Statements.Select(s => (s.Speaker, s.Text)).ToList();
        Assert.Contains(("中川委員", "反対です。"), said);
        // The result of the vote follows the call as a stage note, before the chair declares it.
        var call = said.FindIndex(s => s.Text.EndsWith("挙手を求めます。", StringComparison.Ordinal));
        Assert.Equal(((string?)null, "（挙手多数）"), said[call + 1]);
        Assert.StartsWith("挙手多数であります。よって、議案第12号は", said[call + 2].Text, StringComparison.Ordinal);
        Assert.Equal(["議案第12号は、原案のとおり可決すべきものと決定した（挙手多数）"], verbatim.Decisions.Select(d => d.Text));
    }

    [Fact]
    public async Task A_simple_vote_is_recorded_as_such_with_one_assent_note_in_the_verbatim_record()
    {
        var summary = await DraftAsync("simple-vote", DraftStyle.Summary, "議案第13号 介護保険条例の一部改正について");
        var decision = Assert.Single(summary.Sections.Single().Items, i => i.Kind == ItemKinds.Decision);
        Assert.Equal(new VoteRecord("simple", "unanimous", "passed"), decision.Vote);
        Assert.Equal(["議案第13号は、原案のとおり可決すべきものと決定した（異議なし）"], Layout(summary).Decisions.Select(d => d.Text));
        Assert.Contains("簡易採決（異議なし）：可決", Layout(summary).Sections.Single().Statements.Select(s => s.Text));

        var verbatim = await DraftAsync("simple-vote", DraftStyle.Verbatim, "議案第13号 介護保険条例の一部改正について");
        var items = verbatim.Sections.Single().Items;
        var note = Assert.Single(items, i => i.Kind == ItemKinds.Note);
        Assert.Equal(("（「異議なし」と呼ぶ者あり）", null), (note.Text, note.Speaker));
        Assert.Equal(["s0003", "s0004"], note.Citations);
        Assert.Equal([ItemKinds.Statement, ItemKinds.Note, ItemKinds.Statement, ItemKinds.Decision], items.Select(i => i.Kind));
        Assert.Equal("ご異議なしと認めます。よって、本案は原案のとおり可決すべきものと決定いたしました。", items[2].Text);
    }

    [Fact]
    public async Task A_petition_continued_is_decided_with_the_petition_as_its_subject()
    {
        var minutes = await DraftAsync("petition-continued", DraftStyle.Summary, "請願第3号 放課後児童クラブの拡充を求める請願");
        var decision = Assert.Single(minutes.Sections.Single().Items, i => i.Kind == ItemKinds.Decision);

        Assert.Equal(new VoteRecord("simple", "unanimous", "continued"), decision.Vote);
        Assert.Equal("請願第3号は、継続審査とすることに決定した", decision.Resolution);
        Assert.Contains(minutes.Sections.Single().Items, i => i.Speaker == "中川委員" && i.Part == ItemParts.Requests && i.Text.Contains("継続審査", StringComparison.Ordinal));
        Assert.Equal("簡易採決（異議なし）：継続審査", Layout(minutes).Sections.Single().Parts.Single(p => p.Heading == "採決").Statements.Single().Text);
    }

    [Theory]
    [InlineData(DraftStyle.Summary)]
    [InlineData(DraftStyle.Verbatim)]
    public async Task A_break_and_the_resumption_are_notes_in_place_with_the_clock_time(DraftStyle style)
    {
        var meeting = MeetingInfo.Parse("会議名: 厚生常任委員会\n日時: 令和7年12月12日（金）午前10時00分\n");

        var minutes = await DraftAsync("break-resume", style, "議案第13号 介護保険条例の一部改正について", meeting);
        var statements = Layout(minutes).Sections.Single().Statements.ToList();

        var notes = minutes.Sections.Single().Items.Where(i => i.Kind == ItemKinds.Note).ToList();
        Assert.Equal([("休憩", "午前10時40分"), ("再開", "午前10時50分")], notes.Select(n => (n.Text, n.Time!)));
        var breakAt = statements.FindIndex(s => s.Text == "午前10時40分　休憩");
        Assert.True(breakAt >= 0 && statements[breakAt + 1].Text == "午前10時50分　再開", string.Join(" | ", statements.Select(s => s.Text)));
        Assert.Null(statements[breakAt].Speaker);
        Assert.Contains(statements.Skip(breakAt + 2), s => s.Text.Contains("議案第13号", StringComparison.Ordinal));

        // Without a time of day in the meeting file the notes say only 休憩 and 再開.
        var bare = await DraftAsync("break-resume", style, "議題");
        Assert.Equal(["休憩", "再開"], Layout(bare).Sections.Single().Statements.Where(s => s.Speaker is null).Select(s => s.Text));
    }

    [Fact]
    public async Task Short_answers_are_substance_and_a_request_goes_to_the_one_who_answers_it_with_the_answer()
    {
        var minutes = await DraftAsync("short-answers", DraftStyle.Summary, "議案第12号 市立保育所条例の一部改正について");
        var items = minutes.Sections.Single().Items;

        Assert.Contains(items, i => i.Kind == ItemKinds.Answer && i.Speaker == "福祉課長" && i.Text == "4人である。");
        Assert.Contains(items, i => i.Kind == ItemKinds.Answer && i.Speaker == "福祉課長" && i.Text == "82点である。");
        // 「していただきたい」 is a request; the chair spoke next, but the one who answers it owns it.
        var request = Assert.Single(items, i => i.Kind == ItemKinds.Action);
        Assert.Equal(("大野委員", "福祉課長", ItemParts.Requests), (request.Requester, request.Owner, request.Part));
        var answer = Assert.Single(items, i => i.Id == request.AnswerId);
        Assert.Equal("次回の委員会でお示しする。", answer.Text);

        var layout = Layout(minutes);
        Assert.Equal(["【議案第12号】保育士の確保に向けた取組を、次回の委員会で示していただきたい。（要望者：大野委員、担当：福祉課長、回答：次回の委員会でお示しする）"], layout.Actions.Select(a => a.Text + MinutesLayout.OwnerAndDue(a, DocumentLabels.Japanese)));
    }

    [Theory]
    [InlineData(DraftStyle.Summary)]
    [InlineData(DraftStyle.Verbatim)]
    public async Task Within_an_item_statements_follow_the_meeting(DraftStyle style)
    {
        var lines = Load("vote-with-dissent").Concat(Load("short-answers").Select(l => l with { Start = l.Start + 100 })).ToList();
        var minutes = await DraftAsync(lines, style, "議案第12号 市立保育所条例の一部改正について", MeetingInfo.Empty);
        var section = Layout(minutes).Sections.Single();

        int First(LaidOutStatement s) => s.Citations.Min(c => int.Parse(c[1..], System.Globalization.CultureInfo.InvariantCulture));
        var parts = style == DraftStyle.Verbatim ? [section.Statements.ToList()] : section.Parts.Select(p => p.Statements.ToList()).ToList();
        foreach (var part in parts)
        {
            var order = part.Select(First).ToList();
            Assert.Equal(order.Order().ToList(), order);
        }

        if (style == DraftStyle.Verbatim)
        {
            // 全文: every segment is in the record, in the order it was said.
            Assert.Equal(Enumerable.Range(1, lines.Count).ToList(), section.Statements.SelectMany(s => s.Citations).Select(c => int.Parse(c[1..], System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order().ToList());
        }
    }

    private static MinutesLayout Layout(MinutesDocument minutes)
    {
        var segments = minutes.Sections.SelectMany(s => s.Items).SelectMany(i => i.Citations).Distinct().Select(id => new TranscriptSegment(id, 0, 1, string.Empty)).ToList();
        var transcript = new Transcript("ja", new TranscriptSource("reference", "script"), new Dictionary<string, string>(), segments, []);
        return MinutesLayout.From(new RunArtifacts(minutes, transcript), DocumentLabels.Japanese);
    }

    private static List<ScriptLine> Load(string name) =>
        File.ReadAllLines(RepoPaths.Fixture($"procedure/{name}.tsv")).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(f => new ScriptLine(
            f[0],
            double.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture),
            f[2],
            f[3].Split(',').Select(Enum.Parse<ProcedureKind>).ToList())).ToList();

    private static Task<MinutesDocument> DraftAsync(string script, DraftStyle style, string title, MeetingInfo? meeting = null) =>
        DraftAsync(Load(script), style, title, meeting ?? MeetingInfo.Empty);

    private static Task<MinutesDocument> DraftAsync(List<ScriptLine> lines, DraftStyle style, string title, MeetingInfo meeting)
    {
        var segments = lines.Select((line, i) => new TranscriptSegment($"s{i + 1:0000}", line.Start, line.Start + 4, line.Text, line.Speaker)).ToList();
        var transcript = new Transcript("ja", new TranscriptSource("reference", "script"), new Dictionary<string, string>(), segments, []);
        var sessions = new SessionPlan("test", new Dictionary<string, string>(), [new Session("p01", title, SessionKinds.Item, 0, segments[^1].End, [.. segments.Select(s => s.Id)], new SessionBoundary("start"))], []);
        return new OfflineDrafter().DraftAsync(new DraftInput(transcript, null, sessions, meeting, style, Confidentiality.From(1)), CancellationToken.None);
    }

    private sealed record ScriptLine(string Speaker, double Start, string Text, IReadOnlyList<ProcedureKind> Kinds);
}
