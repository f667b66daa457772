using Minutes.Drafting;
using Minutes.Json;
using Minutes.Policy;
using Minutes.Runs;
using Minutes.Sessions;
using Minutes.Tests.Support;
using Minutes.Transcription;

namespace Minutes.Tests.Drafting;

/// <summary>
/// The procedure classifier on its own, and the offline drafter on procedure-heavy scripts: a vote
/// by show of hands with a dissent, 簡易採決 with 異議なし, a petition continued, a break and the
/// resumption, and short answers of substance.
/// </summary>
public sealed class ProcedureTests
{
    private static readonly string[] Labels = ["委員長", "田中委員", "佐藤委員", "企画課長"];

    [Theory]
    [InlineData("委員長", "本案を原案のとおり可決することにご異議ありませんか。", ProcedureKind.Putting)]
    [InlineData("委員長", "原案のとおり決することでよろしいでしょうか。", ProcedureKind.Putting)]
    [InlineData("田中委員", "この点でよろしいでしょうか。", ProcedureKind.None)]
    [InlineData("田中委員", "異議なし。", ProcedureKind.Assent)]
    [InlineData("佐藤委員", "異議ありません。", ProcedureKind.Assent)]
    [InlineData("委員長", "ご異議なしと認めます。", ProcedureKind.Declaration)]
    [InlineData("委員長", "本案に賛成の方の挙手を求めます。", ProcedureKind.VoteCall)]
    [InlineData("委員長", "これより採決いたします。", ProcedureKind.VoteCall)]
    [InlineData("委員長", "挙手多数であります。", ProcedureKind.VoteResult)]
    [InlineData("委員長", "これより討論に入ります。", ProcedureKind.Debate)]
    [InlineData("委員長", "ここで10分間休憩いたします。", ProcedureKind.Recess)]
    [InlineData("委員長", "再開いたします。", ProcedureKind.Resume)]
    [InlineData("委員長", "質疑はありませんか。", ProcedureKind.Formula)]
    [InlineData("企画課長", "承知いたしました。", ProcedureKind.Formula)]
    [InlineData("委員長", "企画課長。", ProcedureKind.Nomination)]
    [InlineData("田中委員", "田中です。", ProcedureKind.Nomination)]
    [InlineData("田中委員", "反対です。", ProcedureKind.None)]
    [InlineData("企画課長", "八十二点でございます。", ProcedureKind.None)]
    [InlineData("企画課長", "23施設です。", ProcedureKind.None)]
    [InlineData("佐藤委員", "何人ですか。", ProcedureKind.None)]
    public void A_sentence_is_classified_by_the_cue_table_not_by_its_length(string speaker, string sentence, ProcedureKind expected) =>
        Assert.Equal(expected, ProcedureClassifier.For(Labels).Classify(sentence, speaker));

    [Fact]
    public async Task A_vote_by_show_of_hands_records_the_dissent_the_call_and_how_the_result_was_reached()
    {
        var minutes = await DraftAsync(
            ("委員長", "これより討論に入ります。討論はありませんか。"),
            ("田中委員", "反対です。"),
            ("委員長", "これより採決いたします。本案に賛成の方の挙手を求めます。"),
            ("委員長", "挙手多数であります。よって、本案は原案のとおり可決されました。"));

        var items = minutes.Sections.Single().Items;
        Assert.Contains(items, i => i.Kind == ItemKinds.Summary && i.Speaker == "田中委員" && i.Text == "反対である。");
        Assert.Contains(items, i => i.Kind == ItemKinds.Procedure && i.Text == "本案に賛成の方の挙手を求めます。");
        Assert.Contains(items, i => i.Kind == ItemKinds.Procedure && i.Text == "挙手多数であります。");
        var decision = Assert.Single(items, i => i.Kind == ItemKinds.Decision);
        Assert.Equal("挙手多数である。よって、本案は原案のとおり可決された。", decision.Text);
        // The call for hands is procedure, not a follow-up owned by the chair.
        Assert.DoesNotContain(items, i => i.Kind == ItemKinds.Action);
        Assert.DoesNotContain(items, i => i.Kind == ItemKinds.Question);
    }

