using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Drafting;

/// <summary>
/// The meeting file (<c>--meeting FILE</c>, <c>key: value</c> lines) as the clerk gives it: 会議名,
/// 日時, 開会, 閉会, 場所, the roll (出席委員, 欠席委員, 説明のため出席した者, 事務局職員, 署名委員,
/// each a list of <c>役職 氏名</c> items separated by 、), and any other key kept as written. The
/// keys and their aliases are in the embedded <c>meeting-keys.tsv</c>. A key the file lacks stays
/// null: nothing is invented.
/// </summary>
public sealed record MeetingInfo(string? Name, string? Date, string? Place)
{
    private static readonly MeetingKeys Keys = MeetingKeys.Load();

    public static MeetingInfo Empty { get; } = new(null, null, null);

    /// <summary>開会 as written in the file (the header derives it from 日時 and the first speech when absent).</summary>
    public string? Opened { get; init; }

    /// <summary>閉会 as written in the file.</summary>
    public string? Closed { get; init; }

    /// <summary>出席委員.</summary>
    public IReadOnlyList<RollMember>? Present { get; init; }

    /// <summary>欠席委員.</summary>
    public IReadOnlyList<RollMember>? Absent { get; init; }

    /// <summary>説明のため出席した者.</summary>
    public IReadOnlyList<RollMember>? Explainers { get; init; }

    /// <summary>事務局職員.</summary>
    public IReadOnlyList<RollMember>? Staff { get; init; }

    /// <summary>署名委員.</summary>
    public IReadOnlyList<RollMember>? Signers { get; init; }

    /// <summary>種別: the kind of meeting as written (委員会, 本会議, 審議会, 会議, 説明会); see <see cref="MeetingKinds"/>.</summary>
    public string? Kind { get; init; }

    /// <summary>Keys the tool does not know, in the order of the file.</summary>
    public IReadOnlyList<MeetingField> Other { get; init; } = [];

    /// <summary>Everyone on the roll (present, explainers, staff, signers; absent members too), each once.</summary>
    public IReadOnlyList<RollMember> Roll =>
        new[] { Present, Explainers, Staff, Signers, Absent }.OfType<IReadOnlyList<RollMember>>().SelectMany(l => l)
            .DistinctBy(m => m.Name, StringComparer.Ordinal).ToList();

    /// <summary>Reads the file; a missing file is one clear line.</summary>
    public static MeetingInfo Load(string? path)
    {
        if (path is null)
        {
            return Empty;
        }

        if (!File.Exists(path))
        {
            throw new MinutesException(Messages.Get("MeetingFileNotFound", path));
        }

        return Parse(File.ReadAllText(path));
    }

    /// <summary>Parses <c>key: value</c> lines (':' or '：'); blank lines and lines without a key are skipped; the first value of a key wins.</summary>
    public static MeetingInfo Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        var other = new List<MeetingField>();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var parts = line.Split([':', '：'], 2);
            if (parts.Length != 2 || parts[0].Trim().Length == 0 || parts[1].Trim().Length == 0)
            {
                continue;
            }

            var key = parts[0].Trim();
            var value = parts[1].Trim();
            if (Keys.FieldOf(key) is { } field)
            {
                known.TryAdd(field, value);
            }
            else if (!other.Any(o => o.Key == key))
            {
                other.Add(new MeetingField(key, value));
            }
        }

        IReadOnlyList<RollMember>? List(string field) => known.TryGetValue(field, out var value) ? Keys.Members(value) : null;
        return new MeetingInfo(known.GetValueOrDefault("name"), known.GetValueOrDefault("date"), known.GetValueOrDefault("place"))
        {
            Opened = known.GetValueOrDefault("opened"),
            Closed = known.GetValueOrDefault("closed"),
            Present = List("present"),
            Absent = List("absent"),
            Explainers = List("explainers"),
            Staff = List("staff"),
            Signers = List("signers"),
            Kind = known.GetValueOrDefault("kind"),
            Other = other,
        };
    }

    /// <summary>
    /// The time of day of 日時 moved on by <paramref name="offset"/> (the first or last speech),
    /// written as 日時 writes it (午前10時05分); null when 日時 holds no time.
    /// </summary>
    public string? TimeAfterStart(TimeSpan offset) => Date is null ? null : Keys.AddToClock(Date, offset);

    private sealed class MeetingKeys
    {
        private readonly Dictionary<string, string> _fields = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _separators = [];
        private readonly Dictionary<string, string> _words = new(StringComparer.Ordinal);
        private Regex? _clock;

        public static MeetingKeys Load()
        {
            var keys = new MeetingKeys();
            foreach (var line in ResourceLines.Embedded("Minutes.Drafting.meeting-keys.tsv"))
            {
                var fields = line.Split('\t', 2);
                switch (fields[0])
                {
                    case "separator":
                        keys._separators.Add(fields[1]);
                        break;
                    case "clock":
                        keys._clock = new Regex(fields[1], RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                        break;
                    case "am" or "pm" or "hour" or "minute":
                        keys._words[fields[0]] = fields[1];
                        break;
                    default:
                        keys._fields[fields[1]] = fields[0];
                        break;
                }
            }

            return keys;
        }

        public string? FieldOf(string key) => _fields.GetValueOrDefault(key);

        /// <summary><c>役職 氏名</c> items; a single word is a name without a role.</summary>
        public List<RollMember> Members(string value) =>
            value.Split([.. _separators], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(item => item.Split([' ', '\u3000'], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(p => p.Length == 2 ? new RollMember(p[0], p[1]) : new RollMember(null, p[0]))
                .ToList();

        public string? AddToClock(string date, TimeSpan offset)
        {
            var match = _clock?.Match(date.Normalize(NormalizationForm.FormKC));
            if (match is not { Success: true })
            {
                return null;
            }

            var hour = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) % 12;
            var afternoon = match.Groups[1].Value == _words["pm"];
            var minutes = (afternoon ? 12 * 60 : 0) + (hour * 60) + int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) + (int)Math.Floor(offset.TotalMinutes);
            minutes = ((minutes % (24 * 60)) + (24 * 60)) % (24 * 60);
            var h = minutes / 60;
            return string.Create(CultureInfo.InvariantCulture, $"{(h >= 12 ? _words["pm"] : _words["am"])}{h % 12}{_words["hour"]}{minutes % 60:D2}{_words["minute"]}");
        }
    }
}
