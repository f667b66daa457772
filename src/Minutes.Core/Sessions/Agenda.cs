using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Sessions;

/// <summary>
/// One line of an agenda file: the line as written, its item number when it has one (議題1,
/// 日程第二, 1., (3) …), and the title without the numbering, used for matching.
/// </summary>
public sealed record AgendaItem(int Line, string Text, int? Number, string Title)
{
    /// <summary>
    /// The line as the documents show it: as written, without the clerk's own list numbering (3. 工事の概要について →
    /// 工事の概要について; the cue table's <c>numbering</c> rows), since every document numbers the agenda itself.
    /// </summary>
    public string Heading { get; init; } = Text;

    /// <summary>The presenter the line names in brackets (第1部 事例紹介（山口氏） → 山口), without the honorific.</summary>
    public string? Presenter { get; init; }

    /// <summary>The time of day the line starts with (10:30 意見交換).</summary>
    public TimeSpan? Time { get; init; }
}

/// <summary>An agenda file (<c>--agenda</c>): one item per line; empty lines and <c>#</c> lines are skipped.</summary>
public sealed record Agenda(string FileName, IReadOnlyList<AgendaItem> Items)
{
    public static Agenda Load(string path, CueTable cues)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new MinutesException(Messages.Get("AgendaNotFound", path));
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            throw new MinutesException(Messages.Get("AgendaUnreadable", path, ex.Message));
        }

        var agenda = Parse(Path.GetFileName(path), text, cues);
        if (agenda.Items.Count == 0)
        {
            throw new MinutesException(Messages.Get("AgendaEmpty", path));
        }

        return agenda;
    }

    public static Agenda Parse(string fileName, string text, CueTable cues)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(cues);
        var markers = cues.Of("marker").Select(r => r.Pattern).ToList();
        var presenters = cues.Of("presenter").Select(r => r.Pattern).ToList();
        var times = cues.Of("time").Select(r => r.Pattern).ToList();
        var numbering = cues.Of("numbering").Select(r => r.Pattern).ToList();
        var items = new List<AgendaItem>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            // The time is read before the numbers are normalised, which would make 10:05 into 10:5.
            var wide = line.Normalize(NormalizationForm.FormKC);
            var clock = times.Select(m => m.Match(wide)).FirstOrDefault(m => m.Success);
            TimeSpan? time = clock is null ? null : new TimeSpan(int.Parse(clock.Groups["h"].Value, CultureInfo.InvariantCulture), int.Parse(clock.Groups["m"].Value, CultureInfo.InvariantCulture), 0);
            var normal = JapaneseText.Normalize(clock is null ? wide : wide[clock.Length..]);
            var presenter = presenters.Select(m => m.Match(normal)).FirstOrDefault(m => m.Success)?.Groups["who"].Value;
            var marker = markers.Select(m => m.Match(normal)).FirstOrDefault(m => m.Success) ?? Match.Empty;
            var number = marker.Success && int.TryParse(marker.Groups["n"].Value, out var n) ? n : (int?)null;
            var title = marker.Success ? normal[marker.Length..].Trim() : normal;
            items.Add(new AgendaItem(i + 1, line, number, title.Length > 0 ? title : normal) { Presenter = presenter, Time = time, Heading = WithoutNumbering(line, numbering) });
        }

        return new Agenda(fileName, items);
    }

    /// <summary>
    /// The line without the longest start that is list numbering alone, matched as the markers are
    /// (normalised: １ and 一 read as 1), so the rest keeps its own characters (（第3号）, full-width digits).
    /// </summary>
    private static string WithoutNumbering(string line, IReadOnlyList<Regex> numbering)
    {
        for (var k = line.Length - 1; k > 0; k--)
        {
            var start = JapaneseText.Normalize(line[..k]);
            if (numbering.Any(n => n.Match(start) is { Success: true } m && m.Length == start.Length))
            {
                return line[k..].Trim();
            }
        }

        return line;
    }
}
