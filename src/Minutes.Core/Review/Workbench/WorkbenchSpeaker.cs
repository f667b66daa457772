namespace Minutes.Review.Workbench;

/// <summary>A speaker label of the run and the name it is shown with.</summary>
public sealed record WorkbenchSpeaker(string Id, string Name, string Source);
