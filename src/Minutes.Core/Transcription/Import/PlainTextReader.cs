using System.Text.RegularExpressions;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Transcription.Import;

/// <summary>
/// Reads plain text transcripts, one utterance a line: <c>話者: 発言</c>, optionally after a time
/// (<c>[00:01:02.500] 委員長: …</c>) or a time span (<c>00:01:02.5-00:01:05 委員長: …</c>). Either
/// every line has a time or none has.
/// </summary>
public static partial class PlainTextReader
{
    public static List<ImportedCue> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cues = new List<ImportedCue>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        bool? timed = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var label = Messages.Get("LineLabel", i + 1);
            var match = Times().Match(line);
            var hasTime = match.Success;
            if (timed is { } expected && expected != hasTime)
            {
                throw new MinutesException(expected
                    ? Messages.Get("LineNoTime", label)
                    : Messages.Get("LineHasTime", label));
            }

            timed = hasTime;
            double? start = hasTime ? TimeCode.Parse(match.Groups["start"].Value, label) : null;
            double? end = match.Groups["end"].Success ? TimeCode.Parse(match.Groups["end"].Value, label) : null;
            var (speaker, body) = SpeakerPrefix.Split(hasTime ? line[match.Length..] : line);
            cues.Add(new ImportedCue(label, start, end, speaker, body));
        }

        return cues;
    }

    [GeneratedRegex(@"^\[?(?<start>\d{1,3}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)(?:\s*(?:-->|-|~|\u2013|\u301C|\uFF5E)\s*(?<end>\d{1,3}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?))?\]?\s+")]
    private static partial Regex Times();
}
