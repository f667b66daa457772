namespace Minutes.Runs;

/// <summary>An entry of an append-only log whose entries are linked by digest (<see cref="HashChain"/>).</summary>
public interface IChainedEntry
{
    int Sequence { get; }

    /// <summary>The digest of the entry before (<see cref="HashChain.Genesis"/> for the first).</summary>
    string Previous { get; }

    /// <summary>The digest of this entry, computed with this field empty.</summary>
    string Sha256 { get; }
}
