namespace Minutes.Audio;

/// <summary>
/// One recording of a meeting recorded in several files, as <c>01-audio.json</c>'s <c>sources</c>
/// lists them: the file, its sha256, and where it starts in the joined audio and how long it is
/// (seconds). The start of every recording after the first is a join point.
/// </summary>
public sealed record AudioSourcePart(string File, string Sha256, double Start, double Duration);
