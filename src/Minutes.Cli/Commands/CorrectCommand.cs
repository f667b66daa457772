using System.CommandLine;
using Minutes.Corrections;
using Minutes.Pipeline;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Cli.Commands;

/// <summary>
/// <c>minutes correct &lt;run&gt; --reviewer NAME [--reason TEXT]</c> with one operation: a segment's
/// text or speaker, a speaker's name, two speakers merged, or a term replaced everywhere.
/// </summary>
internal static class CorrectCommand
{
    public static Command Create(CliConsole console)
    {
        var run = CommonOptions.RunArgument();
        var reviewer = new Option<string>("--reviewer") { Description = Messages.Get("HelpCorrectReviewer"), Required = true };
        var reason = CommonOptions.Reason();
        var segment = new Option<string?>("--segment") { Description = Messages.Get("HelpCorrectSegment") };
        var text = new Option<string?>("--text") { Description = Messages.Get("HelpCorrectText") };
        var speaker = new Option<string?>("--speaker") { Description = Messages.Get("HelpCorrectSpeaker") };
        var rename = new Option<string?>("--rename-speaker") { Description = Messages.Get("HelpCorrectRenameSpeaker") };
        var merge = new Option<string?>("--merge-speakers") { Description = Messages.Get("HelpCorrectMergeSpeakers") };
        var replace = new Option<string?>("--replace") { Description = Messages.Get("HelpCorrectReplace") };
        var command = new Command("correct", Messages.Get("HelpCorrectCorrectCommand"))
        {
            run, reviewer, reason, segment, text, speaker, rename, merge, replace,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = Request(parse.GetValue(segment), parse.GetValue(text), parse.GetValue(speaker), parse.GetValue(rename), parse.GetValue(merge), parse.GetValue(replace));
            var folder = RunFolder.Open(parse.GetRequiredValue(run));
            var progress = new ConsoleProgress(console);
            var result = await new MinutesPipeline(observer: progress, progress: progress)
                .CorrectAsync(folder, request, parse.GetRequiredValue(reviewer), parse.GetValue(reason), cancellationToken);
            var c = result.Correction;
            await console.Out.WriteLineAsync(c.Operation == CorrectionOperation.Replace
                ? Messages.Get("CorrectedReplace", c.Sequence, c.Reviewer, c.Before, c.After, c.Segments.Count, string.Join(", ", c.Segments))
                : Messages.Get("Corrected", c.Sequence, c.Reviewer, c.Target, c.Before, c.After, c.Segments.Count));
            if (result.CitingStatements.Count > 0)
            {
                await console.Out.WriteLineAsync(Messages.Get("CorrectionCitedBy", string.Join(", ", result.CitingStatements)));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Exactly one operation, or one line saying what is missing or too much.</summary>
    private static CorrectionRequest Request(string? segment, string? text, string? speaker, string? rename, string? merge, string? replace)
    {
        var given = new[] { text, speaker, rename, merge, replace }.Count(v => v is not null);
        if (given != 1)
        {
            throw new MinutesException(Messages.Get("CorrectionGiveOne"), ExitCodes.Usage);
        }

        if ((text ?? speaker) is not null && segment is null)
        {
            throw new MinutesException(Messages.Get("CorrectionNeedsSegment"), ExitCodes.Usage);
        }

        if (text is not null)
        {
            return new CorrectionRequest(CorrectionOperation.Text, segment!, text);
        }

        if (speaker is not null)
        {
            return new CorrectionRequest(CorrectionOperation.Speaker, segment!, speaker.Trim());
        }

        if (rename is not null)
        {
            var (label, name) = Pair(rename, '=', "--rename-speaker LABEL=NAME");
            return new CorrectionRequest(CorrectionOperation.RenameSpeaker, label, name);
        }

        if (merge is not null)
        {
            var (kept, merged) = Pair(merge, ',', "--merge-speakers A,B");
            return new CorrectionRequest(CorrectionOperation.MergeSpeakers, kept, merged);
        }

        var (wrong, right) = Pair(replace!, '=', "--replace WRONG=RIGHT");
        return new CorrectionRequest(CorrectionOperation.Replace, wrong, right);
    }

    private static (string Left, string Right) Pair(string value, char separator, string form)
    {
        var cut = value.IndexOf(separator, StringComparison.Ordinal);
        if (cut <= 0 || cut == value.Length - 1)
        {
            throw new MinutesException(Messages.Get("ExpectedForm", form, value), ExitCodes.Usage);
        }

        return (value[..cut].Trim(), value[(cut + 1)..].Trim());
    }
}
