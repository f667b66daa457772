using System.CommandLine;
using Minutes.Pipeline;
using Minutes.Rendering;
using Minutes.Runs;

namespace Minutes.Cli.Commands;

/// <summary><c>minutes render &lt;run&gt; --format md|docx|html|srt|vtt|txt [-o file] [--with-citations]</c>.</summary>
internal static class RenderCommand
{
    public static Command Create(CliConsole console)
    {
        var run = CommonOptions.RunArgument();
        var format = new Option<RenderFormat>("--format", "-f") { Description = "md (the canonical draft), docx, html, srt, vtt or txt.", DefaultValueFactory = _ => RenderFormat.Md };
        var output = new Option<string?>("--output", "-o") { Description = "The file to write (default: filing/minutes.<format> in the run folder; srt and vtt: minutes.<format> beside the run's files)." };
        var withCitations = new Option<bool>("--with-citations") { Description = "Keep the citation markers (［s0004–s0006］) that the filing copy leaves out; the run's minutes.md and the review page always keep them." };
        var publicVersion = new Option<bool>("--public") { Description = "The published version (公開版): personal information redacted with 'minutes pii --redact' replaced by ○○ (default file: filing/minutes.public.<format>)." };
        var command = new Command("render", "Render the minutes (or, for srt/vtt, the transcript) as a document.") { run, format, output, publicVersion, withCitations };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = RunFolder.Open(parse.GetRequiredValue(run));
            var file = await new MinutesPipeline().RenderAsync(folder, parse.GetValue(format), parse.GetValue(output), parse.GetValue(publicVersion), parse.GetValue(withCitations), cancellationToken);
            await console.Out.WriteLineAsync($"Wrote {file}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
