namespace Minutes.Drafting;

/// <summary>An item in an LLM call's answer: the call's trace file (run-relative) and a JSON pointer into its response.</summary>
public sealed record CallPointer(string Call, string Pointer);
