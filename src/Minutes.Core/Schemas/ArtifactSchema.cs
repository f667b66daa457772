using System.Text.Json.Serialization.Metadata;

namespace Minutes.Schemas;

/// <summary>
/// One artifact kind of the run folder: its schema's name (<c>docs/schemas/NAME.schema.json</c>),
/// the type it is written from, and which run-relative paths hold it: the fixed <see cref="Paths"/>,
/// and every <c>.json</c> file directly in <see cref="Folder"/> when it has one.
/// </summary>
public sealed record ArtifactSchema(string Name, JsonTypeInfo Type, string Title, IReadOnlyList<string> Paths, string? Folder = null)
{
    /// <summary>The schema's file name: <c>NAME.schema.json</c>.</summary>
    public string FileName => Name + ".schema.json";

    /// <summary>Whether the run-relative <paramref name="path"/> holds an artifact of this kind.</summary>
    public bool Holds(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Paths.Contains(path, StringComparer.Ordinal)
            || (Folder is not null
                && path.Length > Folder.Length + 1
                && path.StartsWith(Folder + "/", StringComparison.Ordinal)
                && path.EndsWith(".json", StringComparison.Ordinal)
                && path.IndexOf('/', Folder.Length + 1) < 0);
    }
}
