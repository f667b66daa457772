using System.Text.Json.Serialization.Metadata;

namespace Minutes.Schemas;

/// <summary>
/// One artifact kind of the run folder: its schema's name (<c>docs/schemas/NAME.schema.json</c>),
/// the type it is written from, and which run-relative paths hold it.
/// </summary>
public sealed record ArtifactSchema(string Name, JsonTypeInfo Type, string Title, Func<string, bool> Holds)
{
    /// <summary>The schema's file name: <c>NAME.schema.json</c>.</summary>
    public string FileName => Name + ".schema.json";
}
