namespace Minutes.Provenance;

/// <summary>The statement as the minutes hold it: id, kind, speaker (name), text and the section (session) it stands in.</summary>
public sealed record StatementStep(string Id, string Kind, string Text, string? Speaker, string SessionId, string SectionTitle);
