using System.Diagnostics;
using Minutes.Text;

namespace Minutes.Runs;

/// <summary>
/// Runs one stage against the run folder and keeps the manifest true: the stage is recorded as
/// running before it starts, then as completed with the digests of what it read and wrote, or as
/// failed with the one-line reason. With resume, a completed stage whose parameters and input
/// digests are unchanged and whose outputs are intact is reused instead of run again.
/// </summary>
public sealed class StageRunner
{
    private readonly RunFolder _run;
    private readonly bool _resume;
    private readonly IStageObserver? _observer;

    public StageRunner(RunFolder run, bool resume, IStageObserver? observer = null)
    {
        _run = run;
        _resume = resume;
        _observer = observer;
    }

    /// <summary>Runs the stage, or reuses its earlier result when resuming and nothing it depends on changed.</summary>
    public Task<StageOutcome> RunAsync(IStage stage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return RunAsync(stage.Define(_run), ct => stage.RunAsync(_run, ct), _resume, cancellationToken);
    }

    /// <summary>The run this runner records stages in.</summary>
    public RunFolder Run => _run;

    /// <summary>
    /// Runs the stage unless its earlier result is still current, with or without resume: for a
    /// stage whose output should change only when its inputs do (the rendered draft).
    /// </summary>
    public Task<StageOutcome> RunUnlessCurrentAsync(IStage stage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return RunAsync(stage.Define(_run), ct => stage.RunAsync(_run, ct), reuse: true, cancellationToken);
    }

    /// <summary>A stage given as its definition and its work: for tests and fixtures; the product's stages are <see cref="IStage"/> classes.</summary>
    internal Task<StageOutcome> RunAsync(StageDefinition stage, Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        RunAsync(stage, work, _resume, cancellationToken);

    private async Task<StageOutcome> RunAsync(StageDefinition stage, Func<CancellationToken, Task> work, bool reuse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(work);
        var inputs = stage.Inputs.Select(i => DigestInput(i, cancellationToken)).ToList();
        var manifest = _run.LoadManifest();
        var previous = manifest.Stage(stage.Name);
        if (reuse && IsReusable(previous, stage, inputs))
        {
            _observer?.StageFinished(stage.Name, StageOutcome.Reused, TimeSpan.Zero);
            return StageOutcome.Reused;
        }

        _observer?.StageStarted(stage.Name);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        _run.SaveManifest(manifest.WithStage(new StageRecord(stage.Name, StageStatus.Running, stage.Parameters, inputs, [], started, 0)));
        try
        {
            await work(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var reason = ex is OperationCanceledException ? "cancelled" : OneLine(ex.Message);
            var elapsed = Seconds(clock.Elapsed);
            // A failed re-run whose earlier outputs are untouched (a re-draft refused with 401, a
            // cancelled one) keeps the earlier completed record, and with it what approvals bind;
            // the failed attempt is recorded beside it.
            _run.SaveManifest(_run.LoadManifest().WithStage(OutputsIntact(previous)
                ? previous! with { LastFailure = new StageFailure(started, elapsed, stage.Parameters, reason) }
                : new StageRecord(stage.Name, StageStatus.Failed, stage.Parameters, inputs, [], started, elapsed, reason)));
            throw;
        }

        var outputs = stage.Outputs.SelectMany(ExpandOutput).Select(o => _run.Digest(o, cancellationToken)).ToList();
        _run.SaveManifest(_run.LoadManifest().WithStage(
            new StageRecord(stage.Name, StageStatus.Completed, stage.Parameters, inputs, outputs, started, Seconds(clock.Elapsed))));
        _observer?.StageFinished(stage.Name, StageOutcome.Ran, clock.Elapsed);
        return StageOutcome.Ran;
    }

    private bool IsReusable(StageRecord? record, StageDefinition stage, IReadOnlyList<FileDigest> inputs)
    {
        if (record is null || !Ran(record, stage.Parameters, inputs))
        {
            return false;
        }

        var expected = stage.Outputs.SelectMany(ExpandOutput).Order(StringComparer.Ordinal).ToList();
        var recorded = record.Outputs.Select(o => o.Path).Order(StringComparer.Ordinal).ToList();
        return expected.SequenceEqual(recorded) && OutputsIntact(record);
    }

    /// <summary>Whether <paramref name="record"/> is a completed run of a stage with these parameters on these inputs (paths and digests, in order).</summary>
    internal static bool Ran(StageRecord record, IReadOnlyDictionary<string, string> parameters, IReadOnlyList<FileDigest> inputs) =>
        record is { Status: StageStatus.Completed }
        && record.Parameters.Count == parameters.Count
        && record.Parameters.All(p => parameters.TryGetValue(p.Key, out var v) && v == p.Value)
        && record.Inputs.Select(d => (d.Path, d.Sha256)).SequenceEqual(inputs.Select(d => (d.Path, d.Sha256)));

    private bool OutputsIntact(StageRecord? record) =>
        record is { Status: StageStatus.Completed }
        && record.Outputs.All(o => _run.Exists(o.Path) && _run.Digest(o.Path).Sha256 == o.Sha256);

    private FileDigest DigestInput(string input, CancellationToken cancellationToken)
    {
        if (Path.IsPathRooted(input))
        {
            if (!File.Exists(input))
            {
                throw new MinutesException(Messages.Get("InputNotFound", input));
            }

            return new FileDigest(input, Hashing.Sha256OfFile(input, cancellationToken), FileLength.Of(input));
        }

        if (!_run.Exists(input))
        {
            throw new MinutesException(Messages.Get("RunLacksArtifact", input));
        }

        return _run.Digest(input, cancellationToken);
    }

    private IEnumerable<string> ExpandOutput(string output)
    {
        var path = _run.PathOf(output);
        if (!Directory.Exists(path))
        {
            return File.Exists(path) ? [output] : [];
        }

        return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Select(f => Path.GetRelativePath(_run.Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);
    }

    private static double Seconds(TimeSpan elapsed) => Math.Round(elapsed.TotalSeconds, 3);

    private static string OneLine(string message) =>
        message.ReplaceLineEndings(" ").Trim();
}
