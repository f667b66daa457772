using Minutes.Rendering;
using Minutes.Runs;

namespace Minutes.Review;

/// <summary>
/// The review stage: writes <c>review.html</c>, the draft with its citations, flags and traces,
/// from the artifacts and the rendered <c>minutes.md</c> (the render stage runs before it).
/// </summary>
public sealed class ReviewStage : IStage
{
    public StageDefinition Define(RunFolder run) => new(
        StageNames.Review,
        new Dictionary<string, string> { ["page"] = "1" },
        // The privacy decisions are read for the blockers, so the approval binds them too.
        RunArtifacts.InputFiles(run).Append(RunFolder.MinutesMarkdown).Concat(run.Exists(RunFolder.PrivacyDecisionsTrace) ? [RunFolder.PrivacyDecisionsTrace] : []).ToList(),
        [RunFolder.ReviewPage]);

    public Task RunAsync(RunFolder run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.WriteText(RunFolder.ReviewPage, new ReviewPageBuilder().Build(run, RunArtifacts.Load(run)));
        return Task.CompletedTask;
    }
}
