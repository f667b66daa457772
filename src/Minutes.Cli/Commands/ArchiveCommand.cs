using System.CommandLine;
using Minutes.Keeping;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Cli.Commands;

/// <summary><c>minutes archive &lt;run&gt; -o FILE.zip</c>: the approved record for keeping.</summary>
internal static class ArchiveCommand
{
    public static Command Create(CliConsole console)
    {
        var run = CommonOptions.RunArgument();
        var output = new Option<string>("--output", "-o") { Description = Messages.Get("HelpArchiveOutput"), Required = true };
        var command = new Command("archive", Messages.Get("HelpArchiveCommand"))
        {
            run, output,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var folder = RunFolder.Open(parse.GetRequiredValue(run));
            var target = parse.GetRequiredValue(output);
            var index = RunArchive.Write(folder, target, DateTimeOffset.UtcNow, cancellationToken);
            console.Out.WriteLine(Messages.Get("Archived", Path.GetFullPath(target), index.Version, index.Files.Count, index.Files.Count(f => f.RedactedSha256 is not null), index.LeftOut.Count));
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
