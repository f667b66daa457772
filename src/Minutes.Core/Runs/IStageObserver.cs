namespace Minutes.Runs;

/// <summary>Receives one line per stage event, for the console.</summary>
public interface IStageObserver
{
    void StageStarted(string name);

    void StageFinished(string name, StageOutcome outcome, TimeSpan elapsed);

    /// <summary>Something the person running the command must hear of, though the stage went on (a repaired recording).</summary>
    void StageWarning(string name, string message);

    /// <summary>A line of information about a stage that is not a warning (which model <c>--model auto</c> chose, and why).</summary>
    void StageNote(string name, string message)
    {
    }
}
