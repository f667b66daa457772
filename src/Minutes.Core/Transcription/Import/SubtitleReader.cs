using System.Net;
using System.Text.RegularExpressions;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Transcription.Import;

/// <summary>
/// Reads SRT and WebVTT cues: blocks separated by blank lines, a timing line <c>start --> end</c>,
/// then the text. WebVTT voice tags (<c>&lt;v 委員長&gt;</c>) name the speaker; otherwise a
/// <c>話者: 発言</c> prefix does. Other tags are removed and entities decoded.
/// </summary>
public static partial class SubtitleReader
{
    public static List<ImportedCue> ReadSrt(string text) => Read(text, vtt: false);

    public static List<ImportedCue> ReadVtt(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.TrimStart().StartsWith("WEBVTT", StringComparison.Ordinal))
        {
            throw new MinutesException(Messages.Get("NotVtt"));
        }

        return Read(text, vtt: true);
    }

    private static List<ImportedCue> Read(string text, bool vtt)
    {
        var cues = new List<ImportedCue>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var number = 0;
        var i = vtt ? SkipBlock(lines, 0) : 0;
        while (i < lines.Length)
        {
            if (lines[i].Trim().Length == 0)
            {
                i++;
                continue;
            }

            var start = i;
            var block = new List<string>();
            while (i < lines.Length && lines[i].Trim().Length > 0)
            {
                block.Add(lines[i].Trim());
                i++;
            }

            if (vtt && (block[0].StartsWith("NOTE", StringComparison.Ordinal) || block[0] is "STYLE" or "REGION"))
            {
                continue;
            }

            var timing = block.FindIndex(l => l.Contains("-->", StringComparison.Ordinal));
            number++;
            var cue = timing > 0 ? block[0] : number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var label = vtt ? Messages.Get("CueLabelAtLine", cue, start + 1) : Messages.Get("CueLabel", cue);
            if (timing < 0 || timing > 1)
            {
                throw new MinutesException(Messages.Get("NoTimingLine", label));
            }

            var match = Timing().Match(block[timing]);
            if (!match.Success)
            {
                throw new MinutesException(Messages.Get("BadTimingLine", label, block[timing]));
            }

            var payload = JoinLines(block.Skip(timing + 1));
            var (speaker, body) = Payload(payload, vtt);
            cues.Add(new ImportedCue(label, TimeCode.Parse(match.Groups["start"].Value, label), TimeCode.Parse(match.Groups["end"].Value, label), speaker, body));
        }

        return cues;
    }

    /// <summary>Japanese lines join without a space; a space stays only between two ASCII words.</summary>
    private static string JoinLines(IEnumerable<string> lines)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var line in lines)
        {
            if (builder.Length > 0 && char.IsAscii(builder[^1]) && char.IsAscii(line[0]) && !char.IsWhiteSpace(builder[^1]))
            {
                builder.Append(' ');
            }

            builder.Append(line);
        }

        return builder.ToString().Trim();
    }

    /// <summary>Skips the WEBVTT header block.</summary>
    private static int SkipBlock(string[] lines, int i)
    {
        while (i < lines.Length && lines[i].Trim().Length > 0)
        {
            i++;
        }

        return i;
    }

    private static (string? Speaker, string Text) Payload(string payload, bool vtt)
    {
        string? speaker = null;
        if (vtt && Voice().Match(payload) is { Success: true } voice)
        {
            speaker = WebUtility.HtmlDecode(voice.Groups["name"].Value).Trim();
        }

        var plain = WebUtility.HtmlDecode(Tag().Replace(payload, "")).Trim();
        if (speaker is not null)
        {
            return (speaker, plain);
        }

        return SpeakerPrefix.Split(plain);
    }

    [GeneratedRegex(@"^(?<start>[0-9:.,]+)\s*-->\s*(?<end>[0-9:.,]+)")]
    private static partial Regex Timing();

    [GeneratedRegex(@"<v(?:\.[^\s>]+)*\s+(?<name>[^>]+)>")]
    private static partial Regex Voice();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();
}
