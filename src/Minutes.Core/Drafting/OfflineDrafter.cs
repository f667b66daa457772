using System.Text;
using Minutes.Text;
using Minutes.Transcription;

namespace Minutes.Drafting;

/// <summary>
/// The drafter that needs no model: deterministic and extractive. In the summary style (要点筆記)
/// it keeps each speaker's substantive statements in their part of the item (説明要旨, 質疑,
/// 意見・要望, 討論), pairs a question with the next speaker's answer and a request with the
/// answer given, records the procedure and how each decision was reached (採決: method, count,
/// outcome), and writes である調. In the verbatim style (全文) every utterance is a statement as
/// said (fillers and restarts removed) with stage notes in place. In both, decisions and requests
/// carry the agenda item as their subject for 決定事項 and 今後の対応; every item cites the
/// segments it was taken from.
/// </summary>
public sealed class OfflineDrafter : IMinutesDrafter
{
    private readonly DraftingCues _cues;

    public OfflineDrafter(DraftingCues? cues = null) => _cues = cues ?? DraftingCues.Default;

    public DrafterKind Kind => DrafterKind.Offline;

    public IReadOnlyDictionary<string, string> Parameters { get; } = new Dictionary<string, string> { ["drafter"] = DrafterKind.Offline.Name(), ["version"] = "1" };

    public Task<MinutesDocument> DraftAsync(DraftInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var segments = input.Transcript.Segments.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var sections = new List<MinutesSection>();
        var next = 1;
        var labels = input.Transcript.Segments.Select(input.SpeakerOf).Distinct(StringComparer.Ordinal).Select(input.NameOf).Where(n => n.Length > 0).ToList();
        var procedure = ProcedureClassifier.For(labels);
        foreach (var session in input.Sessions.Sessions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var said = session.SegmentIds.Where(segments.ContainsKey).Select(id => segments[id]).ToList();
            var context = new SessionContext(input, procedure, Subject(session.Title), labels);
            var items = DraftSession(Turns(said, input), context);
            if (input.Style == DraftStyle.Verbatim)
            {
                // 全文: every utterance as said; decisions and requests are kept for 決定事項 and 今後の対応.
                items = InMeetingOrder(VerbatimStatements(said, context), items.Where(i => i.Kind is ItemKinds.Decision or ItemKinds.Action).ToList(), said);
            }

            sections.Add(new MinutesSection(session.Id, session.Title, Numbered(items, ref next)));
        }

        return Task.FromResult(new MinutesDocument(input.Header(Attendees(input)), input.Style, new DrafterInfo(DrafterKind.Offline), input.Confidentiality, sections, []));
    }

    /// <summary>Consecutive segments of one speaker form a turn.</summary>
    private static List<Turn> Turns(IReadOnlyList<TranscriptSegment> segments, DraftInput input)
    {
        var turns = new List<Turn>();
        foreach (var segment in segments)
        {
            var speaker = input.SpeakerOf(segment);
            if (turns.Count > 0 && turns[^1].Speaker == speaker)
            {
                turns[^1].Segments.Add(segment);
            }
            else
            {
                turns.Add(new Turn(speaker, [segment]));
            }
        }

        return turns;
    }

    /// <summary>
    /// Ids m0001… in order; an answer id, held as <c>@segment</c> while drafting, becomes the id of
    /// the first statement (not a decision or request) that cites that segment.
    /// </summary>
    private static List<MinutesItem> Numbered(List<MinutesItem> items, ref int next)
    {
        var numbered = new List<MinutesItem>(items.Count);
        foreach (var item in items)
        {
            numbered.Add(item with { Id = $"m{next++:D4}" });
        }

        return numbered.Select(item => item.AnswerId is ['@', .. var segment]
            ? item with { AnswerId = numbered.FirstOrDefault(i => i.Kind is not (ItemKinds.Decision or ItemKinds.Action) && i.Citations.Contains(segment, StringComparer.Ordinal))?.Id }
            : item).ToList();
    }

