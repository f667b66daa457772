using Minutes.Drafting;

namespace Minutes.Tests.Drafting;

/// <summary>What makes an LLM answer unusable, worded in Japanese for the repair message.</summary>
public sealed class DraftAnswerCheckTests
{
    [Fact]
    public void A_usable_answer_passes_even_inside_a_code_fence()
    {
        var problem = DraftAnswerCheck.Problem("```json\n{\"items\": [{\"kind\": \"summary\", \"text\": \"開会した。\", \"citations\": [\"s0001\"]}]}\n```", out var draft);

        Assert.Null(problem);
        Assert.Equal("開会した。", draft!.Items.Single().Text);
    }

    [Theory]
    [InlineData("ここに会議録を書きます", "JSON として読めません: ")]
    [InlineData("{\"items\": [{\"kind\": \"summary\", \"text\": \"開会した。\", \"citations\": []}]}", "本文または citations のない項目があります")]
    [InlineData("{\"items\": [{\"kind\": \"summary\", \"text\": \" \", \"citations\": [\"s0001\"]}]}", "本文または citations のない項目があります")]
    [InlineData("{\"items\": [{\"kind\": \"summary\", \"text\": \"The meeting was opened.\", \"citations\": [\"s0001\"]}]}", "本文が日本語ではありません: 「The meeting was opened.」")]
    public void An_unusable_answer_says_why_in_japanese(string answer, string reason)
    {
        var problem = DraftAnswerCheck.Problem(answer, out var draft);

        Assert.Null(draft);
        Assert.StartsWith(reason, problem, StringComparison.Ordinal);
        Assert.StartsWith("直前の回答は使えませんでした（" + reason, DrafterTexts.Repair(problem!), StringComparison.Ordinal);
    }
}
