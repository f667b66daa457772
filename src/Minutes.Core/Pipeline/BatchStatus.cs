namespace Minutes.Pipeline;

/// <summary>How one recording of <c>transcribe --batch</c> came out.</summary>
public enum BatchStatus
{
    /// <summary>Every stage ran or was reused from an earlier run of the same recording.</summary>
    Done,

    /// <summary>A stage failed; the reason is on the entry and the run can be resumed.</summary>
    Failed,
}
