namespace Minutes.Review.Workbench;

/// <summary>How a statement differs between two versions of the draft.</summary>
public enum DraftChangeKind
{
    /// <summary>Only in the current version.</summary>
    Added,

    /// <summary>Only in the previous version.</summary>
    Removed,

    /// <summary>In both, with a different text.</summary>
    Changed,
}
