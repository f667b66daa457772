using Minutes.Json;
using Minutes.Runs;

namespace Minutes.Editing;

/// <summary>
/// <c>trace/minutes-edits.json</c>: every edit of the minutes, oldest first, only ever appended
/// to. The drafted minutes (<c>07-minutes.json</c>) never change by an edit; the edited minutes
/// (<c>07-minutes.edited.json</c>) are derived from them and this log by the edits stage.
/// </summary>
public sealed record MinutesEditLog(int FormatVersion, IReadOnlyList<MinutesEdit> Edits)
{
    public const int CurrentFormatVersion = 1;

    /// <summary>The log, next to the draft.</summary>
    public const string File = "trace/minutes-edits.json";

    public static MinutesEditLog Empty { get; } = new(CurrentFormatVersion, []);

    public static MinutesEditLog Load(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Exists(File) ? run.Read(File, MinutesJson.Context.MinutesEditLog) : Empty;
    }

    /// <summary>This log with one more edit, chained to the last.</summary>
    public MinutesEditLog Append(MinutesEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var entry = edit with { Sequence = Edits.Count + 1, Previous = HashChain.Tail(Edits), Sha256 = string.Empty };
        if (entry.Operation == MinutesEditOperation.Insert)
        {
            entry = entry with { NewItem = EditedMinutes.InsertedId(entry.Sequence) };
        }

        entry = entry with { Sha256 = DigestOf(entry) };
        return this with { Edits = [.. Edits, entry] };
    }

    /// <summary>The digest of an entry's content: the entry serialised with an empty <c>sha256</c>.</summary>
    public static string DigestOf(MinutesEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return Hashing.Sha256OfText(MinutesJson.Serialize(edit with { Sha256 = string.Empty }, MinutesJson.Context.MinutesEdit));
    }

    /// <summary>The sequence numbers of edits whose digest or link to the one before does not hold.</summary>
    public IReadOnlyList<int> BrokenLinks() => HashChain.BrokenLinks(Edits, DigestOf);
}
