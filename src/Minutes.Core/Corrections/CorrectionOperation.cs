namespace Minutes.Corrections;

/// <summary>What a reviewer changed in the transcript.</summary>
public enum CorrectionOperation
{
    /// <summary>One segment's text.</summary>
    Text,

    /// <summary>The speaker one segment is attributed to.</summary>
    Speaker,

    /// <summary>A speaker's display name, for all of their segments.</summary>
    RenameSpeaker,

    /// <summary>Two speakers found by the diarizer are one person: the second joins the first.</summary>
    MergeSpeakers,

    /// <summary>A wrong term replaced by the right one in every segment.</summary>
    Replace,
}
