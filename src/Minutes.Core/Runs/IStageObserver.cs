namespace Minutes.Runs;

/// <summary>Receives one line per stage event, for the console.</summary>
public interface IStageObserver
{
    void StageStarted(string name);

    void StageFinished(string name, StageOutcome outcome, TimeSpan elapsed);
}
