using Minutes.Sessions;

namespace Minutes.Rendering;

/// <summary>A question or an answer of a 議事概要, with the words that introduce it (参加者からの質問, 山口氏回答).</summary>
public sealed record OverviewExchange(string Label, LaidOutStatement Statement);

/// <summary>
/// One part of a 議事概要: who presented (as the meeting names them), the part's title, a summary
/// paragraph of what they said, the questions and answers asked under it, and 主な意見 (what
/// others said that was not a question).
/// </summary>
public sealed record OverviewPart(
    string SessionId,
    string Title,
    string? Presenter,
    IReadOnlyList<LaidOutStatement> Summary,
    IReadOnlyList<OverviewExchange> Exchanges,
    IReadOnlyList<LaidOutStatement> Opinions);

/// <summary>
/// The 議事概要 arrangement (<c>--style overview</c>): the title block of the minutes, then the
/// parts in order, each with its presenter, summary, questions and answers and 主な意見; 決定事項
/// and 今後の対応 only when something was decided or asked for. The facilitator (司会, 座長 …)
/// moves the meeting on and is not summarised.
/// </summary>
public sealed record OverviewLayout(MinutesLayout Minutes, IReadOnlyList<OverviewPart> Parts)
{
    public static OverviewLayout From(MinutesLayout minutes, DocumentLabels labels)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        ArgumentNullException.ThrowIfNull(labels);
        var parts = new List<OverviewPart>();
        foreach (var section in minutes.Sections)
        {
            var statements = section.Statements.ToList();
            var said = statements.Where(s => !IsExchange(s) && !IsFacilitator(s.Speaker)).ToList();
            // The floor (参加者) asks and comments; it does not present.
            var presenter = said.Where(s => s.Speaker is not null && !s.Speaker.StartsWith(labels["OverviewFloor"], StringComparison.Ordinal)).GroupBy(s => s.Speaker!, StringComparer.Ordinal)
                .OrderByDescending(g => g.Sum(s => s.Text.Length)).Select(g => g.Key).FirstOrDefault();
            var exchanges = Exchanges(statements.Where(IsExchange).ToList()).Select(s => new OverviewExchange(ExchangeLabel(s, labels), s)).ToList();
            parts.Add(new OverviewPart(
                section.SessionId,
                section.Title,
                presenter,
                said.Where(s => s.Speaker == presenter).ToList(),
                exchanges,
                said.Where(s => s.Speaker != presenter).ToList()));
        }

        return new OverviewLayout(minutes, parts.Where(p => p.Summary.Count + p.Exchanges.Count + p.Opinions.Count > 0).ToList());
    }

    /// <summary>
    /// The questions and answers without the facilitator's: 「ご質問のある方はいらっしゃいますか」
    /// invites questions, and what follows it is the first question, not an answer.
    /// </summary>
    private static List<LaidOutStatement> Exchanges(IReadOnlyList<LaidOutStatement> statements)
    {
        var kept = new List<LaidOutStatement>();
        for (var i = 0; i < statements.Count; i++)
        {
            if (IsFacilitator(statements[i].Speaker))
            {
                i += statements[i].Kind == Drafting.ItemKinds.Question && i + 1 < statements.Count && statements[i + 1].Kind == Drafting.ItemKinds.Answer ? 1 : 0;
                continue;
            }

            kept.Add(statements[i]);
        }

        return kept;
    }

    /// <summary>「参加者からの質問」 (「参加者からの要望」 for a request) for the floor (a participant, or a speaker nobody named); 「〇〇氏からの質問」 otherwise; 「〇〇氏回答」 for an answer.</summary>
    private static string ExchangeLabel(LaidOutStatement statement, DocumentLabels labels)
    {
        var floor = labels["OverviewFloor"];
        var who = statement.Speaker is null or "" ? floor : statement.Speaker;
        var asker = who.StartsWith(floor, StringComparison.Ordinal) ? floor : who;
        return statement.Kind switch
        {
            Drafting.ItemKinds.Answer => who + labels["OverviewAnswer"],
            Drafting.ItemKinds.Action => asker + labels["OverviewRequest"],
            _ => asker + labels["OverviewQuestion"],
        };
    }

    /// <summary>A question, a request (要望) or the answer given to either: kept together under the part where it was asked.</summary>
    private static bool IsExchange(LaidOutStatement statement) => statement.Kind is Drafting.ItemKinds.Question or Drafting.ItemKinds.Answer or Drafting.ItemKinds.Action;

    private static bool IsFacilitator(string? speaker) => speaker is not null && CueTable.Default.IsChairName(speaker);
}
