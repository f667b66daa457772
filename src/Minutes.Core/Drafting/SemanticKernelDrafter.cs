using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Minutes.Json;
using Minutes.Runs;

namespace Minutes.Drafting;

/// <summary>
/// Drafts each session through Semantic Kernel against any OpenAI-compatible endpoint. The
/// instructions come from a prompt file (<c>prompts/draft-session.yaml</c>); the transcript is
/// sent as data in a separate, delimited message and never passes through the template engine.
/// The answer must be JSON against <see cref="SessionDraft"/>; invalid or non-Japanese answers
/// get a bounded repair. Every call is traced in <c>trace/06-llm/</c> and cached by content.
/// </summary>
public sealed class SemanticKernelDrafter : IMinutesDrafter
{
    private const string PromptName = "draft-session";
    private const int MaxAttempts = 3;
    private readonly Uri _endpoint;
    private readonly string _model;
    private readonly string? _apiKey;
    private readonly int _confidentiality;
    private readonly string _template;
    private readonly bool _noCache;

    public SemanticKernelDrafter(Uri endpoint, string model, string? apiKey, int confidentiality, string? promptsFolder = null, bool noCache = false)
    {
        _noCache = noCache;
        _endpoint = endpoint;
        _model = model;
        _apiKey = apiKey;
        _confidentiality = confidentiality;
        _template = LoadTemplate(promptsFolder);
        Parameters = new Dictionary<string, string>
        {
            ["drafter"] = "llm",
            ["model"] = model,
            ["endpointHost"] = endpoint.Authority,
            ["promptSha256"] = Hashing.Sha256OfText(_template),
        };
    }

    public IReadOnlyDictionary<string, string> Parameters { get; }

    public async Task<MinutesDocument> DraftAsync(DraftInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var traces = input.LlmTraceFolder ?? throw new InvalidOperationException("The LLM trace folder is required.");
        Directory.CreateDirectory(traces);
        var chat = Kernel.CreateBuilder()
            .AddOpenAIChatCompletion(_model, _endpoint, _apiKey ?? "not-needed")
            .Build()
            .GetRequiredService<IChatCompletionService>();
        var segments = input.Transcript.Segments.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var mask = _confidentiality >= 2 ? Mask.From(PersonalInfoDetector.Find(input.Transcript, [], "masked")) : Mask.None;
        var sections = new List<MinutesSection>();
        var next = 1;
        foreach (var session in input.Sessions.Sessions)
        {
            var lines = session.SegmentIds.Where(segments.ContainsKey).Select(id => segments[id])
                .Select(s => new Dictionary<string, string> { ["id"] = s.Id, ["speaker"] = input.SpeakerOf(s) ?? string.Empty, ["name"] = input.NameOf(input.SpeakerOf(s)), ["text"] = Delimited(mask.Apply(s.Text)) })
                .ToList();
            if (lines.Count == 0)
            {
                sections.Add(new MinutesSection(session.Id, session.Title, []));
                continue;
            }

            var system = Render(input.Meeting.Name ?? string.Empty, session.Title, input.Style);
            var data = "<transcript>\n" + JsonSerializer.Serialize(lines, MinutesJson.Context.ListDictionaryStringString) + "\n</transcript>";
            var draft = await CallAsync(chat, traces, system, data, mask, cancellationToken).ConfigureAwait(false);
            var items = draft.Items.Select(i => new MinutesItem($"m{next++:D4}", i.Kind, mask.Restore(i.Text), i.Citations, i.Speaker, i.Owner is null ? null : mask.Restore(i.Owner), i.Due)).ToList();
            sections.Add(new MinutesSection(session.Id, session.Title, items));
        }

        var header = new MinutesHeader(
            input.Meeting.Name ?? string.Empty,
            input.Meeting.Date,
            input.Meeting.Place,
            (input.Speakers?.Speakers ?? []).Select(s => s.Name).ToList(),
            input.Sessions.Sessions.Where(s => s.Kind == "item").Select(s => s.Title).Distinct(StringComparer.Ordinal).ToList());
        return new MinutesDocument(header, input.Style, new DrafterInfo("llm", _model, _endpoint.Authority, PromptName), input.Confidentiality, sections, []);
    }

