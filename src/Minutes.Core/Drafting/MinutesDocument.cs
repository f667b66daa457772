using Minutes.Policy;

namespace Minutes.Drafting;

/// <summary>The kinds of statement a minutes section holds.</summary>
public static class ItemKinds
{
    /// <summary>A summary point (要点), である調.</summary>
    public const string Summary = "summary";

    /// <summary>A question of a 質疑応答 pair.</summary>
    public const string Question = "question";

    /// <summary>The answer to the question before it.</summary>
    public const string Answer = "answer";

    /// <summary>A decision (決定事項): 可決, 了承, 決定.</summary>
    public const string Decision = "decision";

    /// <summary>A follow-up (今後の対応): a request or assignment, with owner and due date when stated.</summary>
    public const string Action = "action";

    /// <summary>A speaker's cleaned verbatim statement (全文 style).</summary>
    public const string Statement = "statement";
}

/// <summary>The result of checking one statement against the segments it cites.</summary>
public sealed record ItemVerification(string Status, IReadOnlyList<string> Reasons)
{
    public const string Supported = "supported";
    public const string Unsupported = "unsupported";
}

/// <summary>
/// One statement of the minutes, m0001…, with the transcript segments it rests on. Nothing in
/// the minutes is without citations; an item that fails verification is kept but flagged.
/// </summary>
public sealed record MinutesItem(
    string Id,
    string Kind,
    string Text,
    IReadOnlyList<string> Citations,
    string? Speaker = null,
    string? Owner = null,
    string? Due = null,
    ItemVerification? Verification = null);

/// <summary>The minutes of one session (agenda part).</summary>
public sealed record MinutesSection(string SessionId, string Title, IReadOnlyList<MinutesItem> Items);

/// <summary>会議名, 日時, 場所, 出席者, 議題.</summary>
public sealed record MinutesHeader(
    string MeetingName,
    string? Date,
    string? Place,
    IReadOnlyList<string> Attendees,
    IReadOnlyList<string> Agenda);

/// <summary>Which drafter wrote the minutes: offline (extractive) or an LLM (model, endpoint host).</summary>
public sealed record DrafterInfo(DrafterKind Kind, string? Model = null, string? EndpointHost = null, string? PromptSet = null);

/// <summary>
/// A piece of personal information found in the transcript, and what was done with it.
/// <see cref="Id"/> is stable for the same kind, text and segment (so a decision survives a
/// redraft); <see cref="Person"/> says whose it is: <c>public</c> for people of the roster and the
/// named speakers (members, officials, staff: named in the minutes, masked when sent), <c>private</c>
/// for anyone else, and for every phone number, address or individual number.
/// </summary>
public sealed record PersonalInfoFinding(string Kind, string Text, string SegmentId, string Action, string? Id = null, string? Person = null);

/// <summary><c>trace/07-minutes.json</c>: the structured minutes every document is rendered from.</summary>
public sealed record MinutesDocument(
    MinutesHeader Header,
    DraftStyle Style,
    DrafterInfo Drafter,
    Confidentiality Confidentiality,
    IReadOnlyList<MinutesSection> Sections,
    IReadOnlyList<PersonalInfoFinding> PersonalInformation);
