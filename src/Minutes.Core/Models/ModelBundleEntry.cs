namespace Minutes.Models;

/// <summary>One model file in a bundle: its name, its file name in the models folder, its sha256 and size.</summary>
public sealed record ModelBundleEntry(string Name, string File, string Sha256, long Bytes);
