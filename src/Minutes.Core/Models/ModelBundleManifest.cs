namespace Minutes.Models;

/// <summary>
/// <c>manifest.json</c> of a models bundle (<c>minutes models export</c>): what the zip holds and
/// the digest of every file, checked by <c>minutes models import</c> before anything is placed.
/// </summary>
public sealed record ModelBundleManifest(string Format, IReadOnlyList<ModelBundleEntry> Models)
{
    public const string CurrentFormat = "minutes-models/1";

    public const string FileName = "manifest.json";
}
