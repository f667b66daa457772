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

    /// <summary>
    /// The procedure as said (諮り, 採決 and its result, 宣告, 討論, 休憩, 再開); members'
    /// 「異議なし」 is one item without a speaker: （「異議なし」と呼ぶ者あり）.
    /// </summary>
    public const string Procedure = "procedure";

    /// <summary>
    /// A stage note in place, without a speaker: a break or the resumption (「休憩」/「再開」, with
    /// <see cref="MinutesItem.Time"/> when the clock is known), and in the verbatim style members'
    /// （「異議なし」と呼ぶ者あり） and the result of a vote by hands （挙手多数）.
    /// </summary>
    public const string Note = "note";
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
/// The fields after <see cref="Verification"/> carry the record's structure (all optional):
/// <see cref="Part"/> (the 要点筆記 part, <see cref="ItemParts"/>), <see cref="Vote"/> (how a
/// decision was reached), <see cref="Side"/> (賛成/反対 in 討論: <c>for</c>|<c>against</c>),
/// <see cref="Subject"/> (the agenda item a decision or request concerns), <see cref="Resolution"/>
/// (a decision with the item as its subject, for 決定事項), <see cref="Requester"/> (who made a
/// request; <see cref="Owner"/> is then the addressee), <see cref="AnswerId"/> (the item holding
/// the answer given to it) and <see cref="Time"/> (the clock time of a break or resumption).
/// </summary>
public sealed record MinutesItem(
    string Id,
    string Kind,
    string Text,
    IReadOnlyList<string> Citations,
    string? Speaker = null,
    string? Owner = null,
    string? Due = null,
    ItemVerification? Verification = null,
    string? Part = null,
    VoteRecord? Vote = null,
    string? Side = null,
    string? Subject = null,
    string? Resolution = null,
    string? Requester = null,
    string? AnswerId = null,
    string? Time = null,

    ItemProvenance? Provenance = null);

/// <summary>The minutes of one session (agenda part).</summary>
public sealed record MinutesSection(string SessionId, string Title, IReadOnlyList<MinutesItem> Items);

/// <summary>
/// 会議名, 日時, 場所, 出席者 (the speakers), 議題; and from the meeting file, when it gives them,
/// 開会・閉会 and the roll (出席委員, 欠席委員, 説明のため出席した者, 事務局職員, 署名委員) and any
/// other key. A field the file does not give is null (left out of the JSON and of the documents).
/// </summary>
public sealed record MinutesHeader(
    string MeetingName,
    string? Date,
    string? Place,
    IReadOnlyList<string> Attendees,
    IReadOnlyList<string> Agenda,
    string? Opened = null,
    string? Closed = null,
    IReadOnlyList<RollMember>? Present = null,
    IReadOnlyList<RollMember>? Absent = null,
    IReadOnlyList<RollMember>? Explainers = null,
    IReadOnlyList<RollMember>? Staff = null,
    IReadOnlyList<RollMember>? Signers = null,
    IReadOnlyList<MeetingField>? Other = null)
{
    /// <summary>Everyone the roll names (present, explainers, staff, signers, absent), each once.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<RollMember> Roll =>
        new[] { Present, Explainers, Staff, Signers, Absent }.OfType<IReadOnlyList<RollMember>>().SelectMany(l => l)
            .DistinctBy(m => m.Name, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The roll member a speaker label stands for: the one member whose role is the label
    /// (委員長), or whose role ends the label after the start of their name (田中委員 for
    /// 委員 田中花子), or whose name is the label; null when none or several fit.
    /// </summary>
    public RollMember? MemberFor(string? label)
    {
        if (string.IsNullOrEmpty(label))
        {
            return null;
        }

        var roll = Roll;
        var byName = roll.Where(m => m.Name == label).ToList();
        if (byName.Count == 1)
        {
            return byName[0];
        }

        var byRole = roll.Where(m => m.Role == label).ToList();
        if (byRole.Count > 0)
        {
            return byRole.Count == 1 ? byRole[0] : null;
        }

        var bySurname = roll.Where(m => m.Role is { Length: > 0 } role && label.Length > role.Length
            && label.EndsWith(role, StringComparison.Ordinal) && m.Name.StartsWith(label[..^role.Length], StringComparison.Ordinal)).ToList();
        return bySurname.Count == 1 ? bySurname[0] : null;
    }
}

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
    IReadOnlyList<PersonalInfoFinding> PersonalInformation)
{
    /// <summary>The kind of meeting the draft was written for, and how it was chosen (the meeting file's 種別, or inferred and why).</summary>
    public MeetingKindChoice? MeetingKind { get; init; }

    /// <summary>The style that was asked for and where from; <see cref="Style"/> is the one used (absent in drafts made before it was recorded).</summary>
    public StyleRequest? StyleRequest { get; init; }

    /// <summary>The artifact's schema version (<c>docs/schemas/</c>); absent in older runs, which read as 1.</summary>
    /// <remarks>The source generator sets a member the JSON lacks to 0: that reads as 1 too.</remarks>
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public int SchemaVersion { get => field == 0 ? Runs.SchemaVersions.Unversioned : field; init; } = Runs.SchemaVersions.Current;
}
