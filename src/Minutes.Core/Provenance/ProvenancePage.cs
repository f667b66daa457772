using Minutes.Drafting;

namespace Minutes.Provenance;

/// <summary>What the review page's provenance panel reads: the chain of every statement and segment, and the LLM calls they name.</summary>
public sealed record ProvenancePage(IReadOnlyDictionary<string, ProvenanceChain> Chains, IReadOnlyDictionary<string, LlmCall> Calls);
