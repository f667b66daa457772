using System.Globalization;
using Minutes.Speakers;
using Minutes.Text;
using Minutes.Transcription;

namespace Minutes.Sessions;

/// <summary>
/// Splits a transcript into sessions (開会, 議題1, 休憩, 再開, 閉会, 第1部 …) using, in order of
/// trust: the agenda file matched to the chair's announcements, the cue phrases of Japanese
/// meetings (<see cref="CueTable"/>), and long pauses. Precision comes first: only the chair's
/// segments announce (every segment when no speakers are known), a sentence that asks a question
/// never does, and announcements of the same item close together are one boundary.
/// </summary>
public sealed class SessionSegmenter
{
    public const string Method = "agenda+cues+pauses";

    /// <summary>Sentence ends; a space counts too, since Whisper sometimes writes one instead of 。.</summary>
    private static readonly char[] SentenceEnds = ['。', '！', '？', '!', '?', '\n', ' ', '\u3000'];

    private readonly SessionOptions _options;
    private readonly CueTable _cues;

    public SessionSegmenter(SessionOptions options, CueTable? cues = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _cues = cues ?? CueTable.Default;
    }

    public SessionPlan Segment(Transcript transcript, SpeakerMap? speakers, Agenda? agenda)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var segments = transcript.Segments;
        var notes = new SessionNotes();
        var settings = Settings(agenda);
        if (segments.Count == 0)
        {
            notes.Add("The transcript has no segments, so there are no sessions.");
            return new SessionPlan(Method, settings, [], notes.Lines);
        }

        var eligible = Announcers(segments, speakers, notes);
        var speakersKnown = segments.Any(x => x.Speaker is not null) || speakers?.Segments.Count > 0;
        var ends = new HashSet<int>();
        var cues = FindCues(segments, eligible, speakersKnown, ends, notes);
        var bounds = new List<Candidate>();
        if (agenda is not null)
        {
            bounds.AddRange(MatchAgenda(segments, eligible, speakersKnown ? SpeakerNames(segments, speakers) : null, agenda, cues, notes));
        }

        foreach (var cue in cues.Where(c => bounds.All(b => b.Index != c.Index)))
        {
            bounds.Add(cue);
        }

