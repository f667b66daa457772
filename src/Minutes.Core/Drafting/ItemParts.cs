namespace Minutes.Drafting;

/// <summary>
/// The parts of an agenda item in the summary style (要点筆記), in the order the documents show
/// them; an item without a part (the chair opening the item) comes first.
/// </summary>
public static class ItemParts
{
    /// <summary>説明要旨: what those who explain said.</summary>
    public const string Explanation = "explanation";

    /// <summary>質疑: questions and their answers, in spoken order.</summary>
    public const string Questions = "questions";

    /// <summary>意見・要望: opinions and requests (who asked whom), and the answer given.</summary>
    public const string Requests = "requests";

    /// <summary>討論: statements for and against.</summary>
    public const string Debate = "debate";

    /// <summary>採決: how the vote was taken and came out.</summary>
    public const string Vote = "vote";

    /// <summary>The result line: the decision.</summary>
    public const string Result = "result";

    /// <summary>The parts in document order.</summary>
    public static IReadOnlyList<string> Order { get; } = [Explanation, Questions, Requests, Debate, Vote, Result];
}