    /// <summary>The verbatim statements and notes, with each decision and request placed after the statement it was said in.</summary>
    private static List<MinutesItem> InMeetingOrder(List<MinutesItem> statements, List<MinutesItem> closing, List<TranscriptSegment> said)
    {
        var position = said.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        // Where an item was said: the first and last of its citations in the meeting (once per item, not per comparison).
        var first = new Dictionary<MinutesItem, int>(ReferenceEqualityComparer.Instance);
        var last = new Dictionary<MinutesItem, int>(ReferenceEqualityComparer.Instance);
        foreach (var m in statements.Concat(closing))
        {
            var at = m.Citations.Select(c => position.GetValueOrDefault(c, int.MaxValue)).DefaultIfEmpty(int.MaxValue).ToList();
            (first[m], last[m]) = (at.Min(), at.Max());
        }

        var merged = new List<MinutesItem>(statements);
        foreach (var item in closing)
        {
            // After the statement in which it was said (its last citation; a decision also cites the vote before it).
            var end = last[item];
            var at = merged.FindLastIndex(m => m.Kind is not (ItemKinds.Decision or ItemKinds.Action) && first[m] <= end);
            var after = at + 1;
            while (after < merged.Count && merged[after].Kind is ItemKinds.Decision or ItemKinds.Action)
            {
                after++;
            }

            merged.Insert(after, item);
        }

        return merged;
    }

    /// <summary>
    /// 全文: each run of one speaker's segments is a statement as said (fillers and restarts
    /// removed, 公用文 numerals), the chair's words included; members' 「異議なし」 is the note
    /// （「異議なし」と呼ぶ者あり）, the result of a vote by hands follows the call as （挙手多数）, and a
    /// break and the resumption are notes with their clock time when the meeting file gives one.
    /// </summary>
    private List<MinutesItem> VerbatimStatements(List<TranscriptSegment> said, SessionContext context)
    {
        var (input, procedure) = (context.Input, context.Procedure);
        var items = new List<MinutesItem>();
        var run = new List<(TranscriptSegment Segment, string Sentence)>();
        string? runSpeaker = null;
        void Flush()
        {
            if (run.Count > 0)
            {
                items.Add(Item(ItemKinds.Statement, Written(string.Concat(run.Select(r => r.Sentence)), DraftStyle.Verbatim), run.Select(r => r.Segment.Id).Distinct(StringComparer.Ordinal).ToList(), runSpeaker));
            }

            run.Clear();
        }

        for (var k = 0; k < said.Count; k++)
        {
            var segment = said[k];
            var speaker = input.SpeakerOf(segment);
            if (speaker != runSpeaker)
            {
                Flush();
                runSpeaker = speaker;
            }

            var chair = procedure.IsChair(input.NameOf(speaker));
            var sentences = Sentences(Clean(segment.Text));
            for (var n = 0; n < sentences.Count; n++)
            {
                var sentence = sentences[n];
                var kind = procedure.Classify(sentence, input.NameOf(speaker));
                if (kind == ProcedureKind.Resume)
                {
                    Flush();
                    items.Add(BreakNote(procedure, kind, segment, context));
                }

                if (kind == ProcedureKind.Assent && !chair)
                {
                    Flush();
                    RecordProcedure(items, procedure, new Turn(speaker, [segment]), sentence, kind, ItemKinds.Note);
                    continue;
                }

                // 「田中です。」 names the speaker the line already names; the chair's 「企画課長。」 is said and kept.
                if (kind == ProcedureKind.Nomination && !chair)
                {
                    continue;
                }

                run.Add((segment, sentence));
                if (kind == ProcedureKind.Recess)
                {
                    Flush();
                    items.Add(BreakNote(procedure, kind, segment, context));
                }
                else if (kind == ProcedureKind.VoteCall && _cues.Kind("vote-method", JapaneseText.Normalize(sentence)) is not null && ResultAfter(said, k, n, context) is { } result)
                {
                    Flush();
                    items.Add(Item(ItemKinds.Note, result.Note, [result.Segment], null));
                }
            }
        }

        Flush();
        return items;
    }

