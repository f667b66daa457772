namespace Minutes.Runs;

/// <summary>
/// The version of an artifact's JSON Schema (<c>docs/schemas/</c>), written in each artifact as
/// <c>schemaVersion</c>; an artifact written before it was recorded reads as version 1.
/// </summary>
public static class SchemaVersions
{
    /// <summary>Raised when a member of an artifact changes meaning or goes away; new optional members do not raise it.</summary>
    public const int Current = 1;

    /// <summary>What an artifact written before versions were kept reads as: the first version, whatever <see cref="Current"/> has become.</summary>
    public const int Unversioned = 1;
}
