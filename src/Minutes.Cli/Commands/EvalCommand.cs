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
        var skipOverlap = new Option<bool>("--skip-overlap") { Description = Messages.Get("HelpEvalSkipOverlap") };
        var command = new Command("diarization", Messages.Get("HelpEvalDiarizationCommand")) { run, reference, collar, skipOverlap };
        command.SetAction(async (parse, _) =>
        {
            var folder = RunFolder.Open(parse.GetRequiredValue(run));
            var map = folder.Read(RunFolder.SpeakersTrace, MinutesJson.Context.SpeakerMap);
            var turns = DiarizationScoring.LoadRttm(parse.GetRequiredValue(reference));
            var score = DiarizationScoring.Score(turns, map.Turns, parse.GetValue(collar), parse.GetValue(skipOverlap));
            var c = CultureInfo.InvariantCulture;
            await console.Out.WriteLineAsync(Messages.Get("EvalDer", score.Der.ToString("P2", c), score.Miss.ToString("P2", c), score.FalseAlarm.ToString("P2", c), score.Confusion.ToString("P2", c)));
            await console.Out.WriteLineAsync(Messages.Get("EvalScored", score.ScoredSeconds.ToString("0.000", c), parse.GetValue(collar).ToString("0.###", c), score.CollarSeconds.ToString("0.000", c), score.ReferenceSpeakers, score.HypothesisSpeakers));
            if (parse.GetValue(skipOverlap))
            {
                await console.Out.WriteLineAsync(Messages.Get("EvalOverlapSkipped", score.OverlapSeconds.ToString("0.000", c)));
            }

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
        yield return Messages.Get("EvalBoundaries", score.ReferenceCount, score.FoundCount, score.Matches.Count, score.ToleranceSeconds.ToString("0.###", c));
        yield return Messages.Get("EvalPrecision", score.Precision.ToString("0.000", c), score.Recall.ToString("0.000", c), score.F1.ToString("0.000", c));
        foreach (var m in score.Matches)
        {
            yield return "  " + Messages.Get("EvalFound", m.Reference.Id, m.Reference.Title, m.Reference.Time.ToString("0.000", c), m.Found.Id, m.Found.Title, m.Offset.ToString("+0.000;-0.000;0.000", c));
        }

        foreach (var m in score.Missed)
        {
            yield return "  " + Messages.Get("EvalMissed", m.Id, m.Title, m.Time.ToString("0.000", c));
        }

        foreach (var s in score.Spurious)
        {
            yield return "  " + Messages.Get("EvalSpurious", s.Id, s.Title, s.Time.ToString("0.000", c));
        }
    }
}
