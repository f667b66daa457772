using System.CommandLine;
using Minutes.Rendering;
using Minutes.Runs;

namespace Minutes.Cli.Commands;

/// <summary><c>minutes render &lt;run&gt; --format md|docx|html|srt|vtt|txt [-o file]</c>.</summary>
internal static class RenderCommand
{
    public static Command Create(CliConsole console)
    {
        var run = CommonOptions.RunArgument();
        var format = new Option<RenderFormat>("--format", "-f") { Description = "md (the canonical draft), docx, html, srt, vtt or txt.", DefaultValueFactory = _ => RenderFormat.Md };
        var output = new Option<string?>("--output", "-o") { Description = "The file to write (default: minutes.<format> in the run folder)." };
        var command = new Command("render", "Render the minutes (or, for srt/vtt, the transcript) as a document.") { run, format, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = RunFolder.Open(parse.GetRequiredValue(run));
            var chosen = parse.GetValue(format);
            var file = parse.GetValue(output);
            if (chosen == RenderFormat.Md && file is null)
            {
                // The canonical draft goes through the render stage, so the manifest records it.
                await new RenderStage().RunAsync(new StageRunner(folder, resume: false), cancellationToken);
                file = folder.PathOf(RunFolder.MinutesMarkdown);
            }
            else
            {
                file = Path.GetFullPath(file ?? folder.PathOf(DocumentFormats.DefaultFileName(chosen)));
                folder.RefuseOverwrite(file);
                AtomicFile.WriteAllBytes(file, DocumentFormats.Render(RunArtifacts.Load(folder), chosen));
            }

            await console.Out.WriteLineAsync($"Wrote {file}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
