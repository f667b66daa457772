using Minutes.Json;
using Minutes.Runs;

namespace Minutes.Corrections;

/// <summary>
/// <c>trace/corrections.json</c>: every correction of the transcript, oldest first, only ever
/// appended to. The machine transcript (<c>03-transcript.json</c>) never changes; the corrected
/// transcript is derived from it and this log.
/// </summary>
public sealed record CorrectionLog(int FormatVersion, IReadOnlyList<Correction> Corrections)
{
    public const int CurrentFormatVersion = 1;

    public static CorrectionLog Empty { get; } = new(CurrentFormatVersion, []);

    public static CorrectionLog Load(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Exists(RunFolder.CorrectionsTrace) ? run.Read(RunFolder.CorrectionsTrace, MinutesJson.Context.CorrectionLog) : Empty;
    }

    /// <summary>This log with one more correction, chained to the last.</summary>
    public CorrectionLog Append(Correction correction)
    {
        ArgumentNullException.ThrowIfNull(correction);
        var entry = correction with { Sequence = Corrections.Count + 1, Previous = HashChain.Tail(Corrections), Sha256 = string.Empty };
        entry = entry with { Sha256 = DigestOf(entry) };
        return this with { Corrections = [.. Corrections, entry] };
    }

    /// <summary>The digest of an entry's content: the entry serialised with an empty <c>sha256</c>.</summary>
    public static string DigestOf(Correction correction)
    {
        ArgumentNullException.ThrowIfNull(correction);
        return Hashing.Sha256OfText(MinutesJson.Serialize(correction with { Sha256 = string.Empty }, MinutesJson.Context.Correction));
    }

    /// <summary>The sequence numbers of corrections whose digest or link to the one before does not hold.</summary>
    public IReadOnlyList<int> BrokenLinks() => HashChain.BrokenLinks(Corrections, DigestOf);
}
