namespace Minutes.Drafting;

/// <summary>The kind of the meeting and how it was chosen (<c>meeting-file</c> or <c>inferred</c>), with the reason in words for the trace.</summary>
public sealed record MeetingKindChoice(MeetingKind Kind, string Source, string Reason)
{
    public const string FromMeetingFile = "meeting-file";
    public const string Inferred = "inferred";

    /// <summary>The kind's Japanese name, as the meeting file writes it (委員会, 説明会 …).</summary>
    public string Name => MeetingKinds.Name(Kind);
}
