namespace Minutes.Models;

/// <summary>A model file in the models folder, as <c>minutes models list</c> shows it.</summary>
public sealed record InstalledModel(string Name, ModelKind? Kind, string Path, long Bytes, ModelSource? Source);