    /// <summary>The vote result said after the call at sentence <paramref name="n"/> of segment <paramref name="k"/>, before another call or putting.</summary>
    private static (string Note, string Segment)? ResultAfter(List<TranscriptSegment> said, int k, int n, SessionContext context)
    {
        for (var j = k; j < said.Count; j++)
        {
            var speaker = context.Input.NameOf(context.Input.SpeakerOf(said[j]));
            foreach (var sentence in Sentences(Clean(said[j].Text)).Skip(j == k ? n + 1 : 0))
            {
                var kind = context.Procedure.Classify(sentence, speaker);
                if (kind is ProcedureKind.VoteCall or ProcedureKind.Putting)
                {
                    return null;
                }

                if (kind == ProcedureKind.VoteResult && context.Procedure.ResultRecord(sentence) is { } note)
                {
                    return (note, said[j].Id);
                }
            }
        }

        return null;
    }

    /// <summary>「休憩」 at the end of the segment that calls the break, 「再開」 at the start of the one that resumes, with the clock time when known.</summary>
    private static MinutesItem BreakNote(ProcedureClassifier procedure, ProcedureKind kind, TranscriptSegment segment, SessionContext context, string? part = null) =>
        Item(ItemKinds.Note, procedure.BreakRecord(kind), [segment.Id], null) with
        {
            Part = part,
            Time = context.Input.Meeting.TimeAfterStart(TimeSpan.FromSeconds(kind == ProcedureKind.Recess ? segment.End : segment.Start)),
        };

