using Minutes.Drafting;

namespace Minutes.Tests.Drafting;

public sealed class PersonalInfoMaskTests
{
    [Fact]
    public void The_longest_text_is_masked_first_and_every_placeholder_is_restored()
    {
        var mask = PersonalInfoMask.From(["高橋", "高橋健一", "03-1234-5678", "高橋"]);
        const string said = "高橋健一さんの連絡先は03-1234-5678で、高橋さんが受けます。";

        var sent = mask.Apply(said);

        Assert.Equal("〔個人情報2〕さんの連絡先は〔個人情報1〕で、〔個人情報3〕さんが受けます。", sent);
        Assert.Equal(["〔個人情報1〕", "〔個人情報2〕", "〔個人情報3〕"], mask.Placeholders);
        Assert.Equal(said, mask.Restore(sent));
    }

    [Fact]
    public void Full_width_digits_are_masked_as_the_detector_read_them()
    {
        var mask = PersonalInfoMask.From(["03-1234-5678"]);

        Assert.Equal("電話は〔個人情報1〕です。", mask.Apply("電話は０３－１２３４－５６７８です。"));
    }

    [Fact]
    public void No_mask_sends_the_text_exactly_as_said()
    {
        const string said = "電話は０３－１２３４－５６７８です。";

        Assert.Equal(said, PersonalInfoMask.None.Apply(said));
        Assert.Empty(PersonalInfoMask.None.Placeholders);
    }

    [Fact]
    public void An_answer_without_placeholders_comes_back_unchanged()
    {
        var mask = PersonalInfoMask.From(["高橋健一"]);

        Assert.Equal("委員長が開会を宣言した。", mask.Restore("委員長が開会を宣言した。"));
    }
}
