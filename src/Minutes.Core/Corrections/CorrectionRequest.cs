namespace Minutes.Corrections;

/// <summary>
/// One correction as a reviewer asks for it (from <c>minutes correct</c> or the review workbench):
/// <c>Text</c>: segment → new text; <c>Speaker</c>: segment → speaker label; <c>RenameSpeaker</c>:
/// label → name; <c>MergeSpeakers</c>: label kept → label merged into it; <c>Replace</c>: wrong → right.
/// </summary>
public sealed record CorrectionRequest(CorrectionOperation Operation, string Target, string Value);
