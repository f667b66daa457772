using Minutes.Runs;

namespace Minutes.Rendering;

/// <summary>
/// The render stage: writes <c>minutes.md</c>, the canonical draft, from the structured minutes
/// (07) and the transcript, speakers and sessions it cites, through the <see cref="StageRunner"/>
/// so the manifest records exactly which traces the draft was rendered from.
/// </summary>
public sealed class RenderStage : IStage
{
    /// <summary>Bumped when the Markdown layout changes, so that a resumed run renders again.</summary>
    public const string LayoutVersion = "2";

    public StageDefinition Define(RunFolder run) => new(
        StageNames.Render,
        new Dictionary<string, string> { ["format"] = "md", ["layout"] = LayoutVersion, ["labels"] = DocumentLabels.Japanese.Sha256[..12] },
        RunArtifacts.InputFiles(run),
        [RunFolder.MinutesMarkdown]);

    public Task RunAsync(RunFolder run, CancellationToken cancellationToken)
    {
        var markdown = DocumentFormats.Render(RunArtifacts.Load(run), RenderFormat.Md);
        AtomicFile.WriteAllBytes(run.PathOf(RunFolder.MinutesMarkdown), markdown);
        return Task.CompletedTask;
    }
}
