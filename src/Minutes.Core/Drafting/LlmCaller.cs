using System.Diagnostics;
using System.Globalization;
using Microsoft.SemanticKernel.ChatCompletion;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Drafting;

/// <summary>
/// One LLM call of a draft, with its repair turns, its trace and its cache: an answer that cannot
/// be used (<see cref="DraftAnswerCheck"/>) is sent back with a Japanese repair message that says
/// what was wrong, up to <see cref="MaxAttempts"/> answers; every call is written to
/// <c>trace/06-llm/NNNN-PROMPT.json</c> (messages as sent, repair turns included, settings, usage,
/// every HTTP try), and a later call of the very same request
/// reuses a usable earlier answer from those files unless the cache is off.
/// </summary>
internal sealed class LlmCaller
{
    public const int MaxAttempts = 3;
    private const string SchemaName = "session_draft";

    private readonly LlmSettings _settings;
    private readonly LlmClient _client;
    private readonly string _traces;
    private readonly IReadOnlyDictionary<string, string> _promptDigests;
    private readonly IReadOnlyList<string> _masked;
    private readonly bool _noCache;
    private readonly Dictionary<string, string> _requested;
    private List<(string File, LlmCall Call)>? _earlier;

    /// <param name="promptDigests">The sha256 of each prompt file's template, by prompt name.</param>
    /// <param name="masked">The placeholders in use, recorded in every trace.</param>
    public LlmCaller(LlmSettings settings, string traces, IReadOnlyDictionary<string, string> promptDigests, IReadOnlyList<string> masked, string schema, bool noCache)
    {
        _settings = settings;
        _client = new LlmClient(settings);
        _traces = traces;
        _promptDigests = promptDigests;
        _masked = masked;
        Schema = schema;
        _noCache = noCache;
        _requested = new Dictionary<string, string>
        {
            ["temperature"] = "0",
            ["maxOutputTokens"] = settings.MaxOutputTokens.ToString(CultureInfo.InvariantCulture),
            ["responseFormat"] = settings.StructuredOutput,
        };
    }

    /// <summary>The JSON schema every answer must follow.</summary>
    public string Schema { get; }

    /// <summary>The trace file (name in the trace folder) of the last answer <see cref="CallAsync"/> returned, a reused one included.</summary>
    public string? LastTrace { get; private set; }

    /// <summary>The items of a usable answer, or null when the answer was cut off at the output limit.</summary>
    public async Task<SessionDraft?> CallAsync(LlmRequest request, CancellationToken cancellationToken)
    {
        var key = Hashing.Sha256OfText($"{request.Prompt}\n{_settings.Model}\n{_settings.Endpoint.Authority}\n{request.System}\n{request.Data}\n{string.Join(',', _requested)}");
        if (!_noCache && Cached(key, request.Context) is { } reused)
        {
            return reused;
        }

        var history = new ChatHistory();
        history.AddSystemMessage(request.System);
        history.AddUserMessage(request.Data);
        var tries = new List<LlmAttempt>();
        var clock = Stopwatch.StartNew();
        LlmAnswer? answer = null;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            answer = await _client.CompleteAsync(history, SchemaName, Schema, cancellationToken).ConfigureAwait(false);
            tries.AddRange(answer.Attempts.Select(a => a with { Number = tries.Count + 1 }));
            if (answer.Truncated)
            {
                Trace(request, key, answer, tries, clock.Elapsed, attempt, history);
                return null;
            }

            var problems = DraftAnswerCheck.Problems(answer.Content, request.Context, out var draft);
            if (problems.Count == 0)
            {
                Trace(request, key, answer, tries, clock.Elapsed, attempt, history);
                return draft;
            }

            if (attempt < MaxAttempts)
            {
                history.AddAssistantMessage(answer.Content);
                history.AddUserMessage(DrafterTexts.Repair(problems));
            }
        }

        Trace(request, key, answer!, tries, clock.Elapsed, MaxAttempts, history);
        throw new MinutesException(Messages.Get("LlmNoValidJson", request.Session, MaxAttempts));
    }

    /// <summary>A usable earlier answer to the very same request, from the traces of this run.</summary>
    private SessionDraft? Cached(string key, AnswerContext context)
    {
        _earlier ??= Directory.EnumerateFiles(_traces, "*.json").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), MinutesJson.Deserialize(File.ReadAllText(f), MinutesJson.Context.LlmCall))).ToList();
        var (file, draft) = _earlier.Where(e => e.Call.CacheKey == key && e.Call.FinishReason != "length")
            .Select(e => (e.File, Draft: DraftAnswerCheck.Problem(e.Call.Response, context, out var draft) is null ? draft : null))
            .FirstOrDefault(d => d.Draft is not null);
        if (draft is not null)
        {
            LastTrace = file;
        }

        return draft;
    }

    private void Trace(LlmRequest request, string key, LlmAnswer answer, List<LlmAttempt> tries, TimeSpan latency, int attempts, ChatHistory history)
    {
        var index = Directory.EnumerateFiles(_traces, "*.json").Count() + 1;
        var call = new LlmCall(
            $"prompts/{request.Prompt}.yaml", _promptDigests[request.Prompt], _settings.Model, _settings.Endpoint.Authority,
            new Dictionary<string, string>(_requested) { ["responseFormat"] = answer.ResponseFormat },
            history.Select(m => new LlmMessage(m.Role.Label, m.Content ?? string.Empty)).ToList(),
            answer.Content, answer.PromptTokens, answer.CompletionTokens, Math.Round(latency.TotalSeconds, 3), attempts, key, _masked,
            request.Session, request.Part, answer.ResponseFormat, answer.FinishReason, [.. tries]);
        LastTrace = $"{index:D4}-{request.Prompt}.json";
        AtomicFile.WriteAllText(Path.Combine(_traces, LastTrace), MinutesJson.Serialize(call, MinutesJson.Context.LlmCall));
    }
}
