using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Sessions;

/// <summary>The kinds of session (and of cue) the segmenter knows.</summary>
public static class SessionKinds
{
    public const string Open = "open";
    public const string Item = "item";
    public const string Break = "break";
    public const string Resume = "resume";
    public const string Close = "close";
    public const string Part = "part";
    public const string Other = "other";
}

/// <summary>Why a session starts where it does (<see cref="SessionBoundary.Reason"/>), in order of trust.</summary>
public static class BoundaryReasons
{
    public const string Start = "start";
    public const string Agenda = "agenda";
    public const string Cue = "cue";
    public const string Pause = "pause";
}

/// <summary>One cue rule: a kind of session, the title it gives, and the pattern on folded text.</summary>
public sealed record CueRule(string Kind, string Title, Regex Pattern);

/// <summary>A sentence that matched a rule: the matched (folded) text, the item number, and the session title.</summary>
public sealed record CueMatch(CueRule Rule, string Text, int? Number, string Title)
{
    /// <summary>The presenter a facilitator hands over to (the rule's <c>who</c> group), when the rule names one.</summary>
    public string? Who { get; init; }
}

/// <summary>
/// The cue phrases of Japanese meetings (<c>session-cues.tsv</c>, embedded): chair titles,
/// fillers, sentences that are never announcements, and the announcements that open, close,
/// pause or move a meeting on.
/// </summary>
public sealed class CueTable
{
    private const string ResourceName = "Minutes.Sessions.session-cues.tsv";
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private CueTable(IReadOnlyList<CueRule> rules, IReadOnlyDictionary<string, string> titles, string sha256)
    {
        Rules = rules;
        Titles = titles;
        Sha256 = sha256;
    }

    /// <summary>The announcement rules (end, close, part, item, break, resume, open), in order of precedence.</summary>
    public IReadOnlyList<CueRule> Rules { get; }

    /// <summary>Titles for sessions that no cue names (keys: start, pause, item).</summary>
    public IReadOnlyDictionary<string, string> Titles { get; }

    /// <summary>The digest of the table's text, recorded in the trace.</summary>
    public string Sha256 { get; }

    /// <summary>The kind of an item's end (以上で…終了): evidence only, never a boundary by itself.</summary>
    public const string EndKind = "end";

    /// <summary>A segment whose sentences match several kinds takes the first kind here.</summary>
    public static readonly IReadOnlyList<string> Precedence =
        [SessionKinds.Close, SessionKinds.Part, SessionKinds.Item, SessionKinds.Break, SessionKinds.Resume, SessionKinds.Open];

    public static CueTable Default { get; } = LoadDefault();

    /// <summary>
    /// The first announcement rule (of <paramref name="kind"/>, or of any kind including item
    /// ends) that matches one sentence, after folding and removing its leading fillers; null for
    /// a sentence that asks or answers (the ignore rules).
    /// </summary>
    public CueMatch? Match(string sentence, string? kind = null)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var folded = StripFillers(JapaneseText.Fold(sentence));
        if (folded.Length == 0 || IsIgnored(folded))
        {
            return null;
        }

        foreach (var rule in Rules.Where(r => kind is null ? r.Kind == EndKind || Precedence.Contains(r.Kind) : r.Kind == kind))
        {
            var match = rule.Pattern.Match(folded);
            if (match.Success)
            {
                var number = int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
                var title = rule.Pattern.GetGroupNames().Aggregate(rule.Title, (t, g) => t.Replace($"{{{g}}}", match.Groups[g].Value, StringComparison.Ordinal));
                var who = match.Groups["who"] is { Success: true } w && rule.Title.Contains("{who}", StringComparison.Ordinal) ? w.Value : null;
                return new CueMatch(rule, match.Value, number, title) { Who = who };
            }
        }

        return null;
    }

    public IEnumerable<CueRule> Of(string kind) => Rules.Where(r => r.Kind == kind);

    /// <summary>True when a speaker name carries a chair title (委員長, 議長, 会長 …).</summary>
    public bool IsChairName(string name) => Of("chair").Any(r => r.Pattern.IsMatch(JapaneseText.Fold(name)));

    /// <summary>
    /// The folded sentence without its leading fillers: the hesitation fillers every stage shares
    /// (<see cref="Fillers"/>: えー, あのー …) and the table's <c>filler</c> rows (それでは, ここで …).
    /// </summary>
    public string StripFillers(string folded)
    {
        var fillers = Of("filler").ToList();
        var changed = true;
        while (changed && folded.Length > 0)
        {
            changed = false;
            var hesitation = Fillers.LeadingLength(folded);
            if (hesitation > 0)
            {
                folded = folded[hesitation..];
                changed = true;
            }

            foreach (var filler in fillers)
            {
                var match = filler.Pattern.Match(folded);
                if (match.Success && match.Length > 0)
                {
                    folded = folded[match.Length..];
                    changed = true;
                }
            }
        }

        return folded;
    }

    public bool IsIgnored(string folded) => Of("ignore").Any(r => r.Pattern.IsMatch(folded));

    /// <summary>True when the sentence lists the agenda (本日の議題は…) rather than taking an item up.</summary>
    public bool IsListing(string sentence) =>
        Of("listing").Any(r => r.Pattern.IsMatch(StripFillers(JapaneseText.Fold(sentence ?? ""))));

    public static CueTable Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = new List<CueRule>();
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in ResourceLines.Read(new StringReader(text)))
        {
            number++;
            var parts = line.Split('\t');
            if (parts.Length != 3)
            {
                throw new MinutesException(Messages.Get("CueRuleColumns", number, line));
            }

            if (parts[0] == "title")
            {
                titles[parts[1]] = parts[2];
                continue;
            }

            try
            {
                rules.Add(new CueRule(parts[0], parts[1], new Regex(ChairTitles.Expand(parts[2]).Normalize(NormalizationForm.FormKC), RegexOptions.CultureInvariant, MatchTimeout)));
            }
            catch (ArgumentException ex)
            {
                throw new MinutesException(Messages.Get("CueRuleInvalid", number, ex.Message));
            }
        }

        return new CueTable(rules, titles, Hashing.Sha256OfText(ChairTitles.Expand(text)));
    }

    private static CueTable LoadDefault() => Parse(ResourceLines.EmbeddedText(ResourceName));
}
