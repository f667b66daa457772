namespace Minutes.Drafting;

/// <summary>
/// One segment as an LLM is sent it (masked when the level asks): its id, its speaker's id, the
/// speaker's display name (委員長, 話者3 …) and its text. Written as a compact line by
/// <see cref="CompactTranscript"/>.
/// </summary>
public sealed record TranscriptLine(string Id, string Speaker, string Name, string Text);
