using System.CommandLine;
using System.Globalization;
using Minutes.Configuration;
using Minutes.Pipeline;
using Minutes.Sessions;
using Minutes.Text;

namespace Minutes.Cli.Commands;

/// <summary><c>minutes import</c>: starts a run from an existing transcript (SRT, WebVTT, JSON, text), then splits it into sessions.</summary>
internal static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("transcript") { Description = Messages.Get("HelpImportTranscript") };
        var output = new Option<string>("--output", "-o") { Description = Messages.Get("HelpImportOutput"), Required = true };
        var audio = new Option<string?>("--audio") { Description = Messages.Get("HelpImportAudio") };
        var agenda = new Option<string?>("--agenda") { Description = Messages.Get("HelpImportAgenda") };
        var pause = new Option<double?>("--pause-seconds") { Description = Messages.Get("HelpImportPauseSeconds", SessionOptions.Defaults.PauseSeconds.ToString(CultureInfo.InvariantCulture)) };
        var replacements = CommonOptions.Replacements();
        var confidentiality = CommonOptions.Confidentiality();
        var lower = CommonOptions.LowerConfidentiality();
        var reviewer = CommonOptions.LevelReviewer();
        var command = new Command("import", Messages.Get("HelpImportImportCommand")) { file, output, audio, agenda, pause, confidentiality, lower, reviewer, replacements };
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
                await console.Error.WriteLineAsync($"minutes: {note.Text}");
            }

            var transcript = result.Imported.Transcript;
            var names = result.Imported.Speakers?.Speakers.Select(s => s.Name).ToList() ?? [];
            await console.Out.WriteLineAsync(names.Count > 0
                ? Messages.Get("ImportedNamed", transcript.Source.Name, result.Imported.Format, transcript.Segments.Count, names.Count, string.Join(", ", names))
                : Messages.Get("Imported", transcript.Source.Name, result.Imported.Format, transcript.Segments.Count, names.Count));
            await SessionsOutput.WriteAsync(console, result.Sessions);
            await console.Out.WriteLineAsync(Messages.Get("RunFolderIs", result.Run.Root));
            return 0;
        });
        return command;
    }
}
