namespace Minutes.Rendering;

/// <summary>
/// What a 議事概要 is made of, in the order <see cref="OverviewDocument"/> writes it; each format
/// (Markdown or plain text in <see cref="OverviewRenderer"/>, Word in <see cref="DocxRenderer"/>)
/// says only how a piece looks.
/// </summary>
internal interface IOverviewWriter
{
    void Title(string title);

    /// <summary>The title block: 会議名, 日時, 場所, 出席者, 議題 ….</summary>
    void TitleBlock(MinutesLayout minutes);

    /// <summary>Level 2: 議事の概要, 決定事項, 今後の対応; 3: a part; 4: 質疑応答, 主な意見 within a part.</summary>
    void Heading(int level, string title);

    /// <summary>A labelled line of a part (発表者：山口氏).</summary>
    void Field(string label, string value);

    /// <summary>The summary paragraph of a part: what its presenter said, with the citations of all of it.</summary>
    void Paragraph(string text, string citations);

    /// <summary>
    /// One point of a list: a question or answer under its label (参加者からの質問), an opinion, a
    /// decision or a follow-up with <paramref name="suffix"/> (担当, 期限) before its citations.
    /// </summary>
    void Point(string? label, LaidOutStatement statement, string suffix);

    /// <summary>The end of a list of points.</summary>
    void EndList();
}
