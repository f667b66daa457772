using System.CommandLine;
using Minutes.Diagnostics;
using Minutes.Json;
using Minutes.Models;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Cli.Commands;

/// <summary><c>minutes doctor</c>: what this machine can run; exit 2 when something essential is broken.</summary>
internal static class DoctorCommand
{
    public static Command Create(CliConsole console)
    {
        var json = CommonOptions.Json();
        var command = new Command("doctor", Messages.Get("HelpDoctorDoctorCommand")) { json };
        command.SetAction(async (parse, _) =>
        {
            var result = DoctorResult.Of(DoctorReport.Collect(ModelStore.FromEnvironment()));
            if (parse.GetValue(json))
            {
                await CommonOptions.WriteJsonAsync(console, result, MinutesJson.Context.DoctorResult);
            }
            else
            {
                foreach (var check in result.Checks)
                {
                    var status = check.Status switch
                    {
                        CheckStatus.Ok => Messages.Get("CheckOk"),
                        CheckStatus.Warn => Messages.Get("CheckWarn"),
                        _ => Messages.Get("CheckFail"),
                    };
                    await console.Out.WriteLineAsync($"{DisplayWidth.PadRight(status, 5)} {DisplayWidth.PadRight(DoctorReport.Label(check.Name), 16)} {check.Said.Text}");
                }
            }

            return result.Healthy ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }
}
