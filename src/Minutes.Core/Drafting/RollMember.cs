namespace Minutes.Drafting;

/// <summary>One person of the meeting file's roll: <c>役職 氏名</c> (the role may be absent).</summary>
public sealed record RollMember(string? Role, string Name);
