using System.CommandLine;
using Minutes.Drafting;
using Minutes.Editing;
using Minutes.Pipeline;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Cli.Commands;

/// <summary>
/// <c>minutes edit &lt;run&gt; --item ID (--text T | --delete | --restore) | --insert-after ID --text T --cite IDS,
/// --reviewer NAME [--reason R]</c>: one traced edit of the minutes themselves.
/// </summary>
internal static class EditCommand
{
    public static Command Create(CliConsole console)
    {
        var run = CommonOptions.RunArgument();
        var item = new Option<string?>("--item") { Description = Messages.Get("HelpEditItem") };
        var text = new Option<string?>("--text") { Description = Messages.Get("HelpEditText") };
        var delete = new Option<bool>("--delete") { Description = Messages.Get("HelpEditDelete") };
        var restore = new Option<bool>("--restore") { Description = Messages.Get("HelpEditRestore") };
        var insertAfter = new Option<string?>("--insert-after") { Description = Messages.Get("HelpEditInsertAfter") };
        var cite = new Option<string?>("--cite") { Description = Messages.Get("HelpEditCite") };
        var reviewer = new Option<string>("--reviewer") { Description = Messages.Get("HelpEditReviewer"), Required = true };
        var reason = CommonOptions.Reason();
        var command = new Command("edit", Messages.Get("HelpEditCommand"))
        {
            run, item, text, delete, restore, insertAfter, cite, reviewer, reason,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = Request(parse.GetValue(item), parse.GetValue(text), parse.GetValue(delete), parse.GetValue(restore), parse.GetValue(insertAfter), parse.GetValue(cite));
            var folder = RunFolder.Open(parse.GetRequiredValue(run));
            var progress = new ConsoleProgress(console);
            var result = await new MinutesPipeline(observer: progress, progress: progress)
                .EditAsync(folder, request, parse.GetRequiredValue(reviewer), parse.GetValue(reason), cancellationToken);
            var edit = result.Edit;
            await console.Out.WriteLineAsync(Messages.Get("Edited", edit.Sequence, edit.Reviewer, edit.Operation.ToString().ToLowerInvariant(), edit.NewItem ?? edit.Item, edit.Before, edit.After));
            if (result.Statement?.Verification is { Status: ItemVerification.Unsupported } verdict)
            {
                await console.Out.WriteLineAsync(Messages.Get("EditedUnsupported", result.Statement.Id, string.Join("; ", verdict.Reasons)));
            }

            foreach (var conflict in result.Conflicts)
            {
                await console.Out.WriteLineAsync(Messages.Get("EditConflictBlocker", conflict.Edit, conflict.Item, conflict.Reason));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Exactly one operation, or one line saying what is missing or too much.</summary>
    private static MinutesEditRequest Request(string? item, string? text, bool delete, bool restore, string? insertAfter, string? cite)
    {
        if (insertAfter is not null)
        {
            if (delete || restore || text is null || cite is null || item is not null)
            {
                throw new MinutesException(Messages.Get("EditInsertForm"), ExitCodes.Usage);
            }

            return new MinutesEditRequest(MinutesEditOperation.Insert, insertAfter, text, cite.Split([',', ' ', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        if (item is null || new[] { text is not null, delete, restore }.Count(b => b) != 1 || cite is not null)
        {
            throw new MinutesException(Messages.Get("EditGiveOne"), ExitCodes.Usage);
        }

        return text is not null
            ? new MinutesEditRequest(MinutesEditOperation.Text, item, text)
            : new MinutesEditRequest(delete ? MinutesEditOperation.Delete : MinutesEditOperation.Restore, item);
    }
}
