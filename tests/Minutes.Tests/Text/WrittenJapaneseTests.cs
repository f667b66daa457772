using Minutes.Text;

namespace Minutes.Tests.Text;

/// <summary>The language rules of the minutes, as a table of cases: what was said, and how the 会議録 writes it.</summary>
public sealed class WrittenJapaneseTests
{
    [Theory]
    [InlineData("補正予算は総額1,250万円の増額でございます。", "補正予算は総額1,250万円の増額である。")]
    [InlineData("十分な数がございます。", "十分な数がある。")]
    [InlineData("お集まりいただき、ありがとうございます。", "お集まりいただき、感謝申し上げる。")]
    [InlineData("ご説明ありがとうございました。", "ご説明感謝申し上げる。")]
    [InlineData("予約を停止いたします。", "予約を停止する。")]
    [InlineData("今回の補正で計上いたしました。", "今回の補正で計上した。")]
    [InlineData("会議は成立しております。", "会議は成立している。")]
    [InlineData("準備を進めております。", "準備を進めている。")]
    [InlineData("対策に取り組んでおります。", "対策に取り組んでいる。")]
    [InlineData("引き続き検討してまいります。", "引き続き検討していく。")]
    [InlineData("これまで周知してまいりました。", "これまで周知してきた。")]
    [InlineData("本日の出席委員は全員であります。", "本日の出席委員は全員である。")]
    [InlineData("達成は難しいと思います。", "達成は難しいと思う。")]
    [InlineData("問題はありません。", "問題はない。")]
    [InlineData("説明会を開催する予定です。", "説明会を開催する予定である。")]
    [InlineData("広報紙で周知を行います。", "広報紙で周知を行う。")]
    [InlineData("高齢者への周知は、どのように行いますか。", "高齢者への周知は、どのように行うのか。")]
    [InlineData("その根拠は、資料に示されていますか。", "その根拠は、資料に示されているのか。")]
    [InlineData("達成の見込みはあるのでしょうか。", "達成の見込みはあるのか。")]
    [InlineData("何か所に設置する計画でしょうか。", "何か所に設置する計画なのか。")]
    [InlineData("対象は何施設ですか。", "対象は何施設なのか。")]
    [InlineData("ほかに方法はありませんか。", "ほかに方法はないのか。")]
    [InlineData("計上しなかった理由を教えてください。", "計上しなかった理由を伺いたい。")]
    [InlineData("今後の見通しをお聞かせください。", "今後の見通しを伺いたい。")]
    [InlineData("財源について伺います。", "財源について問う。")]
    [InlineData("進捗管理を徹底してください。", "進捗管理を徹底されたい。")]
    [InlineData("この、この件については了承した。", "この件については了承した。")]
    [InlineData("了承した。", "了承した。")]
    [InlineData("回答できるようにしてはいかがでしょうか。", "回答できるようにしてはどうか。")]
    [InlineData("事務局案のとおり了承することでよろしいでしょうか。", "事務局案のとおり了承することでよいか。")]
    [InlineData("15パーセント分ですね。", "15パーセント分ですね。")]
    public void A_spoken_sentence_is_written_in_dearu_style(string spoken, string written) =>
        Assert.Equal(written, WrittenJapanese.ToDearu(spoken));

    [Theory]
    [InlineData("千二百五十万円の補正予算案", "1,250万円の補正予算案")]
    [InlineData("1,250万円の増額", "1,250万円の増額")]
    [InlineData("来場者は四千二百人であった", "来場者は4,200人であった")]
    [InlineData("一億二千万円", "1億2,000万円")]
    [InlineData("三億円", "3億円")]
    [InlineData("令和八年四月一日に移行する", "令和8年4月1日に移行する")]
    [InlineData("二〇二五年度", "2025年度")]
    [InlineData("二千二十五年", "2025年")]
    [InlineData("次に、議題二について", "次に、議題2について")]
    [InlineData("本日は、二件の議題について審査する", "本日は、2件の議題について審査する")]
    [InlineData("一般会計の一部を改正する", "一般会計の一部を改正する")]
    [InlineData("第三者の意見を聴く", "第三者の意見を聴く")]
    [InlineData("第三次計画", "第3次計画")]
    [InlineData("重点施策の三つを掲げる", "重点施策の三つを掲げる")]
    [InlineData("十分に説明する", "十分に説明する")]
    [InlineData("統一した様式", "統一した様式")]
    [InlineData("市民の高橋健一さんから要望があった", "市民の高橋健一さんから要望があった")]
    [InlineData("議事係長 伊藤四郎", "議事係長 伊藤四郎")]
    [InlineData("歩道に面する一階部分", "歩道に面する1階部分")]
    public void Numbers_are_written_as_horizontal_official_documents_write_them(string said, string written) =>
        Assert.Equal(written, WrittenJapanese.OfficialNumerals(said));
}
