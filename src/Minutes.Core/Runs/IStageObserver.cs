namespace Minutes.Runs;

/// <summary>Receives one line per stage event, for the console.</summary>
public interface IStageObserver
{
    void StageStarted(string name);

    void StageFinished(string name, StageOutcome outcome, TimeSpan elapsed);

    /// <summary>Something the person running the command must hear of, though the stage went on (a repaired recording).</summary>
    void StageWarning(string name, string message);
}
