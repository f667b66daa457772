using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Minutes.Json;
using Minutes.Runs;

namespace Minutes.Drafting;

/// <summary>
/// Drafts each session through Semantic Kernel (<see cref="LlmClient"/>), map–reduce: a session
/// whose transcript does not fit the model's context budget is drafted in consecutive parts
/// (<c>prompts/draft-session.yaml</c>), and the parts' items are merged into one list
/// (<c>prompts/merge-session.yaml</c>). The transcript is sent as delimited data in its own message
/// and never passes through the template engine. Answers must be JSON against
/// <c>session-draft.schema.json</c> (structured output where the server takes it); invalid,
/// cut-off or non-Japanese answers get a bounded repair. Every call is traced in
/// <c>trace/06-llm/</c> and cached by content.
/// </summary>
public sealed class SemanticKernelDrafter : IMinutesDrafter
{
    public const string DraftPrompt = "draft-session";
    public const string MergePrompt = "merge-session";
    private const string SchemaName = "session_draft";
    private const int MaxAttempts = 3;

    // Chat framing, the schema and a margin against the estimate being low.
    private const int Overhead = 400;

    private readonly LlmSettings _settings;
    private readonly int _confidentiality;
    private readonly bool _noCache;
    private readonly Dictionary<string, string> _templates;
    private readonly string _schema;