    /// <summary>
    /// 要点筆記 (and the decisions and requests of every style): per turn the procedure, the
    /// decisions with how they were reached, questions with their answers, statements in their
    /// part (説明要旨, 意見・要望, 討論), and requests with the addressee and the answer given.
    /// </summary>
    private List<MinutesItem> DraftSession(List<Turn> turns, SessionContext context)
    {
        var (input, procedure, subject) = (context.Input, context.Procedure, context.Subject);
        var style = input.Style == DraftStyle.Verbatim ? DraftStyle.Summary : input.Style;
        var items = new List<MinutesItem>();
        var responder = new Dictionary<string, string>(StringComparer.Ordinal);
        var answered = new HashSet<int>();
        bool Substantive(string sentence, Turn turn) => procedure.Classify(sentence, input.NameOf(turn.Speaker)) == ProcedureKind.None;

        // The last 宣告 or vote result: a decision that follows says how it was reached.
        string? outcome = null;
        string? method = null;
        string? count = null;
        var voteCites = new List<string>();
        var debating = false;
        for (var i = 0; i < turns.Count; i++)
        {
            if (answered.Contains(i))
            {
                continue;
            }

            var turn = turns[i];
            var name = input.NameOf(turn.Speaker);
            var chair = procedure.IsChair(name);
            var member = !chair && _cues.Matches("member", name);
            var text = Clean(turn.Text);
            var sentences = Sentences(text);
            var kinds = sentences.Select(s => (Sentence: s, Kind: procedure.Classify(s, name))).ToList();
            var substantive = kinds.Where(k => k.Kind == ProcedureKind.None).Select(k => k.Sentence).ToList();
            // 「了承することにご異議ありませんか。」 asks for a decision; it is not one.
            var decisions = kinds.Where(k => k.Kind != ProcedureKind.Putting && _cues.Matches("decision", JapaneseText.Normalize(k.Sentence)) && !k.Sentence.TrimEnd('。').EndsWith('か')).Select(k => k.Sentence).ToList();
            var actions = substantive.Where(s => _cues.Matches("action", JapaneseText.Normalize(s))).ToList();
            var asks = actions.Where(s => _cues.Matches("ask", JapaneseText.Normalize(s))).ToList();
            var questions = substantive.Where(s => _cues.Matches("question", JapaneseText.Normalize(s))).Except(asks.Where(a => !_cues.Matches("question", JapaneseText.Normalize(a)))).ToList();
            var cites = turn.Segments.Select(s => s.Id).ToList();
            TranscriptSegment? recess = null;

            foreach (var (sentence, kind) in kinds.Where(k => ProcedureClassifier.IsRecorded(k.Kind)))
            {
                var normal = JapaneseText.Normalize(sentence);
                switch (kind)
                {
                    case ProcedureKind.Resume:
                        if (recess is not null)
                        {
                            items.Add(BreakNote(procedure, ProcedureKind.Recess, recess, context, items.LastOrDefault(m => m.Kind != ItemKinds.Procedure)?.Part));
                            recess = null;
                        }

                        items.Add(BreakNote(procedure, kind, SegmentOf(turn, sentence), context, items.LastOrDefault(m => m.Kind != ItemKinds.Procedure)?.Part));
                        continue;
                    case ProcedureKind.Recess:
                        // The break follows what the chair declared before it (the decision is written after the procedure).
                        recess = SegmentOf(turn, sentence);
                        continue;
                    case ProcedureKind.Debate:
                        debating = !_cues.Matches("debate-close", normal);
                        break;
                    case ProcedureKind.VoteCall:
                        debating = false;
                        method = _cues.Kind("vote-method", normal) ?? method;
                        break;
                    case ProcedureKind.Putting:
                        debating = false;
                        method ??= "simple";
                        break;
                    case ProcedureKind.Assent when method == "simple":
                        // Members' 「異議なし」 to a putting: no one objected.
                        count ??= "unanimous";
                        break;
                    case ProcedureKind.VoteResult:
                        count = _cues.Kind("vote-count", normal) ?? count;
                        outcome = sentence;
                        break;
                    case ProcedureKind.Declaration:
                        method ??= "simple";
                        count = _cues.Kind("vote-count", normal) ?? count;
                        outcome = sentence;
                        break;
                }

                if (kind != ProcedureKind.Debate)
                {
                    voteCites.AddRange(CitingSentence(turn, sentence));
                }

                RecordProcedure(items, procedure, turn, sentence, kind, ItemKinds.Procedure, kind == ProcedureKind.Debate ? ItemParts.Debate : ItemParts.Vote);
            }

            foreach (var decision in decisions)
            {
                var how = outcome is not null && outcome != decision ? outcome : string.Empty;
                var citations = how.Length > 0 ? CitingSentence(turns, i, how).Concat(CitingSentence(turn, decision)).Distinct(StringComparer.Ordinal).ToList() : CitingSentence(turn, decision);
                var result = _cues.Kind("outcome", JapaneseText.Normalize(decision));
                var vote = method is null && count is null && result is null ? null : new VoteRecord(method, count, result);
                if (method is not null)
                {
                    // The 採決 line rests on the call or putting, the assent and the result as well.
                    citations = [.. voteCites.Concat(citations).Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal)];
                }

                items.Add(Item(ItemKinds.Decision, Written(how + decision, style), citations, turn.Speaker) with
                {
                    Part = ItemParts.Result,
                    Vote = vote,
                    Subject = subject.Length > 0 ? subject : null,
                    Resolution = Resolution(decision, subject, procedure),
                    Provenance = Origin(ItemKinds.Decision, "decision", decision),
                });
                (outcome, method, count) = (null, null, null);
                voteCites.Clear();
            }

            if (recess is not null)
            {
                items.Add(BreakNote(procedure, ProcedureKind.Recess, recess, context, items.LastOrDefault(m => m.Kind != ItemKinds.Procedure)?.Part));
            }

            if (questions.Count > 0)
            {
                items.Add(Item(ItemKinds.Question, Written(string.Concat(substantive.Except(asks)), style), cites, turn.Speaker) with { Part = ItemParts.Questions, Provenance = Origin(ItemKinds.Question, "question", string.Concat(questions)) });
                var answer = NextAnswer(turns, i, Substantive);
                if (answer is not null)
                {
                    if (turn.Speaker is not null && answer.Speaker is not null)
                    {
                        responder[turn.Speaker] = answer.Speaker;
                    }

                    var said = string.Concat(Sentences(Clean(answer.Text)).Where(s => Substantive(s, answer)));
                    items.Add(Item(ItemKinds.Answer, Written(said, style), answer.Segments.Select(s => s.Id).ToList(), answer.Speaker) with { Part = ItemParts.Questions, Provenance = Origin(ItemKinds.Answer, "question", string.Concat(questions)) });
                }
            }
            else if (substantive.Except(decisions).Except(asks).Any() && !IsAnswerToPrevious(turns, i, Substantive))
            {
                var statement = string.Concat(substantive.Except(decisions).Except(asks));
                var part = chair ? null : debating && member ? ItemParts.Debate : member ? ItemParts.Requests : ItemParts.Explanation;
                items.Add(Item(ItemKinds.Summary, Written(statement, style), cites, turn.Speaker) with
                {
                    Part = part,
                    Side = part == ItemParts.Debate ? _cues.Kind("side", JapaneseText.Normalize(statement)) : null,
                    Provenance = Origin(ItemKinds.Summary, "lead", statement),
                });
            }

            var reply = asks.Count > 0 ? ReplyTo(turns, i, context) : null;
            foreach (var request in actions)
            {
                var due = _cues.First("due", JapaneseText.Normalize(request))?.Value;
                if (!asks.Contains(request))
                {
                    // A promise (「次回報告いたします」) falls to its speaker; it stays in the statement and goes to 今後の対応.
                    items.Add(Item(ItemKinds.Action, Written(request, style), CitingSentence(turn, request), turn.Speaker, name, due) with
                    {
                        Part = items.Count > 0 ? items[^1].Part : null,
                        Subject = subject.Length > 0 ? subject : null,
                        Provenance = Origin(ItemKinds.Action, "action", request),
                    });
                    continue;
                }

                // A request falls to the one it names, else to whoever answers it, else to whoever answered the requester before.
                var owner = Addressee(request, name, context)
                    ?? (reply is { } r ? input.NameOf(turns[r].Speaker)
                    : turn.Speaker is not null && responder.TryGetValue(turn.Speaker, out var earlier) ? input.NameOf(earlier) : null);
                items.Add(Item(ItemKinds.Action, Written(request, style), CitingSentence(turn, request), turn.Speaker, owner, due) with
                {
                    Part = ItemParts.Requests,
                    Subject = subject.Length > 0 ? subject : null,
                    Requester = name.Length > 0 ? name : null,
                    AnswerId = reply is { } a ? "@" + turns[a].Segments[0].Id : null,
                    Provenance = Origin(ItemKinds.Action, "action", request),
                });
            }

            if (reply is { } replied)
            {
                answered.Add(replied);
                var answer = turns[replied];
                // What the answer says of substance; only 「承知いたしました。」 when it says nothing more.
                var answerSentences = Sentences(Clean(answer.Text)).Where(s => procedure.Classify(s, input.NameOf(answer.Speaker)) is not ProcedureKind.Nomination).ToList();
                var said = answerSentences.Any(s => Substantive(s, answer)) ? answerSentences.Where(s => Substantive(s, answer)).ToList() : answerSentences;
                items.Add(Item(ItemKinds.Answer, Written(string.Concat(said), style), answer.Segments.Select(s => s.Id).ToList(), answer.Speaker) with { Part = ItemParts.Requests, Provenance = Origin(ItemKinds.Answer, "action", string.Concat(asks)) });
            }
        }

