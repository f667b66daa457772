using System.CommandLine;
using Minutes.Json;
using Minutes.Provenance;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Cli.Commands;

/// <summary>
/// <c>minutes explain &lt;run&gt; &lt;id&gt; [--json]</c>: the chain from a statement (m0001…) or a
/// segment (s0001…) back to the sound, one step a line (or the chain as one JSON document).
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(CliConsole console)
    {
        var run = CommonOptions.RunArgument();
        var id = new Argument<string>("id") { Description = Messages.Get("HelpExplainId") };
        var json = CommonOptions.Json();
        var command = new Command("explain", Messages.Get("HelpExplainCommand")) { run, id, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = RunFolder.Open(parse.GetRequiredValue(run));
            var wanted = parse.GetRequiredValue(id).Trim();
            var chain = ProvenanceTracer.Open(folder).Trace(wanted)
                ?? throw new MinutesException(Messages.Get("ExplainUnknownId", wanted, folder.Root));
            if (parse.GetValue(json))
            {
                await CommonOptions.WriteJsonAsync(console, chain, MinutesJson.Context.ProvenanceChain);
                return ExitCodes.Ok;
            }

            foreach (var line in ProvenanceLines.Of(chain))
            {
                await console.Out.WriteLineAsync(line);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
