namespace Minutes.Editing;

/// <summary>What a reviewer changed in the minutes themselves (not in the transcript).</summary>
public enum MinutesEditOperation
{
    /// <summary>A statement reworded.</summary>
    Text,

    /// <summary>A statement taken out of the minutes.</summary>
    Delete,

    /// <summary>A new statement, citing the segments it rests on, after a statement or at the start of a part.</summary>
    Insert,

    /// <summary>The drafted statement again: earlier edits of it (and conflicts) no longer apply.</summary>
    Restore,
}
