using System.CommandLine;
using System.Globalization;
using Minutes.Configuration;
using Minutes.Pipeline;
using Minutes.Sessions;

namespace Minutes.Cli.Commands;

/// <summary><c>minutes import</c>: starts a run from an existing transcript (SRT, WebVTT, JSON, text), then splits it into sessions.</summary>
internal static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("transcript") { Description = "The transcript: .srt, .vtt (<v Speaker> tags), the project's transcript .json, or .txt lines '話者: 発言' with optional times." };
        var output = new Option<string>("--output", "-o") { Description = "The run folder.", Required = true };
        var audio = new Option<string?>("--audio") { Description = "The recording the transcript belongs to (recorded as the run's source)." };
        var agenda = new Option<string?>("--agenda") { Description = "Agenda file: one item per line." };
        var pause = new Option<double?>("--pause-seconds") { Description = $"A silence this long (s) with no announcement near it starts a session (default {SessionOptions.Defaults.PauseSeconds.ToString(CultureInfo.InvariantCulture)})." };
        var replacements = CommonOptions.Replacements();
        var confidentiality = CommonOptions.Confidentiality();
        var lower = CommonOptions.LowerConfidentiality();
        var reviewer = CommonOptions.LevelReviewer();
        var command = new Command("import", "Start a run from an existing transcript, then split it into sessions.") { file, output, audio, agenda, pause, confidentiality, lower, reviewer, replacements };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var sessions = new SessionOptions { Agenda = parse.GetValue(agenda) };
            if (parse.GetValue(pause) is { } seconds)
            {
                sessions = sessions with { PauseSeconds = seconds };
            }

            var config = MinutesConfig.Load();
            var options = new ImportOptions
            {
                File = parse.GetRequiredValue(file),
                Output = parse.GetRequiredValue(output),
                Audio = parse.GetValue(audio),
                Sessions = sessions,
                Replacements = CommonOptions.ReplacementsOf(parse, replacements, config),
                Confidentiality = CommonOptions.ConfidentialityRequestOf(parse, confidentiality, lower, reviewer, config, "import"),
            };
            var progress = new ConsoleProgress(console);
            var result = await new MinutesPipeline(observer: progress, progress: progress).ImportAsync(options, cancellationToken);
            foreach (var note in result.Imported.Notes)
            {
                await console.Error.WriteLineAsync($"minutes: {note}");
            }

            var transcript = result.Imported.Transcript;
            var names = result.Imported.Speakers?.Speakers.Select(s => s.Name).ToList() ?? [];
            await console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Imported {transcript.Source.Name} ({result.Imported.Format}): {transcript.Segments.Count} segments, {names.Count} speakers{(names.Count > 0 ? $" ({string.Join(", ", names)})" : "")}"));
            await SessionsOutput.WriteAsync(console, result.Sessions);
            await console.Out.WriteLineAsync($"Run folder: {result.Run.Root}");
            return 0;
        });
        return command;
    }
}
