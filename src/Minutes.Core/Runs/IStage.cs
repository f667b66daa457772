namespace Minutes.Runs;

/// <summary>
/// One step from the artifacts in a run folder to the next: <see cref="Define"/> says what it
/// reads, writes and depends on, <see cref="RunAsync"/> does the work. A stage gets its own
/// options (and built detectors, transcribers, drafters) through its constructor; the
/// <see cref="StageRunner"/> records it in the manifest and decides whether it can be reused.
/// </summary>
public interface IStage
{
    /// <summary>The stage's name, parameters, inputs and outputs for this run.</summary>
    StageDefinition Define(RunFolder run);

    /// <summary>Reads the stage's inputs from the run folder and writes its outputs there.</summary>
    Task RunAsync(RunFolder run, CancellationToken cancellationToken);
}
