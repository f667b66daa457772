namespace Minutes.Drafting;

/// <summary>
/// One request of a draft: the prompt file it was rendered from (<c>draft-session</c>,
/// <c>merge-session</c>), the session and part it drafts (<c>2/3</c>, <c>1/1.2</c>, <c>merge 1.1</c>),
/// the rendered system message, the data message, and what the answer is checked against.
/// </summary>
internal sealed record LlmRequest(string Prompt, string Session, string Part, string System, string Data, AnswerContext Context);
