namespace Minutes.Provenance;

/// <summary>Why a speaker is named as they are: the name's source (enrolled, roster, given, inferred, anonymous …), score, cluster and margin.</summary>
public sealed record SpeakerStep(string Id, string Name, string Source, double? Score, string? Cluster, double? Margin);
