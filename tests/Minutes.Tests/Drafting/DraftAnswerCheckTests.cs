using Minutes.Drafting;

namespace Minutes.Tests.Drafting;

/// <summary>What makes an LLM answer unusable, worded in Japanese for the repair message.</summary>
public sealed class DraftAnswerCheckTests
{
    private static readonly AnswerContext Committee = new(
        [
            new TranscriptLine("s0001", "S1", "委員長", "ただいまから開会します。"),
            new TranscriptLine("s0002", "S2", "〔個人情報2〕委員", "〔個人情報1〕さんから要望がありました。連絡先は〔個人情報3〕です。"),
        ],
        DraftStyle.Summary);

    [Fact]
    public void A_usable_answer_passes_even_inside_a_code_fence()
    {
        var problem = DraftAnswerCheck.Problem("```json\n{\"items\": [{\"kind\": \"summary\", \"text\": \"開会した。\", \"citations\": [\"s0001\"]}]}\n```", Committee, out var draft);

        Assert.Null(problem);
        Assert.Equal("開会した。", draft!.Items.Single().Text);
    }

    [Theory]
    [InlineData("ここに会議録を書きます", "JSON として読めません（1 行目 1 文字目「ここに会議録を書きます」の辺り）。")]
    [InlineData("{\"items\": [{\"kind\": \"summary\", \"text\": \"開会\n\"}", "JSON として読めません（1 行目 ")]
    [InlineData("{\"result\": []}", "\"items\" の配列がありません")]
    [InlineData("{\"items\": [{\"kind\": \"summary\", \"text\": \"開会した。\", \"citations\": []}]}", "1 番目の項目（「開会した。」）に本文または citations がありません")]
    [InlineData("{\"items\": [{\"kind\": \"summary\", \"text\": \"開会した。\", \"citations\": [\"s0001\"]}, {\"kind\": \"summary\", \"text\": \" \", \"citations\": [\"s0001\"]}]}", "2 番目の項目（「 」）に本文または citations がありません")]
    [InlineData("{\"items\": [{\"kind\": \"summary\", \"text\": \"The meeting was opened.\", \"citations\": [\"s0001\"]}]}", "1 番目の項目の本文が日本語ではありません（「The meeting was opened.」）")]
    [InlineData("{\"items\": [{\"kind\": \"質問\", \"text\": \"開会した。\", \"citations\": [\"s0001\"]}]}", "1 番目の項目の kind「質問」は使えません。summary, question, answer, decision, action, statement, procedure のいずれかにしてください")]
    public void An_unusable_answer_says_what_is_wrong_in_japanese(string answer, string reason)
    {
        var problem = DraftAnswerCheck.Problem(answer, Committee, out var draft);

        Assert.Null(draft);
        Assert.StartsWith(reason, problem, StringComparison.Ordinal);
        var repair = DrafterTexts.Repair([problem!]);
        Assert.StartsWith("直前の回答は使えませんでした。次の点を直し、", repair, StringComparison.Ordinal);
        Assert.EndsWith("\n・" + problem, repair, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("個人情報1さんから要望があった。", "1 番目の項目の「個人情報1」は個人情報の記号を書き換えています。発言にある記号（〔個人情報1〕、〔個人情報2〕、〔個人情報3〕）を、かっこと番号を含めてそのまま写してください")]
    [InlineData("［個人情報１］さんから要望があった。", "1 番目の項目の「［個人情報１］」は個人情報の記号を書き換えています。")]
    [InlineData("〔個人情報〕さんから要望があった。", "1 番目の項目の「〔個人情報〕」は個人情報の記号を書き換えています。")]
    [InlineData("〔個人情報 1〕さんから要望があった。", "1 番目の項目の「〔個人情報 1〕」は個人情報の記号を書き換えています。")]
    [InlineData("〔個人情報4〕さんから要望があった。", "1 番目の項目の 〔個人情報4〕 は、citations の発言にない記号です。")]
    public void A_placeholder_written_another_way_or_not_in_the_cited_segments_is_sent_back(string text, string reason)
    {
        var answer = ScriptedLlmServerItems(text, "s0002");

        var problem = DraftAnswerCheck.Problem(answer, Committee, out var draft);

        Assert.Null(draft);
        Assert.StartsWith(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_placeholder_copied_exactly_passes_and_a_summary_may_leave_one_out_but_verbatim_may_not()
    {
        var kept = ScriptedLlmServerItems("〔個人情報1〕さんから要望があり、連絡先は〔個人情報3〕である。", "s0002");
        var left = ScriptedLlmServerItems("住民から要望があった。", "s0002", "statement");
        // An owner may name a masked speaker.
        var owner = "{\"items\": [{\"kind\": \"action\", \"text\": \"〔個人情報1〕さんの要望に対応する。\", \"citations\": [\"s0002\"], \"owner\": \"〔個人情報2〕委員\"}]}";
        var verbatim = new AnswerContext([.. Committee.Texts.Select(p => new TranscriptLine(p.Key, "S2", "〔個人情報2〕委員", p.Value))], DraftStyle.Verbatim);

        Assert.Null(DraftAnswerCheck.Problem(kept, Committee, out _));
        Assert.Null(DraftAnswerCheck.Problem(left, Committee, out _));
        Assert.Null(DraftAnswerCheck.Problem(owner, Committee, out _));
        Assert.Equal(
            "1 番目の項目は、引用した発言にある 〔個人情報1〕 を落としています。全文では記号もそのまま残してください\n1 番目の項目は、引用した発言にある 〔個人情報3〕 を落としています。全文では記号もそのまま残してください",
            DraftAnswerCheck.Problem(left, verbatim, out _));
    }

    [Fact]
    public void A_word_that_only_resembles_a_placeholder_is_not_a_problem()
    {
        var answer = ScriptedLlmServerItems("個人情報の保護に関する条例の改正について説明があった。", "s0001");

        Assert.Null(DraftAnswerCheck.Problem(answer, Committee, out _));
    }

    private static string ScriptedLlmServerItems(string text, string citation, string kind = "summary") =>
        Minutes.Tests.Support.ScriptedLlmServer.Items(text, citation, kind);
}
