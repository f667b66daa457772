namespace Minutes.Sessions;

/// <summary>Why a session starts where it does, and the evidence (segment and matched text).</summary>
public sealed record SessionBoundary(string Reason, string? SegmentId = null, string? Evidence = null, string? Pattern = null)
{
    /// <summary>
    /// Every signal seen at the boundary, as short lines (a facilitator's hand-over, the presenter
    /// who speaks next, the agenda line naming that presenter, the silence before it); null when
    /// there is nothing beside <see cref="Evidence"/>.
    /// </summary>
    public IReadOnlyList<string>? Signals { get; init; }
}

/// <summary>An agenda part of the meeting (開会, 議題1, 休憩, 閉会 …); ids p01….</summary>
public sealed record Session(
    string Id,
    string Title,
    string Kind,
    double Start,
    double End,
    IReadOnlyList<string> SegmentIds,
    SessionBoundary Boundary);

/// <summary><c>trace/05-sessions.json</c>.</summary>
public sealed record SessionPlan(
    string Method,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<Session> Sessions,
    IReadOnlyList<string> Notes);