    [Fact]
    public async Task A_simple_vote_with_assent_records_the_putting_one_assent_and_the_declaration()
    {
        var minutes = await DraftAsync(
            ("委員長", "本案を原案のとおり可決すべきものと決することに、ご異議ありませんか。"),
            ("田中委員", "異議なし。"),
            ("佐藤委員", "異議なし。"),
            ("委員長", "ご異議なしと認めます。よって、本案は原案のとおり可決すべきものと決定いたしました。"));

        var items = minutes.Sections.Single().Items;
        Assert.Equal([ItemKinds.Procedure, ItemKinds.Procedure, ItemKinds.Procedure, ItemKinds.Decision], items.Select(i => i.Kind));
        Assert.Equal("委員長", items[0].Speaker);
        // The chair's putting is not a member's question.
        Assert.DoesNotContain(items, i => i.Kind == ItemKinds.Question);
        var assent = items[1];
        Assert.Equal(("（「異議なし」と呼ぶ者あり）", null), (assent.Text, assent.Speaker));
        Assert.Equal(["s0002", "s0003"], assent.Citations);
        Assert.StartsWith("ご異議なしと認める。よって、", items[3].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_petition_continued_and_a_break_keep_their_procedure_and_short_answers_of_substance()
    {
        var minutes = await DraftAsync(
            ("佐藤委員", "請願の対象となる児童は何人ですか。"),
            ("委員長", "企画課長。"),
            ("企画課長", "八十二人でございます。"),
            ("委員長", "ここで10分間休憩いたします。"),
            ("委員長", "再開いたします。"),
            ("田中委員", "なお調査が必要と考えます。継続審査とすべきものと考えます。"),
            ("委員長", "本請願は継続審査とすることにご異議ありませんか。"),
            ("佐藤委員", "異議なし。"),
            ("委員長", "ご異議なしと認めます。よって、本請願は継続審査とすることに決定いたしました。"));

        var items = minutes.Sections.Single().Items;
        Assert.Contains(items, i => i.Kind == ItemKinds.Question && i.Text == "請願の対象となる児童は何人なのか。");
        Assert.Contains(items, i => i.Kind == ItemKinds.Answer && i.Speaker == "企画課長" && i.Text == "82人である。");
        // The break and the resumption are notes in place (no time of day without a meeting file).
        Assert.Contains(items, i => i.Kind == ItemKinds.Note && i.Text == "休憩" && i.Citations.SequenceEqual(["s0004"]));
        Assert.Contains(items, i => i.Kind == ItemKinds.Note && i.Text == "再開" && i.Citations.SequenceEqual(["s0005"]));
        Assert.Contains(items, i => i.Kind == ItemKinds.Summary && i.Speaker == "田中委員" && i.Text.Contains("継続審査", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Kind == ItemKinds.Decision && i.Text.Contains("継続審査とすることに決定した", StringComparison.Ordinal));
        Assert.DoesNotContain(items, i => i.Text.Contains("企画課長。", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Items_named_with_kanji_numerals_around_a_break_match_the_agenda_file()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("agenda.txt"), "議案第12号 市税条例の一部改正について\n議案第13号 手数料条例の一部改正について\n");
        File.WriteAllText(temp.File("meeting.vtt"), """
            WEBVTT

            00:00:01.000 --> 00:00:04.000
            <v 委員長>ただいまから委員会を開会いたします。

            00:00:05.000 --> 00:00:09.000
            <v 委員長>議案第十二号、市税条例の一部改正についてを議題といたします。

            00:00:10.000 --> 00:00:15.000
            <v 課長>今回の改正は、税率の見直しでございます。

            00:00:16.000 --> 00:00:19.000
            <v 委員長>ここで暫時休憩いたします。

            00:01:30.000 --> 00:01:33.000
            <v 委員長>再開いたします。

            00:01:34.000 --> 00:01:38.000
            <v 委員長>次に、議案第十三号、手数料条例の一部改正についてを議題といたします。

            00:01:39.000 --> 00:01:44.000
            <v 課長>手数料を改定するものでございます。

            00:01:45.000 --> 00:01:48.000
            <v 委員長>以上で本日の委員会を閉会いたします。

            """);

        var imported = await CliRunner.RunAsync("import", temp.File("meeting.vtt"), "-o", temp.File("run"), "--agenda", temp.File("agenda.txt"));

        Assert.True(imported.ExitCode == 0, imported.Error);
        var items = RunFolder.Open(temp.File("run")).Read(RunFolder.SessionsTrace, MinutesJson.Context.SessionPlan).Sessions.Where(s => s.Kind == SessionKinds.Item).ToList();
        Assert.Equal(["議案第12号 市税条例の一部改正について", "議案第13号 手数料条例の一部改正について"], items.Select(s => s.Title));
        Assert.Equal(["s0002", "s0006"], items.Select(s => s.SegmentIds[0]));
    }

    private static Task<MinutesDocument> DraftAsync(params (string Speaker, string Text)[] script)
    {
        var segments = script.Select((line, i) => new TranscriptSegment($"s{i + 1:0000}", i * 5, (i * 5) + 4, line.Text, line.Speaker)).ToList();
        var transcript = new Transcript("ja", new TranscriptSource("reference", "script"), new Dictionary<string, string>(), segments, []);
        var sessions = new SessionPlan("test", new Dictionary<string, string>(), [new Session("p01", "議題1", SessionKinds.Item, 0, script.Length * 5, [.. segments.Select(s => s.Id)], new SessionBoundary("start"))], []);
        var input = new DraftInput(transcript, null, sessions, MeetingInfo.Empty, DraftStyle.Summary, Confidentiality.From(1));
        return new OfflineDrafter().DraftAsync(input, CancellationToken.None);
    }
}
