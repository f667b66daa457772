using System.Text.Json;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Drafting;

/// <summary>
/// Map–reduce over one session: its transcript lines are split, in order, into parts whose
/// estimated size fits the context budget (<c>contextTokens − maxOutputTokens − prompt − schema −
/// 400</c>), each part is drafted (map), and the parts' items are merged a batch that fits at a time
/// until one list is left (reduce). An answer cut off at the output limit, or a part the server
/// finds longer than its context, splits the part in two.
/// </summary>
internal sealed class MapReducePlanner(LlmCaller caller, LlmSettings settings)
{
    // Chat framing, the schema and a margin against the estimate being low.
    private const int Overhead = 400;

    /// <summary>A rough token count: Japanese about one token a character, ASCII about four characters a token.</summary>
    public static int EstimateTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ascii = text.Count(c => c < 0x80);
        return ((ascii + 3) / 4) + (text.Length - ascii);
    }

    /// <summary>Splits a session's lines, in order, into parts whose data fits the budget.</summary>
    public static List<List<TranscriptLine>> Chunk(List<TranscriptLine> lines, int budget)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var chunks = new List<List<TranscriptLine>> { new() };
        var used = 0;
        foreach (var line in lines)
        {
            // A line, and its speaker's line in the speakers block (counted for every line: an upper bound).
            var cost = EstimateTokens(CompactTranscript.Line(line)) + EstimateTokens(line.Speaker + line.Name) + 2;
            if (chunks[^1].Count > 0 && used + cost > budget)
            {
                chunks.Add([]);
                used = 0;
            }

            chunks[^1].Add(line);
            used += cost;
        }

        return chunks;
    }

    /// <summary>The session's items: its parts drafted with <paramref name="draftSystem"/> and merged with <paramref name="mergeSystem"/>.</summary>
    public async Task<List<PlacedItem>> DraftAsync(string session, string draftSystem, string mergeSystem, List<TranscriptLine> lines, DraftStyle style, CancellationToken cancellationToken)
    {
        var context = new AnswerContext(lines, style);
        var chunks = Chunk(lines, Budget(draftSystem));
        var parts = new List<List<PlacedItem>>();
        for (var i = 0; i < chunks.Count; i++)
        {
            var label = chunks.Count == 1 ? "1/1" : $"{i + 1}/{chunks.Count}";
            parts.Add(await MapAsync(session, label, draftSystem, chunks[i], style, cancellationToken).ConfigureAwait(false));
        }

        return await ReduceAsync(session, mergeSystem, parts, context, cancellationToken).ConfigureAwait(false);
    }

    private int Budget(string system)
    {
        var budget = settings.ContextTokens - settings.MaxOutputTokens - EstimateTokens(system) - EstimateTokens(caller.Schema) - Overhead;
        return budget >= 200
            ? budget
            : throw new MinutesException(Messages.Get("LlmContextNoRoom", settings.ContextTokens, settings.MaxOutputTokens));
    }

    /// <summary>Drafts one part (its answer may cite only the part's segments); an answer cut off at the output limit, or a part the server finds too long for its context, splits the part in two.</summary>
    private async Task<List<PlacedItem>> MapAsync(string session, string part, string system, List<TranscriptLine> lines, DraftStyle style, CancellationToken cancellationToken)
    {
        SessionDraft? draft;
        try
        {
            draft = await caller.CallAsync(new LlmRequest(SemanticKernelDrafter.DraftPrompt, session, part, system, DataMessages.Transcript(lines), new AnswerContext(lines, style)), cancellationToken).ConfigureAwait(false);
        }
        catch (ContextOverflowException) when (lines.Count > 1)
        {
            // The estimate of the tokens was low for this model: send the part in two halves.
            draft = null;
        }

        if (draft is not null)
        {
            return Placed(draft);
        }

        if (lines.Count == 1)
        {
            throw new MinutesException(Messages.Get("AnswerCutOff", lines[0].Id, session, settings.MaxOutputTokens));
        }

        var half = lines.Count / 2;
        var first = await MapAsync(session, part + ".1", system, lines[..half], style, cancellationToken).ConfigureAwait(false);
        var second = await MapAsync(session, part + ".2", system, lines[half..], style, cancellationToken).ConfigureAwait(false);
        return [.. first, .. second];
    }

    /// <summary>
    /// Merges the parts' items, a batch that fits the context at a time, until one list is left. A
    /// merge whose answer is cut off keeps the batch's items as they were (each still cites).
    /// </summary>
    private async Task<List<PlacedItem>> ReduceAsync(string session, string system, List<List<PlacedItem>> parts, AnswerContext context, CancellationToken cancellationToken)
    {
        var budget = Budget(system);
        var round = 0;
        parts = parts.Where(p => p.Count > 0).ToList();
        if (parts.Count == 0)
        {
            return [];
        }

        while (parts.Count > 1)
        {
            round++;
            var batches = Batch(parts, budget);
            if (batches.All(b => b.Count == 1))
            {
                return [.. parts.SelectMany(p => p)];
            }

            var merged = new List<List<PlacedItem>>();
            for (var b = 0; b < batches.Count; b++)
            {
                var batch = batches[b];
                if (batch.Count == 1)
                {
                    merged.Add(batch[0]);
                    continue;
                }

                var request = new LlmRequest(SemanticKernelDrafter.MergePrompt, session, $"merge {round}.{b + 1}", system, DataMessages.Drafts(batch.SelectMany(p => p).Select(p => p.Item)), context);
                var draft = await caller.CallAsync(request, cancellationToken).ConfigureAwait(false);
                merged.Add(draft is null ? [.. batch.SelectMany(p => p)] : Placed(draft, [.. batch.SelectMany(p => p)]));
            }

            parts = merged;
        }

        return parts[0];
    }

    /// <summary>
    /// The answer's items, each with the call's trace file and its pointer in the answer; a merged
    /// item also with the items of <paramref name="merged"/> that cite a segment it cites.
    /// </summary>
    private List<PlacedItem> Placed(SessionDraft draft, List<PlacedItem>? merged = null)
    {
        var call = $"{RunFolder.LlmTraceFolder}/{caller.LastTrace}";
        return draft.Items.Select((item, i) => new PlacedItem(
            item,
            new CallPointer(call, $"/items/{i}"),
            merged?.Where(m => m.Item.Citations.Intersect(item.Citations, StringComparer.Ordinal).Any()).Select(m => m.At).ToList())).ToList();
    }

    /// <summary>Consecutive parts grouped so that each group's items fit the budget (a part too large stays alone).</summary>
    private static List<List<List<PlacedItem>>> Batch(List<List<PlacedItem>> parts, int budget)
    {
        var batches = new List<List<List<PlacedItem>>> { new() };
        var used = 0;
        foreach (var part in parts)
        {
            var cost = EstimateTokens(JsonSerializer.Serialize(part.Select(p => p.Item).ToList(), MinutesJson.Context.ListDraftedItem));
            if (batches[^1].Count > 0 && used + cost > budget)
            {
                batches.Add([]);
                used = 0;
            }

            batches[^1].Add(part);
            used += cost;
        }

        return batches;
    }
}
