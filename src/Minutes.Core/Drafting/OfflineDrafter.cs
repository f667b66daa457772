using System.Text;
using Minutes.Text;
using Minutes.Transcription;

namespace Minutes.Drafting;

/// <summary>
/// The drafter that needs no model: deterministic and extractive. Per session it keeps each
/// speaker's substantive statements, pairs a question with the next speaker's answer, and picks
/// out decisions and requests (with owner and due date when they are said), each citing the
/// segments it was taken from. In the summary style (要点筆記) sentence endings become である調
/// and fillers go; the verbatim style keeps every statement as said, fillers removed (ケバ取り).
/// </summary>
public sealed partial class OfflineDrafter : IMinutesDrafter
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
        var procedure = ProcedureClassifier.For(input.Transcript.Segments.Select(input.SpeakerOf).Distinct(StringComparer.Ordinal).Select(input.NameOf));
        foreach (var session in input.Sessions.Sessions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var turns = Turns(session.SegmentIds.Where(segments.ContainsKey).Select(id => segments[id]).ToList(), input);
            var items = DraftSession(turns, input, procedure).Select(item => item with { Id = $"m{next++:D4}" }).ToList();
            sections.Add(new MinutesSection(session.Id, session.Title, items));
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

    private List<MinutesItem> DraftSession(List<Turn> turns, DraftInput input, ProcedureClassifier procedure)
    {
        var style = input.Style;
        var items = new List<MinutesItem>();
        var responder = new Dictionary<string, string>(StringComparer.Ordinal);
        bool Substantive(string sentence, Turn turn) => procedure.Classify(sentence, input.NameOf(turn.Speaker)) == ProcedureKind.None;

        // The last 宣告 or vote result: a decision that follows says how it was reached.
        string? outcome = null;
        for (var i = 0; i < turns.Count; i++)
        {
            var turn = turns[i];
            var text = Clean(turn.Text);
            var sentences = Sentences(text);
            var kinds = sentences.Select(s => (Sentence: s, Kind: procedure.Classify(s, input.NameOf(turn.Speaker)))).ToList();
            var substantive = kinds.Where(k => k.Kind == ProcedureKind.None).Select(k => k.Sentence).ToList();
            // 「了承することにご異議ありませんか。」 asks for a decision; it is not one.
            var decisions = kinds.Where(k => k.Kind != ProcedureKind.Putting && _cues.Matches("decision", JapaneseText.Normalize(k.Sentence)) && !k.Sentence.TrimEnd('。').EndsWith('か')).Select(k => k.Sentence).ToList();
            var requests = substantive.Where(s => _cues.Matches("action", JapaneseText.Normalize(s))).ToList();
            var questions = substantive.Where(s => _cues.Matches("question", JapaneseText.Normalize(s))).ToList();
            var cites = turn.Segments.Select(s => s.Id).ToList();

            foreach (var (sentence, kind) in kinds.Where(k => ProcedureClassifier.IsRecorded(k.Kind)))
            {
                RecordProcedure(items, procedure, turn, sentence, kind);
                if (kind is ProcedureKind.Declaration or ProcedureKind.VoteResult)
                {
                    outcome = sentence;
                }
            }

            foreach (var decision in decisions)
            {
                var how = outcome is not null && outcome != decision ? outcome : string.Empty;
                var citations = how.Length > 0 ? CitingSentence(turns, i, how).Concat(CitingSentence(turn, decision)).Distinct(StringComparer.Ordinal).ToList() : CitingSentence(turn, decision);
                items.Add(Item(ItemKinds.Decision, Written(how + decision, style), citations, turn.Speaker) with { Provenance = Origin(ItemKinds.Decision, "decision", decision) });
                outcome = null;
            }

            if (questions.Count > 0)
            {
                items.Add(Item(ItemKinds.Question, Written(string.Concat(substantive.Except(requests)), style), cites, turn.Speaker) with { Provenance = Origin(ItemKinds.Question, "question", string.Concat(questions)) });
                var answer = NextAnswer(turns, i, Substantive);
                if (answer is not null)
                {
                    if (turn.Speaker is not null && answer.Speaker is not null)
                    {
                        responder[turn.Speaker] = answer.Speaker;
                    }

                    var said = string.Concat(Sentences(Clean(answer.Text)).Where(s => Substantive(s, answer)));
                    items.Add(Item(ItemKinds.Answer, Written(said, style), answer.Segments.Select(s => s.Id).ToList(), answer.Speaker) with { Provenance = Origin(ItemKinds.Answer, "question", string.Concat(questions)) });
                }
            }
            else if (substantive.Except(decisions).Except(requests).Any() && !IsAnswerToPrevious(turns, i, Substantive))
            {
                var statement = string.Concat(substantive.Except(decisions).Except(requests));
                var kind = style == DraftStyle.Verbatim ? ItemKinds.Statement : ItemKinds.Summary;
                items.Add(Item(kind, Written(statement, style), cites, turn.Speaker) with { Provenance = Origin(kind, style == DraftStyle.Verbatim ? null : "lead", statement) });
            }

            foreach (var request in requests)
            {
                // A request falls to whoever answered the requester; a promise to its speaker.
                var asks = Asks().IsMatch(request);
                var owner = input.NameOf(!asks ? turn.Speaker
                    : turn.Speaker is not null && responder.TryGetValue(turn.Speaker, out var answered) ? answered
                    : NextSpeaker(turns, i) ?? turn.Speaker);
                var due = _cues.First("due", JapaneseText.Normalize(request))?.Value;
                items.Add(Item(ItemKinds.Action, Written(request, style), CitingSentence(turn, request), turn.Speaker, owner, due) with { Provenance = Origin(ItemKinds.Action, "action", request) });
            }
        }

        return items;
    }

    /// <summary>
    /// The procedure as the 会議録 records it, as said (numbers in 公用文 form): the chair's 諮り,
    /// 採決, 宣告, 討論, 休憩 and 再開 under the chair's name; members' 「異議なし」 once, as
    /// （「異議なし」と呼ぶ者あり） without a speaker, however many called it out.
    /// </summary>
    private static void RecordProcedure(List<MinutesItem> items, ProcedureClassifier procedure, Turn turn, string sentence, ProcedureKind kind)
    {
        var citations = CitingSentence(turn, sentence);
        var origin = new ItemProvenance(ItemProvenance.ByRule, $"{ItemKinds.Procedure}:{kind.ToString().ToLowerInvariant()}", procedure.Cue(sentence, kind));
        if (kind != ProcedureKind.Assent)
        {
            items.Add(Item(ItemKinds.Procedure, WrittenJapanese.OfficialNumerals(sentence), citations, turn.Speaker) with { Provenance = origin });
            return;
        }

        var record = procedure.AssentRecord(sentence);
        if (items.Count > 0 && items[^1] is { Kind: ItemKinds.Procedure, Speaker: null } last && last.Text == record)
        {
            items[^1] = last with { Citations = [.. last.Citations.Concat(citations).Distinct(StringComparer.Ordinal)] };
            return;
        }

        items.Add(Item(ItemKinds.Procedure, record, citations, null) with { Provenance = origin });
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

    /// <summary>Whoever speaks next after the turn, even if only to say 「承知いたしました。」: the one a request was put to.</summary>
    private static string? NextSpeaker(List<Turn> turns, int index) =>
        turns.Skip(index + 1).FirstOrDefault(t => t.Speaker is not null && t.Speaker != turns[index].Speaker)?.Speaker;

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

    [System.Text.RegularExpressions.GeneratedRegex("ください|要望|求め")]
    private static partial System.Text.RegularExpressions.Regex Asks();

    private sealed record Turn(string? Speaker, List<TranscriptSegment> Segments)
    {
        public string Text => string.Concat(Segments.Select(s => s.Text.Trim()));
    }
}
