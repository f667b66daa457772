using System.CommandLine;
using Minutes.Drafting;
using Minutes.Json;
using Minutes.Pipeline;
using Minutes.Rendering;
using Minutes.Runs;

namespace Minutes.Cli.Commands;

/// <summary><c>minutes draft</c>: structured minutes (07) from the transcript, speakers and sessions, then minutes.md.</summary>
internal static class DraftCommand
{
    public static Command Create(CliConsole console)
    {
        var run = CommonOptions.RunArgument();
        var offline = new Option<bool>("--offline") { Description = "Use the offline (extractive) drafter even when an LLM is configured." };
        var endpoint = new Option<string?>("--endpoint") { Description = "An OpenAI-compatible endpoint (default: MINUTES_LLM_ENDPOINT)." };
        var model = new Option<string?>("--model") { Description = "The LLM model name (default: MINUTES_LLM_MODEL)." };
        var meeting = new Option<string?>("--meeting") { Description = "会議名/日時/場所 as 'key: value' lines." };
        var style = new Option<string>("--style") { Description = "summary (要点筆記, である調) or verbatim (全文).", DefaultValueFactory = _ => "summary" };
        var confidentiality = new Option<int>("--confidentiality") { Description = "機密性 1, 2 or 3 (3: never sent to a remote endpoint).", DefaultValueFactory = _ => 1 };
        var prompts = new Option<string?>("--prompts") { Description = "A folder of prompt files overriding the embedded ones (draft-session.yaml)." };
        var noCache = new Option<bool>("--no-cache") { Description = "Call the LLM even when the same request was answered before." };
        var roster = new Option<string?>("--roster") { Description = "Names (one per line) to treat as personal information." };
        var command = new Command("draft", "Draft the minutes (trace/07-minutes.json, minutes.md); every statement cites segments and is verified.")
        {
            run, offline, endpoint, model, meeting, style, confidentiality, roster, prompts, noCache,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = RunFolder.Open(parse.GetRequiredValue(run));
            var options = new DraftOptions
            {
                Meeting = parse.GetValue(meeting),
                Style = parse.GetValue(style) ?? "summary",
                Confidentiality = parse.GetValue(confidentiality),
                Roster = parse.GetValue(roster),
            };
            var drafter = Drafters.Create(parse.GetValue(offline), parse.GetValue(endpoint), parse.GetValue(model), options.Confidentiality, parse.GetValue(prompts), parse.GetValue(noCache));
            var progress = new ConsoleProgress(console);
            var runner = new StageRunner(folder, resume: false, progress);
            await new DraftStage(drafter).RunAsync(runner, options, cancellationToken);
            await new RenderStage().RunAsync(runner, cancellationToken);
            var minutes = folder.Read(RunFolder.MinutesTrace, MinutesJson.Context.MinutesDocument);
            var items = minutes.Sections.SelectMany(s => s.Items).ToList();
            await console.Out.WriteLineAsync(
                $"Drafted {items.Count} statements in {minutes.Sections.Count} sessions ({minutes.Drafter.Kind}); " +
                $"{items.Count(i => i.Verification?.Status == ItemVerification.Unsupported)} unsupported, {minutes.PersonalInformation.Count} personal-information findings.");
            await console.Out.WriteLineAsync($"Minutes: {folder.PathOf(RunFolder.MinutesMarkdown)}");
            return 0;
        });
        return command;
    }
}
