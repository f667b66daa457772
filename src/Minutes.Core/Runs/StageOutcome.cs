namespace Minutes.Runs;

/// <summary>How a stage ended in this invocation.</summary>
public enum StageOutcome
{
    Ran,
    Reused,
}
