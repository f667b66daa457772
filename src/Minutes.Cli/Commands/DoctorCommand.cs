using System.CommandLine;
using Minutes.Diagnostics;
using Minutes.Models;
using Minutes.Runs;

namespace Minutes.Cli.Commands;

/// <summary><c>minutes doctor</c>: what this machine can run; exit 2 when something essential is broken.</summary>
internal static class DoctorCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("doctor", "Report the Whisper runtime, CPU features, models found, ffmpeg and the LLM endpoint.");
        command.SetAction(async (_, _) =>
        {
            var checks = DoctorReport.Collect(ModelStore.FromEnvironment());
            foreach (var check in checks)
            {
                var status = check.Status switch
                {
                    CheckStatus.Ok => "ok",
                    CheckStatus.Warn => "warn",
                    _ => "FAIL",
                };
                await console.Out.WriteLineAsync($"{status,-5} {check.Name,-16} {check.Detail}");
            }

            return checks.Any(c => c.Status == CheckStatus.Fail) ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }
}
