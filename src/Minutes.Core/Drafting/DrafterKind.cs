namespace Minutes.Drafting;

/// <summary>Which drafter wrote the minutes; in JSON <c>offline</c> or <c>llm</c>.</summary>
public enum DrafterKind
{
    /// <summary>The extractive drafter: nothing leaves the machine.</summary>
    Offline,

    /// <summary>An LLM through Semantic Kernel.</summary>
    Llm,
}
