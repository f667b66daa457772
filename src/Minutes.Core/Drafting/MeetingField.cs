namespace Minutes.Drafting;

/// <summary>A line of the meeting file under a key the tool does not know, kept as the clerk wrote it.</summary>
public sealed record MeetingField(string Key, string Value);
