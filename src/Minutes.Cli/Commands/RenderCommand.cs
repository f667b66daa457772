using System.CommandLine;
using Minutes.Pipeline;
using Minutes.Rendering;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Cli.Commands;

/// <summary><c>minutes render &lt;run&gt; --format md|docx|html|srt|vtt|txt [-o file] [--with-citations]</c>.</summary>
internal static class RenderCommand
{
    public static Command Create(CliConsole console)
    {
        var run = CommonOptions.RunArgument();
        var format = new Option<RenderFormat>("--format", "-f") { Description = Messages.Get("HelpRenderFormat"), DefaultValueFactory = _ => RenderFormat.Md };
        var output = new Option<string?>("--output", "-o") { Description = Messages.Get("HelpRenderOutput") };
        var withCitations = new Option<bool>("--with-citations") { Description = Messages.Get("HelpRenderWithCitations") };
        var publicVersion = new Option<bool>("--public") { Description = Messages.Get("HelpRenderPublic") };
        var command = new Command("render", Messages.Get("HelpRenderRenderCommand")) { run, format, output, publicVersion, withCitations };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = RunFolder.Open(parse.GetRequiredValue(run));
            var file = await new MinutesPipeline().RenderAsync(folder, parse.GetValue(format), parse.GetValue(output), parse.GetValue(publicVersion), parse.GetValue(withCitations), cancellationToken);
            await console.Out.WriteLineAsync(Messages.Get("Wrote", file));
            return ExitCodes.Ok;
        });
        return command;
    }
}
