using System.CommandLine;
using Minutes.Json;
using Minutes.Review;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Cli.Commands;

/// <summary><c>minutes verify &lt;run&gt;</c>: recomputes every digest; exit 3 when a file changed behind the tool's back.</summary>
internal static class VerifyCommand
{
    public static Command Create(CliConsole console)
    {
        var run = CommonOptions.RunArgument();
        var requireApproval = new Option<bool>("--require-approval") { Description = Messages.Get("HelpVerifyRequireApproval") };
        var trust = new Option<string?>("--trust") { Description = Messages.Get("HelpVerifyTrust") };
        var json = CommonOptions.Json();
        var command = new Command("verify", Messages.Get("HelpVerifyVerifyCommand")) { run, requireApproval, trust, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var report = RunVerifier.Verify(RunFolder.Open(parse.GetRequiredValue(run)), parse.GetValue(trust), cancellationToken);
            if (parse.GetValue(json))
            {
                await CommonOptions.WriteJsonAsync(console, report, MinutesJson.Context.VerifyReport);
            }
            else
            {
                foreach (var line in report.Said)
                {
                    await console.Out.WriteLineAsync(line.Text);
                }
            }

            return report.ExitCode(parse.GetValue(requireApproval));
        });
        return command;
    }
}