        return items;
    }

    /// <summary>
    /// The turn that answers a request made in turn <paramref name="index"/>: the next speaker's,
    /// past the chair naming them, unless the chair moves on, the requester speaks again, or the
    /// next speaker asks something of their own.
    /// </summary>
    private int? ReplyTo(List<Turn> turns, int index, SessionContext context)
    {
        for (var j = index + 1; j < turns.Count; j++)
        {
            var turn = turns[j];
            if (turn.Speaker == turns[index].Speaker)
            {
                return null;
            }

            var name = context.Input.NameOf(turn.Speaker);
            var kinds = Sentences(Clean(turn.Text)).Select(s => (Sentence: s, Kind: context.Procedure.Classify(s, name))).ToList();
            if (context.Procedure.IsChair(name))
            {
                if (kinds.All(k => k.Kind is ProcedureKind.Nomination or ProcedureKind.Formula))
                {
                    continue;
                }

                return null;
            }

            var asks = kinds.Any(k => k.Kind == ProcedureKind.None && (_cues.Matches("question", JapaneseText.Normalize(k.Sentence)) || _cues.Matches("ask", JapaneseText.Normalize(k.Sentence))));
            return asks || kinds.Any(k => k.Kind == ProcedureKind.Assent) ? null : j;
        }

        return null;
    }

    /// <summary>The speaker or the role of one who explains that a request names (「企画課長に求めます」), other than the requester and the chair.</summary>
    private static string? Addressee(string request, string requester, SessionContext context)
    {
        var text = JapaneseText.Normalize(request);
        return context.Labels.Concat((context.Input.Meeting.Explainers ?? []).Select(m => m.Role).OfType<string>())
            .Where(l => l.Length > 1 && l != requester && !context.Procedure.IsChair(l))
            .FirstOrDefault(l => text.Contains(JapaneseText.Normalize(l), StringComparison.Ordinal));
    }

    /// <summary>
    /// The agenda item as the subject of a decision or request: the item's number when its title
    /// starts with one (議案第12号), else the title without its leading 議題N and closing について.
    /// </summary>
    private string Subject(string title)
    {
        var normal = JapaneseText.Normalize(title).Trim();
        if (_cues.First("subject-number", normal) is { Success: true } number)
        {
            return number.Value;
        }

        var subject = _cues.RemoveAll("subject-strip", title.Trim()).Trim();
        return subject.Length > 0 ? subject : title.Trim();
    }

    /// <summary>
    /// The decision with the agenda item as its subject, for 決定事項: the last sentence of what the
    /// chair declared, its own subject (「よって、本案は」) replaced by the item's
    /// (「議案第12号は、原案のとおり可決すべきものと決定した」); null when the item has no subject.
    /// </summary>
    private string? Resolution(string decision, string subject, ProcedureClassifier procedure)
    {
        if (subject.Length == 0)
        {
            return null;
        }

        var core = Written(Sentences(decision)[^1], DraftStyle.Summary).TrimEnd('。');
        if (_cues.First("topic", core) is { Success: true, Index: 0 } topic)
        {
            core = core[topic.Length..];
        }

        return procedure.ResolutionRecord(subject, core);
    }

    /// <summary>
    /// The procedure as the 会議録 records it, as said (numbers in 公用文 form): the chair's 諮り,
    /// 採決, 宣告, 討論, 休憩 and 再開 under the chair's name; members' 「異議なし」 once, as
    /// （「異議なし」と呼ぶ者あり） without a speaker, however many called it out.
    /// </summary>
    private static void RecordProcedure(List<MinutesItem> items, ProcedureClassifier procedure, Turn turn, string sentence, ProcedureKind kind, string itemKind, string? part = null)
    {
        var citations = CitingSentence(turn, sentence);
        var origin = new ItemProvenance(ItemProvenance.ByRule, $"{ItemKinds.Procedure}:{kind.ToString().ToLowerInvariant()}", procedure.Cue(sentence, kind));
        if (kind != ProcedureKind.Assent)
        {
            items.Add(Item(itemKind, WrittenJapanese.OfficialNumerals(sentence), citations, turn.Speaker) with { Part = part, Provenance = origin });
            return;
        }

        var record = procedure.AssentRecord(sentence);
        if (items.Count > 0 && items[^1] is { Speaker: null } last && last.Kind == itemKind && last.Text == record)
        {
            items[^1] = last with { Citations = [.. last.Citations.Concat(citations).Distinct(StringComparer.Ordinal)] };
            return;
        }

        items.Add(Item(itemKind, record, citations, null) with { Part = part, Provenance = origin });
    }

    /// <summary>The rule that made an item and the words of the transcript its cue table matched (null when the rule needs no cue).</summary>
    private ItemProvenance Origin(string rule, string? cueKind, string said) =>
        new(ItemProvenance.ByRule, rule, cueKind is not null && _cues.First(cueKind, JapaneseText.Normalize(said)) is { Length: > 0 } cue ? cue.Value : null);

    /// <summary>The segments holding a sentence said in the turn at <paramref name="index"/> or one of the two before it.</summary>
    private static List<string> CitingSentence(List<Turn> turns, int index, string sentence)
    {
        var key = JapaneseText.Fold(sentence);
        for (var j = index; j >= Math.Max(0, index - 2); j--)
        {
            if (JapaneseText.Fold(turns[j].Text).Contains(key, StringComparison.Ordinal))
            {
                return CitingSentence(turns[j], sentence);
            }
        }

        return CitingSentence(turns[index], sentence);
    }

    private bool IsAnswerToPrevious(List<Turn> turns, int index, Func<string, Turn, bool> substantive)
    {
        for (var j = index - 1; j >= 0; j--)
        {
            var text = Clean(turns[j].Text);
            if (!Sentences(text).Any(s => substantive(s, turns[j])))
            {
                continue;
            }

            return turns[j].Speaker != turns[index].Speaker && Sentences(text).Any(s => substantive(s, turns[j]) && _cues.Matches("question", JapaneseText.Normalize(s)));
        }

        return false;
    }

    /// <summary>The next turn by another speaker that says something of substance (the chair's 「企画課長。」 is skipped).</summary>
    private static Turn? NextAnswer(List<Turn> turns, int index, Func<string, Turn, bool> substantive)
    {
        for (var j = index + 1; j < turns.Count; j++)
        {
            if (turns[j].Speaker == turns[index].Speaker)
            {
                return null;
            }

            if (Sentences(Clean(turns[j].Text)).Any(s => substantive(s, turns[j])))
            {
                return turns[j];
            }
        }

        return null;
    }

    /// <summary>The first segment of the turn that holds the sentence.</summary>
    private static TranscriptSegment SegmentOf(Turn turn, string sentence)
    {
        var cited = CitingSentence(turn, sentence);
        return turn.Segments.First(s => cited.Contains(s.Id, StringComparer.Ordinal));
    }

    /// <summary>The segments of the turn that hold the sentence (a sentence may span two).</summary>
    private static List<string> CitingSentence(Turn turn, string sentence)
    {
        var key = JapaneseText.Fold(sentence);
        var hits = turn.Segments.Where(s => key.Contains(JapaneseText.Fold(s.Text).TrimEnd('。'), StringComparison.Ordinal)
            || JapaneseText.Fold(s.Text).Contains(key.TrimEnd('。'), StringComparison.Ordinal)).Select(s => s.Id).ToList();
        return hits.Count > 0 ? hits : turn.Segments.Select(s => s.Id).ToList();
    }

    private static MinutesItem Item(string kind, string text, IReadOnlyList<string> citations, string? speaker, string? owner = null, string? due = null) =>
        new(string.Empty, kind, text, citations, speaker, owner, due);

    /// <summary>The statement as the minutes write it: 公用文 numerals in both styles; in the summary style also である調, lead-ins dropped.</summary>
    private string Written(string text, DraftStyle style)
    {
        if (style == DraftStyle.Verbatim)
        {
            return WrittenJapanese.OfficialNumerals(WrittenJapanese.WithoutRestarts(text));
        }

        var builder = new StringBuilder();
        foreach (var sentence in Sentences(text))
        {
            var written = sentence;
            if (_cues.First("lead", written) is { Index: 0, Length: > 0 } lead && lead.Length < written.Length)
            {
                written = written[lead.Length..];
            }

            builder.Append(WrittenJapanese.ToDearu(written));
        }

        return WrittenJapanese.OfficialNumerals(builder.ToString());
    }

    private static string Clean(string text) => Fillers.Remove(text).Trim();

    private static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '。' or '？' or '！' or '?' or '!')
            {
                sentences.Add(text[start..(i + 1)].Trim());
                start = i + 1;
            }
        }

        if (start < text.Length && text[start..].Trim().Length > 0)
        {
            sentences.Add(text[start..].Trim());
        }

        return sentences;
    }

    private static List<string> Attendees(DraftInput input)
    {
        if (input.Speakers is { } map)
        {
            return map.Speakers.Select(s => s.Name).ToList();
        }

        return input.Transcript.Segments.Select(input.SpeakerOf).OfType<string>().Distinct(StringComparer.Ordinal).Select(input.NameOf).ToList();
    }

    /// <summary>What drafting one session reads: the input, the procedure classifier, the agenda item as a subject, the meeting's speaker labels.</summary>
    private sealed record SessionContext(DraftInput Input, ProcedureClassifier Procedure, string Subject, IReadOnlyList<string> Labels);

    private sealed record Turn(string? Speaker, List<TranscriptSegment> Segments)
    {
        public string Text => string.Concat(Segments.Select(s => s.Text.Trim()));
    }
}
