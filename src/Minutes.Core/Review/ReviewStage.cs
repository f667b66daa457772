using Minutes.Rendering;
using Minutes.Runs;

namespace Minutes.Review;

/// <summary>
/// The review stage: renders <c>minutes.md</c> again when its inputs changed (a re-draft), then
/// writes <c>review.html</c>, both through the <see cref="StageRunner"/>. Returns the flags so
/// that the command can print what needs attention.
/// </summary>
public sealed class ReviewStage
{
    public async Task<ReviewFlags> RunAsync(StageRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var run = runner.Run;
        // The draft is rendered only when 07 or what it cites changed: a resumable render keeps the version stable.
        await new RenderStage().RunAsync(new StageRunner(run, resume: true), cancellationToken).ConfigureAwait(false);
        var inputs = RunArtifacts.InputFiles(run).Append(RunFolder.MinutesMarkdown).ToList();
        var stage = new StageDefinition(StageNames.Review, new Dictionary<string, string> { ["page"] = "1" }, inputs, [RunFolder.ReviewPage]);
        ReviewFlags? flags = null;
        await runner.RunAsync(
            stage,
            _ =>
            {
                var artifacts = RunArtifacts.Load(run);
                flags = ReviewFlags.Of(artifacts);
                run.WriteText(RunFolder.ReviewPage, new ReviewPageBuilder().Build(run, artifacts));
                return Task.CompletedTask;
            },
            cancellationToken).ConfigureAwait(false);
        return flags ?? ReviewFlags.Of(RunArtifacts.Load(run));
    }
}
