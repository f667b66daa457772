namespace Minutes.Runs;

/// <summary>
/// What a stage reads and writes. Inputs are run-relative paths ('/' separated) or absolute
/// paths of files outside the run (the recording, a model, a glossary); an output may be a
/// folder, whose files are all recorded.
/// </summary>
public sealed record StageDefinition(
    string Name,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs);
