using System.Text;

namespace Minutes.Drafting;

/// <summary>
/// The transcript as an LLM reads it: one line per segment, <c>id|speaker|text</c>, after a
/// <c>&lt;speakers&gt;</c> block of <c>speaker|name</c> lines that names each speaker once. In a
/// field, <c>\</c> is written <c>\\</c>, <c>|</c> is written <c>\|</c> and a line break <c>\n</c>,
/// so a segment's text can neither start a line of its own nor forge an id or a speaker (the
/// defence the JSON form had). About half the characters of the JSON form (docs/notes/llm-prompts.md, held by CompactTranscriptTests).
/// </summary>
public static class CompactTranscript
{
    public const char Separator = '|';

    /// <summary>The <c>&lt;speakers&gt;</c> and <c>&lt;transcript&gt;</c> blocks of <paramref name="lines"/>.</summary>
    public static string Write(IReadOnlyList<TranscriptLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var text = new StringBuilder("<speakers>\n");
        foreach (var speaker in lines.Where(l => l.Speaker.Length > 0).DistinctBy(l => l.Speaker))
        {
            text.Append(Escape(speaker.Speaker)).Append(Separator).Append(Escape(speaker.Name)).Append('\n');
        }

        text.Append("</speakers>\n<transcript>\n");
        foreach (var line in lines)
        {
            text.Append(Line(line)).Append('\n');
        }

        return text.Append("</transcript>").ToString();
    }

    /// <summary>One segment's line: <c>id|speaker|text</c>.</summary>
    public static string Line(TranscriptLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return $"{Escape(line.Id)}{Separator}{Escape(line.Speaker)}{Separator}{Escape(line.Text)}";
    }

    /// <summary>The fields of a line written by <see cref="Line"/> (or a <c>speaker|name</c> line), unescaped.</summary>
    public static IReadOnlyList<string> Fields(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = new List<string>();
        var field = new StringBuilder();
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && i + 1 < line.Length)
            {
                var next = line[++i];
                field.Append(next == 'n' ? '\n' : next);
            }
            else if (c == Separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>The segment lines of a <see cref="Write"/> block, unescaped, each with its speaker's name from the speakers block.</summary>
    public static IReadOnlyList<TranscriptLine> Read(string block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var speakers = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = new List<TranscriptLine>();
        var (inSpeakers, inTranscript) = (false, false);
        foreach (var raw in block.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            switch (line.Trim())
            {
                case "<speakers>": inSpeakers = true; continue;
                case "</speakers>": inSpeakers = false; continue;
                case "<transcript>": inTranscript = true; continue;
                case "</transcript>": inTranscript = false; continue;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            var fields = Fields(line);
            if (inSpeakers && fields.Count == 2)
            {
                speakers[fields[0]] = fields[1];
            }
            else if (inTranscript && fields.Count == 3)
            {
                lines.Add(new TranscriptLine(fields[0], fields[1], speakers.GetValueOrDefault(fields[1], fields[1]), fields[2]));
            }
        }

        return lines;
    }

    /// <summary>A field with <c>\</c>, <c>|</c> and every kind of line break escaped.</summary>
    public static string Escape(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var text = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            switch (c)
            {
                case '\\': text.Append(@"\\"); break;
                case Separator: text.Append(@"\|"); break;
                case '\r' when i + 1 < field.Length && field[i + 1] == '\n': break;
                case '\r' or '\n' or '\u0085' or '\u2028' or '\u2029' or '\v' or '\f': text.Append(@"\n"); break;
                default: text.Append(c); break;
            }
        }

        return text.ToString();
    }
}
