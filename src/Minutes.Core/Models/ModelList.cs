namespace Minutes.Models;

/// <summary>
/// <c>minutes models list</c>: the models folder, every catalog model (present or not), then the
/// files in the folder the catalog does not name. The table and <c>--json</c> both print this.
/// </summary>
public sealed record ModelList(string Folder, IReadOnlyList<ModelListEntry> Models)
{
    /// <summary>Raised when a field changes meaning or goes; new fields do not raise it.</summary>
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public static ModelList Of(ModelStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var installed = store.Installed();
        var entries = new List<ModelListEntry>();
        foreach (var model in ModelCatalog.All)
        {
            var present = installed.FirstOrDefault(m => m.Source == model);
            entries.Add(new ModelListEntry(
                model.Name,
                KindName(model.Kind),
                present is null ? model.Size : Sizes.Format(present.Bytes),
                present?.Bytes,
                present is not null,
                InCatalog: true,
                present?.Path,
                model.Note));
        }

        foreach (var other in installed.Where(m => m.Source is null))
        {
            entries.Add(new ModelListEntry(other.Name, other.Kind is { } k ? KindName(k) : "?", Sizes.Format(other.Bytes), other.Bytes, Present: true, InCatalog: false, other.Path, null));
        }

        return new ModelList(store.Folder, entries);
    }

    private static string KindName(ModelKind kind) => kind switch
    {
        ModelKind.Vad => "vad",
        ModelKind.Speaker => "speaker",
        _ => "whisper",
    };
}