    public SemanticKernelDrafter(LlmSettings settings, int confidentiality, string? promptsFolder = null, bool noCache = false)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _confidentiality = confidentiality;
        _noCache = noCache;
        _templates = new[] { DraftPrompt, MergePrompt }.ToDictionary(n => n, n => PromptFile.Load(promptsFolder, n).Template, StringComparer.Ordinal);
        _schema = Resource("session-draft.schema.json");
        Parameters = new Dictionary<string, string>(settings.Describe())
        {
            ["drafter"] = "llm",
            ["promptSha256"] = Hashing.Sha256OfText(_templates[DraftPrompt]),
            ["mergePromptSha256"] = Hashing.Sha256OfText(_templates[MergePrompt]),
        };
    }

    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>A rough token count: Japanese about one token a character, ASCII about four characters a token.</summary>
    public static int EstimateTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ascii = text.Count(c => c < 0x80);
        return ((ascii + 3) / 4) + (text.Length - ascii);
    }

    public async Task<MinutesDocument> DraftAsync(DraftInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var traces = input.LlmTraceFolder ?? throw new InvalidOperationException("The LLM trace folder is required.");
        Directory.CreateDirectory(traces);
        var context = new CallContext(new LlmClient(_settings), traces, _confidentiality >= 2 ? Mask.From(input.MaskedTexts()) : Mask.None);
        var segments = input.Transcript.Segments.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var sections = new List<MinutesSection>();
        var next = 1;
        foreach (var session in input.Sessions.Sessions)
        {
            var lines = session.SegmentIds.Where(segments.ContainsKey).Select(id => segments[id])
                .Select(s => new Dictionary<string, string> { ["id"] = s.Id, ["speaker"] = input.SpeakerOf(s) ?? string.Empty, ["name"] = context.Mask.Apply(input.NameOf(input.SpeakerOf(s))), ["text"] = Defuse(context.Mask.Apply(s.Text)) })
                .ToList();
            if (lines.Count == 0)
            {
                sections.Add(new MinutesSection(session.Id, session.Title, []));
                continue;
            }

            // At level 2 the titles are masked too: an agenda item may name a person.
            var meeting = context.Mask.Apply(input.Meeting.Name ?? string.Empty);
            var title = context.Mask.Apply(session.Title);
            var draftSystem = Render(DraftPrompt, meeting, title, input.Style);
            var chunks = Chunk(lines, Budget(draftSystem));
            var parts = new List<List<DraftedItem>>();
            for (var i = 0; i < chunks.Count; i++)
            {
                var label = chunks.Count == 1 ? "1/1" : $"{i + 1}/{chunks.Count}";
                parts.Add(await MapAsync(context, session.Id, label, draftSystem, chunks[i], cancellationToken).ConfigureAwait(false));
            }

            var merged = await ReduceAsync(context, session.Id, Render(MergePrompt, meeting, title, input.Style), parts, cancellationToken).ConfigureAwait(false);
            var items = merged.Select(i => new MinutesItem($"m{next++:D4}", i.Kind, context.Mask.Restore(i.Text), i.Citations, i.Speaker, i.Owner is null ? null : context.Mask.Restore(i.Owner), i.Due is null ? null : context.Mask.Restore(i.Due))).ToList();
            sections.Add(new MinutesSection(session.Id, session.Title, items));
        }

        var header = new MinutesHeader(
            input.Meeting.Name ?? string.Empty,
            input.Meeting.Date,
            input.Meeting.Place,
            (input.Speakers?.Speakers ?? []).Select(s => s.Name).ToList(),
            input.Sessions.Sessions.Where(s => s.Kind == "item").Select(s => s.Title).Distinct(StringComparer.Ordinal).ToList());
        return new MinutesDocument(header, input.Style, new DrafterInfo("llm", _settings.Model, _settings.Endpoint.Authority, DraftPrompt), input.Confidentiality, sections, []);
    }

    /// <summary>Splits a session's lines, in order, into parts whose data fits the budget.</summary>
    internal static List<List<Dictionary<string, string>>> Chunk(List<Dictionary<string, string>> lines, int budget)
    {
        var chunks = new List<List<Dictionary<string, string>>> { new() };
        var used = 0;
        foreach (var line in lines)
        {
            var cost = EstimateTokens(JsonSerializer.Serialize(line, MinutesJson.Context.DictionaryStringString)) + 2;
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

    private int Budget(string system)
    {
        var budget = _settings.ContextTokens - _settings.MaxOutputTokens - EstimateTokens(system) - EstimateTokens(_schema) - Overhead;
        return budget >= 200
            ? budget
            : throw new MinutesException($"The LLM context of {_settings.ContextTokens} tokens leaves no room for the transcript after the prompt and {_settings.MaxOutputTokens} tokens for the answer; raise llm.contextTokens.");
    }

    /// <summary>Drafts one part; an answer cut off at the output limit, or a part the server finds too long for its context, splits the part in two.</summary>
    private async Task<List<DraftedItem>> MapAsync(CallContext context, string session, string part, string system, List<Dictionary<string, string>> lines, CancellationToken cancellationToken)
    {
        var data = "<transcript>\n" + JsonSerializer.Serialize(lines, MinutesJson.Context.ListDictionaryStringString) + "\n</transcript>";
        SessionDraft? draft;
        try
        {
            draft = await CallAsync(context, DraftPrompt, session, part, system, data, cancellationToken).ConfigureAwait(false);
        }
        catch (ContextOverflowException) when (lines.Count > 1)
        {
            // The estimate of the tokens was low for this model: send the part in two halves.
            draft = null;
        }

        if (draft is not null)
        {
            return [.. draft.Items];
        }

        if (lines.Count == 1)
        {
            throw new MinutesException($"The answer for segment {lines[0]["id"]} ({session}) was cut off at {_settings.MaxOutputTokens} tokens; raise llm.maxOutputTokens. The earlier draft is unchanged.");
        }

        var half = lines.Count / 2;
        var first = await MapAsync(context, session, part + ".1", system, lines[..half], cancellationToken).ConfigureAwait(false);
        var second = await MapAsync(context, session, part + ".2", system, lines[half..], cancellationToken).ConfigureAwait(false);
        return [.. first, .. second];
    }

    /// <summary>
    /// Merges the parts' items, a batch that fits the context at a time, until one list is left. A
    /// merge whose answer is cut off keeps the batch's items as they were (each still cites).
    /// </summary>
    private async Task<List<DraftedItem>> ReduceAsync(CallContext context, string session, string system, List<List<DraftedItem>> parts, CancellationToken cancellationToken)
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
            var batches = new List<List<List<DraftedItem>>> { new() };
            var used = 0;
            foreach (var part in parts)
            {
                var cost = EstimateTokens(JsonSerializer.Serialize(part, MinutesJson.Context.ListDraftedItem));
                if (batches[^1].Count > 0 && used + cost > budget)
                {
                    batches.Add([]);
                    used = 0;
                }

                batches[^1].Add(part);
                used += cost;
            }

            if (batches.All(b => b.Count == 1))
            {
                return [.. parts.SelectMany(p => p)];
            }

            var merged = new List<List<DraftedItem>>();
            for (var b = 0; b < batches.Count; b++)
            {
                var batch = batches[b];
                if (batch.Count == 1)
                {
                    merged.Add(batch[0]);
                    continue;
                }

                var data = "<drafts>\n" + JsonSerializer.Serialize(batch.SelectMany(p => p).Select(i => i with { Text = Defuse(i.Text) }).ToList(), MinutesJson.Context.ListDraftedItem) + "\n</drafts>";
                var draft = await CallAsync(context, MergePrompt, session, $"merge {round}.{b + 1}", system, data, cancellationToken).ConfigureAwait(false);
                merged.Add(draft is null ? [.. batch.SelectMany(p => p)] : [.. draft.Items]);
            }

            parts = merged;
        }

        return parts[0];
    }

    /// <summary>One request, with the repair turns; null when the answer was cut off at the output limit.</summary>
    private async Task<SessionDraft?> CallAsync(CallContext context, string prompt, string session, string part, string system, string data, CancellationToken cancellationToken)
    {
        var history = new ChatHistory();
        history.AddSystemMessage(system);
        history.AddUserMessage(data);
        var requested = new Dictionary<string, string>
        {
            ["temperature"] = "0",
            ["maxOutputTokens"] = _settings.MaxOutputTokens.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["responseFormat"] = _settings.StructuredOutput,
        };
        var key = Hashing.Sha256OfText($"{prompt}\n{_settings.Model}\n{_settings.Endpoint.Authority}\n{system}\n{data}\n{string.Join(',', requested)}");
        if (!_noCache && context.Cached(key) is { } reused)
        {
            return reused;
        }

        var tries = new List<LlmAttempt>();
        LlmAnswer? answer = null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            answer = await context.Client.CompleteAsync(history, SchemaName, _schema, cancellationToken).ConfigureAwait(false);
            tries.AddRange(answer.Attempts.Select(a => a with { Number = tries.Count + 1 }));
            if (answer.Truncated)
            {
                context.Trace(this, prompt, session, part, system, data, requested, answer, tries, clock.Elapsed.TotalSeconds, attempt, key);
                return null;
            }

            var problem = TryParse(answer.Content, out var draft);
            if (problem is null)
            {
                context.Trace(this, prompt, session, part, system, data, requested, answer, tries, clock.Elapsed.TotalSeconds, attempt, key);
                return draft;
            }

            history.AddAssistantMessage(answer.Content);
            history.AddUserMessage($"The previous answer could not be used ({problem}). Answer again with the JSON object only, in Japanese.");
        }

        context.Trace(this, prompt, session, part, system, data, requested, answer!, tries, clock.Elapsed.TotalSeconds, MaxAttempts, key);
        throw new MinutesException($"The LLM did not return valid minutes JSON for {session} after {MaxAttempts} attempts; the earlier draft is unchanged.");
    }

    /// <summary>Null when the response is usable; otherwise what is wrong with it.</summary>
    internal static string? TryParse(string response, out SessionDraft? draft)
    {
        draft = null;
        var json = response.Trim();
        if (json.StartsWith("```", StringComparison.Ordinal))
        {
            json = json.Trim('`').TrimStart("json".ToCharArray()).Trim();
        }

        try
        {
            draft = MinutesJson.Deserialize(json, MinutesJson.Context.SessionDraft);
        }
        catch (JsonException ex)
        {
            return $"invalid JSON: {ex.Message.ReplaceLineEndings(" ")}";
        }

        if (draft.Items is null || draft.Items.Any(i => i is null || string.IsNullOrWhiteSpace(i.Text) || i.Citations is null || i.Citations.Count == 0))
        {
            draft = null;
            return "items without text or citations";
        }

        if (draft.Items.FirstOrDefault(i => !IsJapanese(i.Text)) is { } foreign)
        {
            draft = null;
            return $"the text is not Japanese: \"{(foreign.Text.Length > 40 ? foreign.Text[..40] : foreign.Text)}\"";
        }

        return null;
    }

    /// <summary>Mostly kana and kanji: a draft in English (or romaji) is not minutes of a Japanese meeting.</summary>
    private static bool IsJapanese(string text)
    {
        var letters = text.Count(char.IsLetter);
        var japanese = text.Count(c => c is >= '\u3040' and <= '\u30ff' or >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf');
        return letters > 0 && japanese * 2 >= letters;
    }

    private string Render(string prompt, string meeting, string session, string style)
    {
        // Only the header values pass through the template engine; the transcript never does.
        var config = new PromptTemplateConfig(_templates[prompt]) { TemplateFormat = "semantic-kernel" };
        var arguments = new KernelArguments { ["meeting"] = Neutral(meeting), ["session"] = Neutral(session), ["style"] = style };
        return new KernelPromptTemplateFactory().Create(config).RenderAsync(new Kernel(), arguments).GetAwaiter().GetResult();
    }

    /// <summary>A speaker cannot close a data block: the delimiters inside the text are defused.</summary>
    private static string Defuse(string text)
    {
        foreach (var tag in new[] { "transcript", "drafts" })
        {
            text = text.Replace("<" + tag, "＜" + tag, StringComparison.OrdinalIgnoreCase).Replace("</" + tag, "＜/" + tag, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }

    private static string Neutral(string value) => value.Replace("{{", "{ {", StringComparison.Ordinal).Replace("}}", "} }", StringComparison.Ordinal);

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Minutes.Drafting.{name}")
            ?? throw new InvalidOperationException($"{name} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>What every call of one draft shares: the client, the trace folder, the mask, the cache.</summary>
    private sealed class CallContext(LlmClient client, string traces, Mask mask)
    {
        private List<LlmCall>? _earlier;

        public LlmClient Client { get; } = client;

        public Mask Mask { get; } = mask;

        /// <summary>A usable earlier answer to the very same request.</summary>
        public SessionDraft? Cached(string key)
        {
            _earlier ??= Directory.EnumerateFiles(traces, "*.json").Order(StringComparer.Ordinal)
                .Select(f => MinutesJson.Deserialize(File.ReadAllText(f), MinutesJson.Context.LlmCall)).ToList();
            return _earlier.Where(c => c.CacheKey == key && c.FinishReason != "length")
                .Select(c => TryParse(c.Response, out var draft) is null ? draft : null)
                .FirstOrDefault(d => d is not null);
        }

        public void Trace(SemanticKernelDrafter drafter, string prompt, string session, string part, string system, string data, Dictionary<string, string> requested, LlmAnswer answer, List<LlmAttempt> tries, double latency, int attempts, string key)
        {
            var index = Directory.EnumerateFiles(traces, "*.json").Count() + 1;
            var settings = new Dictionary<string, string>(requested) { ["responseFormat"] = answer.ResponseFormat };
            var call = new LlmCall(
                $"prompts/{prompt}.yaml", Hashing.Sha256OfText(drafter._templates[prompt]), drafter._settings.Model, drafter._settings.Endpoint.Authority, settings,
                [new LlmMessage("system", system), new LlmMessage("user", data)],
                answer.Content, answer.PromptTokens, answer.CompletionTokens, Math.Round(latency, 3), attempts, key, Mask.Placeholders,
                session, part, answer.ResponseFormat, answer.FinishReason, [.. tries]);
            AtomicFile.WriteAllText(Path.Combine(traces, $"{index:D4}-{prompt}.json"), MinutesJson.Serialize(call, MinutesJson.Context.LlmCall));
        }
    }

    /// <summary>Personal information replaced by numbered placeholders before sending, and put back after.</summary>
    private sealed class Mask
    {
        private readonly List<(string Value, string Placeholder)> _pairs;

        private Mask(List<(string, string)> pairs) => _pairs = pairs;

        public static Mask None { get; } = new([]);

        public IReadOnlyList<string> Placeholders => _pairs.Select(p => p.Placeholder).ToList();

        public static Mask From(IEnumerable<string> texts) =>
            new(texts.Distinct(StringComparer.Ordinal).OrderByDescending(t => t.Length)
                .Select((t, i) => (t, $"〔個人情報{i + 1}〕")).ToList());

        public string Apply(string text)
        {
            var normal = text.Normalize(NormalizationForm.FormKC);
            foreach (var (value, placeholder) in _pairs)
            {
                normal = normal.Replace(value, placeholder, StringComparison.Ordinal);
            }

            return _pairs.Count == 0 ? text : normal;
        }

        public string Restore(string text)
        {
            foreach (var (value, placeholder) in _pairs)
            {
                text = text.Replace(placeholder, value, StringComparison.Ordinal);
            }

            return text;
        }
    }
}