        bounds = Merge(segments, eligible, [.. bounds.OrderBy(b => b.Index)]);
        bounds = ExpandBreaks(segments, bounds);
        bounds = AddStart(segments, bounds);
        bounds = AddPauses(segments, bounds, notes);
        bounds = AddSignals(segments, speakers, eligible, bounds);
        return new SessionPlan(Method, settings, Build(segments, bounds, ends), notes.Lines) { Warnings = notes.Warnings };
    }

    private Dictionary<string, string> Settings(Agenda? agenda)
    {
        var settings = new Dictionary<string, string>(_options.Parameters)
        {
            ["agenda"] = agenda?.FileName ?? "",
            ["cueTableSha256"] = _cues.Sha256,
        };
        settings.Remove("cueTable");
        return settings;
    }

    /// <summary>
    /// Whose segments may announce: the chair (a name with a chair title, else the speaker who
    /// opened the meeting, else the first speaker); everyone when no speaker is known.
    /// </summary>
    private bool[] Announcers(IReadOnlyList<TranscriptSegment> segments, SpeakerMap? speakers, SessionNotes notes)
    {
        var names = SpeakerNames(segments, speakers);
        if (names.All(n => n is null))
        {
            notes.Add("No speakers are known: announcements are accepted from every segment.");
            return [.. segments.Select(_ => true)];
        }

        var chairs = names.OfType<string>().Distinct(StringComparer.Ordinal).Where(_cues.IsChairName).ToHashSet(StringComparer.Ordinal);
        if (chairs.Count > 0)
        {
            notes.Add($"Chair (by title): {string.Join(", ", chairs.Order(StringComparer.Ordinal))}.");
        }
        else
        {
            var opener = Enumerable.Range(0, segments.Count)
                .FirstOrDefault(i => names[i] is not null && Sentences(segments[i].Text).Any(s => _cues.Match(s, SessionKinds.Open) is not null), -1);
            var chair = opener >= 0 ? names[opener]! : names.OfType<string>().First();
            chairs.Add(chair);
            notes.Add(opener >= 0
                ? $"Chair: {chair} (no chair title among the speakers; the speaker who opened the meeting)."
                : $"Chair: {chair} (no chair title among the speakers; the first speaker).");
        }

        // A segment without a speaker may be the chair's: diarization leaves gaps.
        return [.. names.Select(n => n is null || chairs.Contains(n))];
    }

    private static string?[] SpeakerNames(IReadOnlyList<TranscriptSegment> segments, SpeakerMap? speakers)
    {
        var byId = speakers?.Speakers.ToDictionary(s => s.Id, s => s.Name, StringComparer.Ordinal) ?? [];
        var assigned = new SegmentSpeakers(speakers);
        return [.. segments.Select(assigned.Of).Select(id => id is null ? null : byId.GetValueOrDefault(id, id))];
    }

    /// <summary>
    /// What else is seen at each boundary, for the trace: the silence before it, and a change of
    /// presenter after the announcement (the first speaker after it who does not announce, when
    /// that is not who spoke before it).
    /// </summary>
    private static List<Candidate> AddSignals(IReadOnlyList<TranscriptSegment> segments, SpeakerMap? speakers, bool[] eligible, List<Candidate> bounds)
    {
        var names = SpeakerNames(segments, speakers);
        return bounds.Select(bound =>
        {
            if (bound.Empty || bound.Index == 0 || bound.Index >= segments.Count)
            {
                return bound;
            }

            var signals = new List<string>(bound.Signals);
            var gap = segments[bound.Index].Start - segments[bound.Index - 1].End;
            if (gap >= 1 && bound.Reason != BoundaryReasons.Pause)
            {
                signals.Add(string.Create(CultureInfo.InvariantCulture, $"pause: {gap:0.0} s before"));
            }

            var before = Enumerable.Range(0, bound.Index).Reverse().Select(i => eligible[i] ? null : names[i]).FirstOrDefault(n => n is not null);
            var afterIndex = Enumerable.Range(bound.Index, segments.Count - bound.Index).FirstOrDefault(i => !eligible[i] && names[i] is not null, -1);
            if (afterIndex >= 0 && names[afterIndex] != before)
            {
                signals.Add($"presenter changes: {before ?? "-"} → {names[afterIndex]} at {segments[afterIndex].Id}");
            }

            return bound with { Signals = signals };
        }).ToList();
    }

    /// <summary>
    /// The announcement of each announcing segment. Without speakers, an announcement that names
    /// only a subject (次に…について説明をお願いします) counts only as a segment's first sentence: a
    /// member says the same after thanking the previous answer.
    /// </summary>
    private List<Candidate> FindCues(IReadOnlyList<TranscriptSegment> segments, bool[] eligible, bool speakersKnown, HashSet<int> ends, SessionNotes notes)
    {
        var found = new List<Candidate>();
        for (var i = 0; i < segments.Count; i++)
        {
            if (!eligible[i])
            {
                continue;
            }

            var hits = Sentences(segments[i].Text).Select(s => _cues.Match(s))
                .Where((h, n) => h is not null && (speakersKnown || n == 0 || !h.Rule.Title.Contains("{subject}", StringComparison.Ordinal)))
                .OfType<CueMatch>().ToList();
            foreach (var end in hits.Where(h => h.Rule.Kind == CueTable.EndKind))
            {
                notes.Add($"Item end at {segments[i].Id}: {end.Text}");
                ends.Add(i);
            }

            // A hand-over that names who speaks next says more than the part it belongs to (事例紹介に移ります。まず山口様から…).
            var best = CueTable.Precedence.Select(k => hits.Where(h => h.Rule.Kind == k).OrderBy(h => h.Who is null).FirstOrDefault()).OfType<CueMatch>().FirstOrDefault();
            if (best is not null)
            {
                found.Add(new Candidate(i, BoundaryReasons.Cue, best.Rule.Kind, best.Title, best.Number, segments[i].Id, best.Text, best.Rule.Pattern.ToString())
                {
                    Who = best.Who,
                    Signals = best.Who is null ? [] : [$"hands over to: {best.Who}"],
                });
            }
        }

        return found;
    }

    /// <summary>
    /// Each agenda item, in order, is matched to an announcing segment after the previous item's
    /// that contains enough of its title's bigrams (or names its number): the first one whose cue
    /// announces an item, else the first one. A segment that matches several items, the opening,
    /// and a listing (本日の議題は…) name the agenda and announce none of it. Lines such as 開会 or
    /// 閉会 are left to the cue phrases.
    /// </summary>
    private List<Candidate> MatchAgenda(IReadOnlyList<TranscriptSegment> segments, bool[] eligible, string?[]? names, Agenda agenda, List<Candidate> cues, SessionNotes notes)
    {
        var structural = _cues.Rules.Where(r => CueTable.Precedence.Contains(r.Kind) && !r.Title.Contains('{', StringComparison.Ordinal))
            .Select(r => JapaneseText.Fold(r.Title)).ToHashSet(StringComparer.Ordinal);
        var items = agenda.Items.Where(a => !structural.Contains(JapaneseText.Fold(a.Title))).ToList();
        if (items.Count == 0)
        {
            notes.Add($"Agenda {agenda.FileName}: only structural lines (開会, 閉会 …); the cue phrases place them.");
            return [];
        }

        var itemBigrams = items.Select(a => TextSimilarity.Bigrams(a.Title)).ToList();
        var scores = new double[segments.Count][];
        for (var i = 0; i < segments.Count; i++)
        {
            var text = TextSimilarity.Bigrams(segments[i].Text);
            var announced = cues.FirstOrDefault(c => c.Index == i && c.Kind == SessionKinds.Item);
            // An announcement that names a number (議案第十二号 = 議案第12号) is about that item, not a
            // neighbour whose title shares most of its words (〜条例の一部改正について).
            scores[i] = [.. items.Select((item, k) => !eligible[i] || (announced?.Number is { } other && item.Number is { } own && other != own) ? 0
                : Math.Min(1, TextSimilarity.Containment(itemBigrams[k], text) + (announced?.Number is { } n && n == item.Number ? 0.5 : 0)))];
        }

        // 「本日の議題は…」 and the opening name the items without taking them up.
        var listings = segments.Select((x, i) => cues.Any(c => c.Index == i && c.Kind == SessionKinds.Open)
            || Sentences(x.Text).Any(t => _cues.IsListing(t))).ToArray();
        var found = new List<Candidate>();
        var missing = new List<string>();
        var after = -1;
        var clock = AgendaClock.Start(agenda, segments[0].Start);
        List<Candidate> handOvers = names is null ? [] : PresenterChanges(segments, eligible, names);
        for (var k = 0; k < items.Count; k++)
        {
            var matching = Enumerable.Range(after + 1, segments.Count - after - 1)
                .Where(i => !listings[i] && IsAnnouncement(scores[i], k, itemBigrams[k].Count, cues, i)).ToList();
            var index = matching.Cast<int?>().FirstOrDefault(i => cues.Any(c => c.Index == i && c.Kind == SessionKinds.Item)) ?? matching.FirstOrDefault(-1);
            if (index < 0 && AgendaHandOver(items[k], cues, after) is { } handOver)
            {
                after = handOver.Index;
                clock = clock.Placed(items[k], segments[after].Start, notes);
                found.Add(handOver with { Reason = BoundaryReasons.Agenda, Title = items[k].Heading, Signals = [.. handOver.Signals, $"agenda line names the presenter: {items[k].Text}"] });
                continue;
            }

            var worded = Enumerable.Range(after + 1, segments.Count - after - 1).Where(i => !listings[i] && scores[i][k] >= _options.AgendaThreshold)
                .Select(i => new Candidate(i, BoundaryReasons.Agenda, SessionKinds.Item, items[k].Heading, items[k].Number, segments[i].Id, $"{items[k].Text} ~ {segments[i].Text}", null));
            if (index < 0 && AgendaTime(segments, clock, items[k], [.. cues, .. worded], handOvers, after) is { } timed)
            {
                after = timed.Index;
                clock = clock.Placed(items[k], segments[after].Start, notes);
                found.Add(timed);
                continue;
            }

            if (index < 0)
            {
                missing.Add(items[k].Text);
                continue;
            }

            after = index;
            clock = clock.Placed(items[k], segments[after].Start, notes);
            found.Add(new Candidate(index, BoundaryReasons.Agenda, SessionKinds.Item, items[k].Heading, items[k].Number, segments[index].Id,
                $"{items[k].Text} ~ {segments[index].Text}", $"bigram containment {scores[index][k]:0.00} >= {_options.AgendaThreshold:0.00}")
            {
                Signals = [.. cues.Where(c => c.Index == index).SelectMany(c => c.Signals.Prepend($"cue: {c.Evidence}"))],
            });
        }

        if (found.Count == 0)
        {
            notes.Warn(Messages.Of("AgendaMatchedNothing", agenda.FileName));
        }
        else
        {
            notes.Add($"Agenda {agenda.FileName}: {found.Count} of {items.Count} items matched the chair's announcements.");
            if (missing.Count > 0)
            {
                notes.Warn(Messages.Of("AgendaItemsNotAnnounced", string.Join(" / ", missing)));
            }
        }

        return found;
    }

    /// <summary>An agenda line that names its presenter (第1部 事例紹介（山口氏）) is the facilitator's hand-over to that presenter.</summary>
    private static Candidate? AgendaHandOver(AgendaItem item, List<Candidate> cues, int after) =>
        item.Presenter is not { } presenter ? null
            : cues.FirstOrDefault(c => c.Index > after && c.Who is { } who && (who.EndsWith(presenter, StringComparison.Ordinal) || presenter.EndsWith(who, StringComparison.Ordinal)));

    /// <summary>
    /// An agenda line that gives a time (10:30 意見交換) and matched no announcement by its words:
    /// the nearest to the time the <see cref="AgendaClock"/> expects of the announcements (or the
    /// chair's segments that say the line's words) within <see cref="AgendaClock.WindowSeconds"/>,
    /// and of the chair's hand-overs to another speaker that no cue names within
    /// <see cref="AgendaClock.HandOverWindowSeconds"/>. A time with neither near it places nothing:
    /// the item is reported as not announced.
    /// </summary>
    private static Candidate? AgendaTime(IReadOnlyList<TranscriptSegment> segments, AgendaClock clock, AgendaItem item, List<Candidate> cues, List<Candidate> handOvers, int after)
    {
        if (clock.Expected(item) is not { } expected)
        {
            return null;
        }

        var announced = cues.Where(c => c.Kind is SessionKinds.Item or SessionKinds.Part && Math.Abs(segments[c.Index].Start - expected) <= AgendaClock.WindowSeconds);
        var changed = handOvers.Where(c => cues.All(o => o.Index != c.Index) && Math.Abs(segments[c.Index].Start - expected) <= AgendaClock.HandOverWindowSeconds);
        var nearest = announced.Concat(changed).Where(c => c.Index > after)
            .OrderBy(c => Math.Abs(segments[c.Index].Start - expected)).FirstOrDefault();
        return nearest is null ? null : nearest with
        {
            Reason = BoundaryReasons.Agenda,
            Title = item.Heading,
            Signals = [.. nearest.Signals, string.Create(CultureInfo.InvariantCulture, $"agenda time {item.Time:hh\\:mm}: expected near {expected:0} s")],
        };
    }

    /// <summary>
    /// The chair's segments after which someone else takes the floor: the next speaker who is not
    /// the chair differs from the last one before. A segment that asks (ご質問はありますか) hands
    /// over to a question, not to a part, and is left out.
    /// </summary>
    private List<Candidate> PresenterChanges(IReadOnlyList<TranscriptSegment> segments, bool[] eligible, string?[] names)
    {
        // The nearest other speaker before and after each segment, one pass each way (a scan from every
        // segment was quadratic in a long chair's run).
        var before = new string?[segments.Count];
        var next = new int[segments.Count];
        string? lastOther = null;
        for (var i = 0; i < segments.Count; i++)
        {
            before[i] = lastOther;
            lastOther = !eligible[i] && names[i] is not null ? names[i] : lastOther;
        }

        var nextOther = -1;
        for (var i = segments.Count - 1; i >= 0; i--)
        {
            next[i] = nextOther;
            nextOther = !eligible[i] && names[i] is not null ? i : nextOther;
        }

        var found = new List<Candidate>();
        for (var i = 1; i < segments.Count; i++)
        {
            var last = Sentences(segments[i].Text).LastOrDefault();
            if (!eligible[i] || names[i] is null || last is null || _cues.IsIgnored(_cues.StripFillers(JapaneseText.Fold(last))))
            {
                continue;
            }

            if (next[i] >= 0 && names[next[i]] != before[i])
            {
                found.Add(new Candidate(i, BoundaryReasons.Agenda, SessionKinds.Item, string.Empty, null, segments[i].Id, $"the chair hands over to {names[next[i]]}: {segments[i].Text}", null));
            }
        }

        return found;
    }

    private bool IsAnnouncement(double[] scores, int item, int bigrams, List<Candidate> cues, int index)
    {
        if (scores[item] < _options.AgendaThreshold || scores.Count(s => s >= _options.AgendaThreshold) > 1)
        {
            return false;
        }

        // A short title (その他) occurs in passing; only an announcement cue makes it a boundary.
        return bigrams >= 4 || cues.Any(c => c.Index == index);
    }

    /// <summary>
    /// Announcements of the same thing close together (次に議題2に入ります / 議題2、…を議題とします)
    /// are one boundary at the first of them; the more trusted evidence is kept. An item announced
    /// again right after itself starts nothing.
    /// </summary>
    private List<Candidate> Merge(IReadOnlyList<TranscriptSegment> segments, bool[] eligible, List<Candidate> bounds)
    {
        var merged = new List<Candidate>();
        foreach (var bound in bounds)
        {
            var previous = merged.Count > 0 ? merged[^1] : null;
            var close = previous is not null
                && previous.Kind == bound.Kind
                && segments[bound.Index].Start - segments[previous.Index].Start <= _options.MergeSeconds
                && Enumerable.Range(previous.Index, bound.Index - previous.Index).All(i => eligible[i]);
            var same = previous is not null && (previous.Number is null || bound.Number is null || previous.Number == bound.Number);
            if (close && same)
            {
                merged[^1] = Trust(bound.Reason) < Trust(previous!.Reason) ? bound with { Index = previous.Index } : previous;
            }
            else if (previous is not null && bound.Kind == SessionKinds.Item && previous.Kind == SessionKinds.Item && SameItem(previous, bound))
            {
                continue;
            }
            else
            {
                merged.Add(bound);
            }
        }

        return merged;
    }

    private static bool SameItem(Candidate a, Candidate b) =>
        (a.Number is not null && a.Number == b.Number) || JapaneseText.Fold(a.Title) == JapaneseText.Fold(b.Title);

    private static int Trust(string reason) => reason switch
    {
        BoundaryReasons.Agenda => 0,
        BoundaryReasons.Cue => 1,
        BoundaryReasons.Pause => 2,
        _ => 3,
    };

    /// <summary>
    /// A break is the silence after its announcement, as in a 会議録 (「午前11時5分 休憩」): a
    /// session without segments from the end of the announcing segment to the next segment, which
    /// starts the resumed session (announced or not). The announcement stays with the item it ends.
    /// </summary>
    private List<Candidate> ExpandBreaks(IReadOnlyList<TranscriptSegment> segments, List<Candidate> bounds)
    {
        var result = new List<Candidate>();
        for (var k = 0; k < bounds.Count; k++)
        {
            var bound = bounds[k];
            if (bound.Kind != SessionKinds.Break)
            {
                result.Add(bound);
                continue;
            }

            var after = bound.Index + 1;
            result.Add(bound with { Index = after, Empty = true });
            var next = k + 1 < bounds.Count ? bounds[k + 1] : null;
            if (after < segments.Count && next?.Index != after)
            {
                result.Add(new Candidate(after, BoundaryReasons.Cue, SessionKinds.Resume, _cues.Of(SessionKinds.Resume).First().Title, null, segments[after].Id,
                    $"the first segment after the break announced at {bound.SegmentId}", null));
            }
        }

        return result;
    }

    /// <summary>
    /// The first session starts with the first segment: an opening announced within the first
    /// minute moves there; otherwise what comes before the opening is its own session.
    /// </summary>
    private List<Candidate> AddStart(IReadOnlyList<TranscriptSegment> segments, List<Candidate> bounds)
    {
        if (bounds.Count > 0 && bounds[0].Index == 0 && !bounds[0].Empty)
        {
            return bounds;
        }

        var first = segments[0];
        if (bounds.Count > 0 && bounds[0].Kind == SessionKinds.Open && segments[bounds[0].Index].Start - first.Start <= 60)
        {
            return [bounds[0] with { Index = 0 }, .. bounds.Skip(1)];
        }

        var opened = bounds.Any(b => b.Kind == SessionKinds.Open);
        var title = opened ? _cues.Titles.GetValueOrDefault(BoundaryReasons.Start, BoundaryReasons.Start) : _cues.Of(SessionKinds.Open).First().Title;
        return [new Candidate(0, BoundaryReasons.Start, opened ? SessionKinds.Other : SessionKinds.Open, title, null, first.Id, null, null), .. bounds];
    }

    /// <summary>A long silence with no announcement near it starts a session (after a break: 再開).</summary>
    private List<Candidate> AddPauses(IReadOnlyList<TranscriptSegment> segments, List<Candidate> bounds, SessionNotes notes)
    {
        var result = new List<Candidate>(bounds);
        for (var i = 1; i < segments.Count; i++)
        {
            var gap = segments[i].Start - segments[i - 1].End;
            if (gap < _options.PauseSeconds)
            {
                continue;
            }

            var at = segments[i].Start;
            if (result.Any(b => Math.Abs(segments[b.Index].Start - at) <= _options.MergeSeconds))
            {
                continue;
            }

            var before = result.LastOrDefault(b => b.Index <= i);
            var resume = before?.Kind == SessionKinds.Break;
            var title = resume ? _cues.Of(SessionKinds.Resume).First().Title : _cues.Titles.GetValueOrDefault(BoundaryReasons.Pause, BoundaryReasons.Pause);
            var evidence = $"{gap.ToString("0.0", CultureInfo.InvariantCulture)} s of silence before {segments[i].Id}";
            result.Add(new Candidate(i, BoundaryReasons.Pause, resume ? SessionKinds.Resume : SessionKinds.Part, title, null, segments[i].Id, evidence, $"pause >= {_options.PauseSeconds} s"));
            notes.Add($"Pause boundary at {segments[i].Id}: {evidence}.");
        }

        return [.. result.OrderBy(b => b.Index).ThenBy(b => !b.Empty)];
    }

    /// <summary>
    /// The sessions, titled: an item without a title gets 議題N; a resumed session continues the
    /// item before the break (議題1…（再開後）) unless that item was declared finished (以上で…終了).
    /// </summary>
    private List<Session> Build(IReadOnlyList<TranscriptSegment> segments, List<Candidate> bounds, HashSet<int> ends)
    {
        var sessions = new List<Session>();
        var items = 0;
        string? item = null;
        for (var k = 0; k < bounds.Count; k++)
        {
            var bound = bounds[k];
            var title = bound.Title;
            if (k > 0 && ends.Any(e => e >= bounds[k - 1].Index && e < bound.Index))
            {
                item = null;
            }

            if (bound.Kind == SessionKinds.Item)
            {
                items++;
                if (string.IsNullOrWhiteSpace(title))
                {
                    title = _cues.Titles.GetValueOrDefault(SessionKinds.Item, "{n}").Replace("{n}", (bound.Number ?? items).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
                }

                item = title;
            }
            else if (bound.Kind == SessionKinds.Resume && item is not null && _cues.Titles.TryGetValue("resume", out var resumed))
            {
                title = resumed.Replace("{previous}", item, StringComparison.Ordinal);
            }
            else if (bound.Kind is SessionKinds.Close or SessionKinds.Part or SessionKinds.Open)
            {
                item = null;
            }

            var pause = bound.Index > 0 && bound.Index < segments.Count ? Round(Math.Max(0, segments[bound.Index].Start - segments[bound.Index - 1].End)) : (double?)null;
            var boundary = new SessionBoundary(bound.Reason, bound.SegmentId, bound.Evidence, bound.Pattern, pause) { Signals = bound.Signals.Count == 0 ? null : bound.Signals };
            var id = $"p{sessions.Count + 1:00}";
            if (bound.Empty)
            {
                var start = segments[bound.Index - 1].End;
                var end = bound.Index < segments.Count ? segments[bound.Index].Start : start;
                sessions.Add(new Session(id, title, bound.Kind, Round(start), Round(end), [], boundary));
                continue;
            }

            var next = bounds.Skip(k + 1).FirstOrDefault(b => b.Index > bound.Index)?.Index ?? segments.Count;
            var members = segments.Skip(bound.Index).Take(next - bound.Index).ToList();
            sessions.Add(new Session(id, title, bound.Kind, Round(members[0].Start), Round(members.Max(s => s.End)), [.. members.Select(s => s.Id)], boundary));
        }

        return sessions;
    }

    private static double Round(double seconds) => Math.Round(seconds, 3);

    private static IEnumerable<string> Sentences(string text) =>
        text.Split(SentenceEnds, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A session start; <see cref="Empty"/> for a break, which holds no segment and starts where the one before it ends.</summary>
    private sealed record Candidate(int Index, string Reason, string Kind, string Title, int? Number, string SegmentId, string? Evidence, string? Pattern, bool Empty = false)
    {
        /// <summary>The presenter handed over to, when the announcement names one.</summary>
        public string? Who { get; init; }

        public IReadOnlyList<string> Signals { get; init; } = [];
    }
}
