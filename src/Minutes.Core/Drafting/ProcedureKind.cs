namespace Minutes.Drafting;

/// <summary>What a sentence does in the procedure of a meeting (<see cref="ProcedureClassifier"/>).</summary>
public enum ProcedureKind
{
    /// <summary>Substance: a statement, a question, an answer (also a short one: 「反対です。」).</summary>
    None,

    /// <summary>The chair puts a question to the meeting (諮り): 「ご異議ありませんか」, 「よろしいでしょうか」.</summary>
    Putting,

    /// <summary>Members' 「異議なし」.</summary>
    Assent,

    /// <summary>The chair declares the outcome (宣告): 「ご異議なしと認めます」.</summary>
    Declaration,

    /// <summary>The chair calls the vote (採決): 「賛成の方の挙手を求めます」.</summary>
    VoteCall,

    /// <summary>How the vote came out: 「挙手多数であります」.</summary>
    VoteResult,

    /// <summary>討論: opened, closed or none.</summary>
    Debate,

    /// <summary>休憩.</summary>
    Recess,

    /// <summary>再開.</summary>
    Resume,

    /// <summary>Words of the course of the meeting with nothing to record: 「質疑はありませんか」, 「承知いたしました」.</summary>
    Formula,

    /// <summary>The chair naming the next speaker (「企画課長。」) or a speaker naming themself (「田中です。」).</summary>
    Nomination,
}