    private async Task<SessionDraft> CallAsync(IChatCompletionService chat, string traces, string system, string data, Mask mask, CancellationToken cancellationToken)
    {
        var history = new ChatHistory();
        history.AddSystemMessage(system);
        history.AddUserMessage(data);
        var settings = new Dictionary<string, string> { ["temperature"] = "0", ["responseFormat"] = "json_object" };
        var key = Hashing.Sha256OfText($"{_model}\n{_endpoint.Authority}\n{system}\n{data}\n{string.Join(',', settings)}");
        var cached = _noCache ? null : Directory.EnumerateFiles(traces, "*.json")
            .Select(f => MinutesJson.Deserialize(File.ReadAllText(f), MinutesJson.Context.LlmCall))
            .FirstOrDefault(c => c.CacheKey == key && TryParse(c.Response, out _) is null);
        if (cached is not null && TryParse(cached.Response, out var reused) is null)
        {
            return reused!;
        }

        var clock = Stopwatch.StartNew();
        string response = string.Empty;
        int? promptTokens = null, completionTokens = null;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var execution = new OpenAIPromptExecutionSettings { Temperature = 0, ResponseFormat = "json_object" };
            ChatMessageContent answer;
            try
            {
                answer = await chat.GetChatMessageContentAsync(history, execution, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (HttpOperationException ex)
            {
                throw new MinutesException(ex.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    ? $"The LLM endpoint {_endpoint.Authority} refused the request ({(int)ex.StatusCode}): check the API key."
                    : $"The LLM endpoint {_endpoint.Authority} failed ({(int?)ex.StatusCode ?? 0}) after retries; the earlier draft is unchanged.");
            }
            catch (HttpRequestException)
            {
                throw new MinutesException($"Cannot reach the LLM endpoint {_endpoint.Authority}; the earlier draft is unchanged.");
            }

            response = answer.Content ?? string.Empty;
            if (answer.Metadata?.TryGetValue("Usage", out var usage) == true && usage is OpenAI.Chat.ChatTokenUsage tokens)
            {
                promptTokens = tokens.InputTokenCount;
                completionTokens = tokens.OutputTokenCount;
            }

            var problem = TryParse(response, out var draft);
            if (problem is null)
            {
                Trace(traces, system, data, settings, response, promptTokens, completionTokens, clock.Elapsed.TotalSeconds, attempt, key, mask);
                return draft!;
            }

            history.AddAssistantMessage(response);
            history.AddUserMessage($"The previous answer could not be used ({problem}). Answer again with the JSON object only, in Japanese.");
        }

        Trace(traces, system, data, settings, response, promptTokens, completionTokens, clock.Elapsed.TotalSeconds, MaxAttempts, key, mask);
        throw new MinutesException($"The LLM did not return valid minutes JSON after {MaxAttempts} attempts; the earlier draft is unchanged.");
    }

    /// <summary>Null when the response is usable; otherwise what is wrong with it.</summary>
    private static string? TryParse(string response, out SessionDraft? draft)
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

        if (draft.Items is null || draft.Items.Any(i => i is null || string.IsNullOrWhiteSpace(i.Text) || i.Citations is null))
        {
            return "items without text or citations";
        }

        if (draft.Items.Count > 0 && !draft.Items.Any(i => i.Text.Any(c => c is >= '\u3040' and <= '\u30ff' or >= '\u4e00' and <= '\u9fff')))
        {
            return "the text is not Japanese";
        }

        return null;
    }

    private void Trace(string traces, string system, string data, Dictionary<string, string> settings, string response, int? promptTokens, int? completionTokens, double latency, int attempts, string key, Mask mask)
    {
        var index = Directory.EnumerateFiles(traces, "*.json").Count() + 1;
        var call = new LlmCall(
            $"prompts/{PromptName}.yaml", Hashing.Sha256OfText(_template), _model, _endpoint.Authority, settings,
            [new LlmMessage("system", system), new LlmMessage("user", data)],
            response, promptTokens, completionTokens, Math.Round(latency, 3), attempts, key, mask.Placeholders);
        AtomicFile.WriteAllText(Path.Combine(traces, $"{index:D4}-{PromptName}.json"), MinutesJson.Serialize(call, MinutesJson.Context.LlmCall));
    }

    private string Render(string meeting, string session, string style)
    {
        // Only the header values pass through the template engine; the transcript never does.
        var config = new PromptTemplateConfig(_template) { TemplateFormat = "semantic-kernel" };
        var arguments = new KernelArguments { ["meeting"] = Neutral(meeting), ["session"] = Neutral(session), ["style"] = style };
        return new KernelPromptTemplateFactory().Create(config).RenderAsync(new Kernel(), arguments).GetAwaiter().GetResult();
    }

    /// <summary>A speaker cannot close the data block: the delimiter inside the text is defused.</summary>
    private static string Delimited(string text) =>
        text.Replace("<transcript", "＜transcript", StringComparison.OrdinalIgnoreCase).Replace("</transcript", "＜/transcript", StringComparison.OrdinalIgnoreCase);

    private static string Neutral(string value) => value.Replace("{{", "{ {", StringComparison.Ordinal).Replace("}}", "} }", StringComparison.Ordinal);

    /// <summary>The <c>template:</c> block of the SK YAML prompt file, from --prompts or the embedded default.</summary>
    private static string LoadTemplate(string? folder)
    {
        string yaml;
        if (folder is not null)
        {
            var path = Path.Combine(folder, $"{PromptName}.yaml");
            yaml = File.Exists(path) ? File.ReadAllText(path) : throw new MinutesException($"Prompt file not found: {path}");
        }
        else
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Minutes.Prompts.{PromptName}.yaml")
                ?? throw new InvalidOperationException("The default prompt is not embedded.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            yaml = reader.ReadToEnd();
        }

        var lines = yaml.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("template: |", StringComparison.Ordinal));
        if (start < 0)
        {
            throw new MinutesException($"The prompt file {PromptName}.yaml has no 'template: |' block.");
        }

        return string.Join('\n', lines.Skip(start + 1).TakeWhile(l => l.Length == 0 || l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l.Length >= 2 ? l[2..] : l)).Trim() + "\n";
    }

    /// <summary>Personal information replaced by numbered placeholders before sending, and put back after.</summary>
    private sealed class Mask
    {
        private readonly List<(string Value, string Placeholder)> _pairs;

        private Mask(List<(string, string)> pairs) => _pairs = pairs;

        public static Mask None { get; } = new([]);

        public IReadOnlyList<string> Placeholders => _pairs.Select(p => p.Placeholder).ToList();

        public static Mask From(IEnumerable<PersonalInfoFinding> findings) =>
            new(findings.Select(f => f.Text).Distinct(StringComparer.Ordinal).OrderByDescending(t => t.Length)
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
