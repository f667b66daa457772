using System.CommandLine;
using System.Globalization;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Sessions;

namespace Minutes.Cli.Commands;

/// <summary><c>minutes eval</c>: measures a run against a reference (<c>eval sessions</c>; other stages add their own).</summary>
internal static class EvalCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("eval", "Measure a run against a reference.");
        command.Subcommands.Add(Sessions(console));
        return command;
    }

    private static Command Sessions(CliConsole console)
    {
        var run = CommonOptions.RunArgument();
        var reference = new Option<string>("--reference") { Description = "Reference sessions: TSV with the header 'id title start end'.", Required = true };
        var tolerance = new Option<double>("--tolerance") { Description = "Seconds within which a boundary counts as found.", DefaultValueFactory = _ => 5 };
        var command = new Command("sessions", "Session boundary precision, recall and F1 within a tolerance.") { run, reference, tolerance };
        command.SetAction(async (parse, _) =>
        {
            var folder = RunFolder.Open(parse.GetRequiredValue(run));
            var plan = folder.Read(RunFolder.SessionsTrace, MinutesJson.Context.SessionPlan);
            var expected = SessionScoring.LoadReference(parse.GetRequiredValue(reference));
            var score = SessionScoring.Score(plan, expected, parse.GetValue(tolerance));
            foreach (var line in Lines(score))
            {
                await console.Out.WriteLineAsync(line);
            }

            return 0;
        });
        return command;
    }

    private static IEnumerable<string> Lines(BoundaryScore score)
    {
        var c = CultureInfo.InvariantCulture;
        yield return string.Create(c, $"boundaries: {score.ReferenceCount} in the reference, {score.FoundCount} found, {score.Matches.Count} within {score.ToleranceSeconds:0.###} s");
        yield return string.Create(c, $"precision {score.Precision:0.000}  recall {score.Recall:0.000}  F1 {score.F1:0.000}");
        foreach (var m in score.Matches)
        {
            yield return string.Create(c, $"  found     {m.Reference.Id} {m.Reference.Title} at {m.Reference.Time:0.000} s as {m.Found.Id} {m.Found.Title} ({m.Offset:+0.000;-0.000;0.000} s)");
        }

        foreach (var m in score.Missed)
        {
            yield return string.Create(c, $"  missed    {m.Id} {m.Title} at {m.Time:0.000} s");
        }

        foreach (var s in score.Spurious)
        {
            yield return string.Create(c, $"  spurious  {s.Id} {s.Title} at {s.Time:0.000} s");
        }
    }
}
