namespace Minutes.Drafting;

/// <summary>
/// How a decision was reached: <see cref="Method"/> <c>show-of-hands</c> (挙手), <c>standing</c>
/// (起立), <c>ballot</c> (投票) or <c>simple</c> (簡易採決: 諮り, 「異議なし」, 宣告); <see cref="Count"/>
/// <c>unanimous</c> (全員, 異議なし) or <c>majority</c> (多数); <see cref="Outcome"/> <c>passed</c> (可決),
/// <c>rejected</c> (否決), <c>adopted</c> (採択), <c>not-adopted</c> (不採択), <c>continued</c> (継続審査),
/// <c>approved</c> (承認) or <c>noted</c> (了承). Each is null when the meeting did not say it.
/// </summary>
public sealed record VoteRecord(string? Method, string? Count, string? Outcome);
