namespace Minutes.Drafting;

/// <summary>How the minutes are written; in JSON and on the command line <c>summary</c>, <c>verbatim</c> or <c>overview</c>.</summary>
public enum DraftStyle
{
    /// <summary>要点筆記: the points of each statement, である調.</summary>
    Summary,

    /// <summary>全文: each speaker's statements, fillers removed.</summary>
    Verbatim,

    /// <summary>議事概要: per part who presented what, a summary paragraph, its questions and answers, 主な意見.</summary>
    Overview,
}
