using System.Globalization;
using System.Text.RegularExpressions;
using Minutes.Text;

namespace Minutes.Drafting;

/// <summary>
/// Reads the procedure of a meeting sentence by sentence (諮り → 異議なし → 宣告; 採決 → result;
/// 討論; 休憩/再開), from the cue table <c>Drafting/Resources/procedure-cues.tsv</c>, which can be
/// extended without code. A sentence's length decides nothing: a one-line dissent or an answer
/// that is just a figure is substance. Naming the next speaker (「企画課長。」) or oneself
/// (「田中です。」) is recognised from the speaker labels of the meeting.
/// </summary>
public sealed class ProcedureClassifier
{
    private static readonly ProcedureKind[] Order =
    [
        ProcedureKind.Assent, ProcedureKind.Declaration, ProcedureKind.VoteResult, ProcedureKind.VoteCall,
        ProcedureKind.Putting, ProcedureKind.Debate, ProcedureKind.Recess, ProcedureKind.Resume, ProcedureKind.Formula,
    ];

    /// <summary>The cue table, read once: its regular expressions are immutable and safe to share between threads.</summary>
    private static readonly Lazy<CueTable> Table = new(CueTable.Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly CueTable _table;
    private readonly IReadOnlyList<string> _labels;

    private ProcedureClassifier(CueTable table, IReadOnlyList<string> labels)
    {
        _table = table;
        _labels = labels;
    }

    /// <summary>The speaker labels (roles) of a chair, from the cue table's <c>chair</c> lines: 委員長, 議長, 会長 ….</summary>
    public static IReadOnlyList<string> ChairRoles => Table.Value.Chairs;

    /// <summary>The classifier for a meeting whose speakers carry these labels (委員長, 田中委員, 企画課長 …).</summary>
    public static ProcedureClassifier For(IEnumerable<string> speakerLabels)
    {
        ArgumentNullException.ThrowIfNull(speakerLabels);
        return new ProcedureClassifier(Table.Value, [.. speakerLabels.Where(l => l.Length > 0).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>Whether the speaker label is a chair's (委員長, 議長, 会長 …): only a chair puts questions to the meeting.</summary>
    public bool IsChair(string? speaker) => speaker is not null && _table.Chairs.Contains(speaker, StringComparer.Ordinal);

    /// <summary>What the sentence does, said by <paramref name="speaker"/> (a label; null when unknown).</summary>
    public ProcedureKind Classify(string sentence, string? speaker)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var text = JapaneseText.Normalize(Fillers.Remove(sentence)).Trim();
        if (text.Length == 0)
        {
            return ProcedureKind.Formula;
        }

        if (IsNomination(text, speaker))
        {
            return ProcedureKind.Nomination;
        }

        foreach (var kind in Order)
        {
            if (kind == ProcedureKind.Putting && !IsChair(speaker))
            {
                continue;
            }

            if (_table.Patterns.TryGetValue(kind, out var list) && list.Any(r => r.IsMatch(text)))
            {
                return kind;
            }
        }

        return ProcedureKind.None;
    }

    /// <summary>The words of the sentence that the cue table matched for <paramref name="kind"/> (its provenance), or null.</summary>
    public string? Cue(string sentence, ProcedureKind kind)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var text = JapaneseText.Normalize(Fillers.Remove(sentence)).Trim();
        return _table.Patterns.TryGetValue(kind, out var list)
            ? list.Select(r => r.Match(text)).FirstOrDefault(m => m.Success)?.Value
            : null;
    }

    /// <summary>Whether the sentence is procedure (anything but <see cref="ProcedureKind.None"/>).</summary>
    public bool IsProcedure(string sentence, string? speaker) => Classify(sentence, speaker) != ProcedureKind.None;

    /// <summary>Procedure the minutes record (the course of a decision, a break); formulas and nominations are left out.</summary>
    public static bool IsRecorded(ProcedureKind kind) => kind is not (ProcedureKind.None or ProcedureKind.Formula or ProcedureKind.Nomination);

    /// <summary>How the minutes record members' assent: （「異議なし」と呼ぶ者あり）.</summary>
    public string AssentRecord(string said)
    {
        ArgumentNullException.ThrowIfNull(said);
        return string.Format(CultureInfo.InvariantCulture, _table.AssentRecord, said.Trim().TrimEnd('。', '.', '!', '！'));
    }

    /// <summary>The words of the stage note for a break (休憩) or the resumption (再開).</summary>
    public string BreakRecord(ProcedureKind kind) => kind switch
    {
        ProcedureKind.Recess => _table.Records.GetValueOrDefault("recess-record", string.Empty),
        ProcedureKind.Resume => _table.Records.GetValueOrDefault("resume-record", string.Empty),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// The stage note for how a vote came out, from a vote-result sentence: （挙手多数） for
    /// 「挙手多数であります。」; null when the sentence is not a vote result.
    /// </summary>
    public string? ResultRecord(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var text = JapaneseText.Normalize(Fillers.Remove(sentence)).Trim();
        var match = _table.Patterns.GetValueOrDefault(ProcedureKind.VoteResult)?.Select(r => r.Match(text)).FirstOrDefault(m => m.Success);
        return match is null ? null : string.Format(CultureInfo.InvariantCulture, _table.Records.GetValueOrDefault("result-record", "{0}"), match.Value);
    }

    /// <summary>A decision with the agenda item as its subject: 「議案第12号は、原案のとおり可決すべきものと決定した」.</summary>
    public string ResolutionRecord(string subject, string decided) =>
        string.Format(CultureInfo.InvariantCulture, _table.Records.GetValueOrDefault("resolution-record", "{0} {1}"), subject, decided);

    /// <summary>「企画課長。」 (a speaker's label alone) or 「田中です。」 (the start of one's own label, then です).</summary>
    private bool IsNomination(string text, string? speaker)
    {
        var bare = text.TrimEnd('。', '.');
        if (_labels.Contains(bare, StringComparer.Ordinal))
        {
            return true;
        }

        return speaker is not null && _table.SelfSuffix.Length > 0 && bare.EndsWith(_table.SelfSuffix, StringComparison.Ordinal)
            && bare[..^_table.SelfSuffix.Length] is { Length: > 0 } name && speaker.StartsWith(name, StringComparison.Ordinal);
    }

    /// <summary>The parsed <c>procedure-cues.tsv</c>.</summary>
    private sealed record CueTable(
        IReadOnlyDictionary<ProcedureKind, IReadOnlyList<Regex>> Patterns,
        IReadOnlyList<string> Chairs,
        string AssentRecord,
        string SelfSuffix,
        IReadOnlyDictionary<string, string> Records)
    {
        public static CueTable Load()
        {
            var patterns = new Dictionary<ProcedureKind, List<Regex>>();
            var record = "{0}";
            var self = string.Empty;
            var records = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var line in ResourceLines.Embedded("Minutes.Drafting.procedure-cues.tsv"))
            {
                var fields = line.Split('\t', 2);
                switch (fields[0])
                {
                    case "assent-record":
                        record = fields[1];
                        break;
                    case "self":
                        self = fields[1];
                        break;
                    case "recess-record" or "resume-record" or "result-record" or "resolution-record":
                        records[fields[0]] = fields[1];
                        break;
                    default:
                        var kind = Enum.Parse<ProcedureKind>(fields[0].Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true);
                        if (!patterns.TryGetValue(kind, out var list))
                        {
                            patterns[kind] = list = [];
                        }

                        list.Add(new Regex(fields[1], RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
                        break;
                }
            }

            return new CueTable(patterns.ToDictionary(p => p.Key, p => (IReadOnlyList<Regex>)p.Value), ChairTitles.All, record, self, records);
        }
    }
}
