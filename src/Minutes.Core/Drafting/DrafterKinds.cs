namespace Minutes.Drafting;

/// <summary>The names of <see cref="DrafterKind"/> as the manifest and the command's summary line write them.</summary>
public static class DrafterKinds
{
    public static string Name(this DrafterKind kind) => kind switch
    {
        DrafterKind.Offline => "offline",
        DrafterKind.Llm => "llm",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
