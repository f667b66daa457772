using System.CommandLine;
using Minutes.Drafting;
using Minutes.Pipeline;
using Minutes.Privacy;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Cli.Commands;

/// <summary><c>minutes pii &lt;run&gt; [--keep ID | --redact ID] --reviewer NAME</c>: the personal information found, and a reviewer's decision about one finding.</summary>
internal static class PiiCommand
{
    public static Command Create(CliConsole console)
    {
        var run = CommonOptions.RunArgument();
        var keep = new Option<string?>("--keep") { Description = Messages.Get("HelpPiiKeep") };
        var redact = new Option<string?>("--redact") { Description = Messages.Get("HelpPiiRedact") };
        var reviewer = new Option<string?>("--reviewer") { Description = Messages.Get("HelpPiiReviewer") };
        var reason = CommonOptions.Reason();
        var command = new Command("pii", Messages.Get("HelpPiiPiiCommand")) { run, keep, redact, reviewer, reason };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = RunFolder.Open(parse.GetRequiredValue(run));
            var (keepId, redactId) = (parse.GetValue(keep), parse.GetValue(redact));
            if (keepId is not null && redactId is not null)
            {
                throw new MinutesException(Messages.Get("KeepOrRedact"), ExitCodes.Usage);
            }

            if ((keepId ?? redactId) is { } id)
            {
                var progress = new ConsoleProgress(console);
                var decision = await new MinutesPipeline(observer: progress, progress: progress).DecideAsync(
                    folder, id, keepId is null ? PrivacyDecisionKind.Redact : PrivacyDecisionKind.Keep, parse.GetValue(reviewer) ?? string.Empty, parse.GetValue(reason), cancellationToken);
                await console.Out.WriteLineAsync(Messages.Get(decision.Decision == PrivacyDecisionKind.Keep ? "DecidedKeep" : "DecidedRedact", decision.FindingId, decision.Kind, decision.Text, decision.SegmentId, decision.Reviewer));
                return ExitCodes.Ok;
            }

            // A list from minutes whose reviewer-typed words were never scanned would leave out what they hold.
            Minutes.Editing.EditsStage.RequireScanned(folder);
            var review = PrivacyDecisions.Review(folder);
            // Padded by terminal columns: the decisions are Japanese under ja, two columns a character.
            var rows = review.Entries.Select(entry => (IReadOnlyList<string>)[
                entry.Id,
                entry.Finding.Kind.ToString(),
                entry.Finding.SegmentId,
                Messages.Get(entry.Finding.Action switch
                {
                    PersonalInfoActions.Edited => "PiiFromEdit",
                    PersonalInfoActions.Corrected => "PiiFromCorrection",
                    _ => "PiiFromTranscript",
                }),
                entry.Decision is { } d
                    ? Messages.Get(d.Decision == PrivacyDecisionKind.Keep ? "PiiKept" : "PiiRedacted", d.Reviewer)
                    : Messages.Get(entry.IsPrivate ? "PiiUndecided" : "PiiPublic"),
                entry.Finding.Text]).ToList();
            foreach (var line in DisplayWidth.Table(rows))
            {
                await console.Out.WriteLineAsync(line);
            }

            await console.Out.WriteLineAsync(Messages.Get("FindingsSummary", review.Entries.Count, review.UndecidedPrivate.Count));
            return ExitCodes.Ok;
        });
        return command;
    }
}
