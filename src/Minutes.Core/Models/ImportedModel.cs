namespace Minutes.Models;

/// <summary>A model <c>minutes models import</c> placed (or found already there with the same digest).</summary>
public sealed record ImportedModel(ModelBundleEntry Entry, string Path, bool AlreadyPresent);
