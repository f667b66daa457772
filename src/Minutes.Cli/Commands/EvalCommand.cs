using System.CommandLine;
using System.Globalization;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Sessions;
using Minutes.Speakers;
using Minutes.Text;

namespace Minutes.Cli.Commands;

/// <summary><c>minutes eval</c>: measures a run against a reference (<c>eval sessions</c>; other stages add their own).</summary>
internal static class EvalCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("eval", Messages.Get("HelpEvalEvalCommand"));
        command.Subcommands.Add(Sessions(console));
        command.Subcommands.Add(Diarization(console));
        return command;
    }

    private static Command Sessions(CliConsole console)
    {
        var run = CommonOptions.RunArgument();
        var reference = new Option<string>("--reference") { Description = Messages.Get("HelpEvalReference"), Required = true };
        var tolerance = new Option<double>("--tolerance") { Description = Messages.Get("HelpEvalTolerance"), DefaultValueFactory = _ => 5 };
        var command = new Command("sessions", Messages.Get("HelpEvalSessionsCommand")) { run, reference, tolerance };
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

    private static Command Diarization(CliConsole console)
    {
        var run = CommonOptions.RunArgument();
        var reference = new Option<string>("--reference") { Description = Messages.Get("HelpEvalReference2"), Required = true };
        var collar = new Option<double>("--collar") { Description = Messages.Get("HelpEvalCollar"), DefaultValueFactory = _ => 0.25 };
        var command = new Command("diarization", Messages.Get("HelpEvalDiarizationCommand")) { run, reference, collar };
        command.SetAction(async (parse, _) =>
        {
            var folder = RunFolder.Open(parse.GetRequiredValue(run));
            var map = folder.Read(RunFolder.SpeakersTrace, MinutesJson.Context.SpeakerMap);
            var turns = DiarizationScoring.LoadRttm(parse.GetRequiredValue(reference));
            var score = DiarizationScoring.Score(turns, map.Turns, parse.GetValue(collar));
            var c = CultureInfo.InvariantCulture;
            await console.Out.WriteLineAsync(string.Create(c, $"DER {score.Der:P2}  miss {score.Miss:P2}  false alarm {score.FalseAlarm:P2}  confusion {score.Confusion:P2}"));
            await console.Out.WriteLineAsync(string.Create(c, $"scored {score.ScoredSeconds:0.000} s of reference speech (collar {parse.GetValue(collar):0.###} s, {score.CollarSeconds:0.000} s excluded); speakers: {score.ReferenceSpeakers} in the reference, {score.HypothesisSpeakers} found"));
            foreach (var (r, h) in score.Mapping.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var name = map.Speakers.FirstOrDefault(s => s.Id == h)?.Name;
                await console.Out.WriteLineAsync($"  {r} -> {h} {name}".TrimEnd());
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
