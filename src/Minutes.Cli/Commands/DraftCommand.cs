using System.CommandLine;
using Minutes.Configuration;
using Minutes.Drafting;
using Minutes.Pipeline;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Cli.Commands;

/// <summary><c>minutes draft</c>: structured minutes (07) from the transcript, speakers and sessions, then minutes.md.</summary>
internal static class DraftCommand
{
    public static Command Create(CliConsole console)
    {
        var run = CommonOptions.RunArgument();
        var llm = new LlmCommandOptions(prefixed: false);
        var meeting = new Option<string?>("--meeting") { Description = Messages.Get("HelpDraftMeeting") };
        var style = CommonOptions.Style();
        var confidentiality = CommonOptions.Confidentiality();
        var lower = CommonOptions.LowerConfidentiality();
        var reviewer = CommonOptions.LevelReviewer();
        var roster = new Option<string?>("--roster") { Description = Messages.Get("HelpDraftRoster") };
        var command = new Command("draft", Messages.Get("HelpDraftDraftCommand"))
        {
            run, meeting, style, confidentiality, lower, reviewer, roster,
        };
        foreach (var option in llm.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = RunFolder.Open(parse.GetRequiredValue(run));
            var config = MinutesConfig.Load();
            var options = new DraftOptions
            {
                Meeting = parse.GetValue(meeting),
                Style = CommonOptions.StyleOf(parse, style, config),
                StyleSource = CommonOptions.StyleSourceOf(parse, style, config),
                Roster = parse.GetValue(roster),
            };
            var progress = new ConsoleProgress(console);
            var minutes = await new MinutesPipeline(observer: progress).DraftAsync(folder, options, llm.Read(parse), config, CommonOptions.ConfidentialityRequestOf(parse, confidentiality, lower, reviewer, config, "draft"), cancellationToken);
            if (Drafters.Level1Warning(minutes) is { } warning)
            {
                await console.Error.WriteLineAsync(warning);
            }

            var items = minutes.Sections.SelectMany(s => s.Items).ToList();
            await console.Out.WriteLineAsync(Messages.Get(
                "Drafted",
                items.Count,
                minutes.Sections.Count,
                minutes.Drafter.Kind.Name(),
                items.Count(i => i.Verification?.Status == ItemVerification.Unsupported),
                minutes.PersonalInformation.Count));
            await console.Out.WriteLineAsync(Messages.Get("MinutesAt", folder.PathOf(RunFolder.MinutesMarkdown)));
            return 0;
        });
        return command;
    }
}
