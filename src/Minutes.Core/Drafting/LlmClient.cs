using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Azure.AI.OpenAI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Minutes.Runs;
using OpenAI;
using OpenAI.Chat;
using Minutes.Text;

namespace Minutes.Drafting;

/// <summary>The request was longer than the model's context: the caller may send less.</summary>
public sealed class ContextOverflowException : MinutesException
{
    public ContextOverflowException(string message)
        : base(message)
    {
    }

    public ContextOverflowException()
    {
    }

    public ContextOverflowException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>One try of a call: what happened and how long the client waited before the next.</summary>
public sealed record LlmAttempt(int Number, string Outcome, double Seconds, double? WaitSeconds = null);

/// <summary>An answer, with what it cost and how it was reached.</summary>
public sealed record LlmAnswer(string Content, string? FinishReason, int? PromptTokens, int? CompletionTokens, string ResponseFormat, IReadOnlyList<LlmAttempt> Attempts)
{
    /// <summary>The model stopped at the output limit: the JSON is cut off.</summary>
    public bool Truncated => string.Equals(FinishReason, "length", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The one place Semantic Kernel meets the network: OpenAI, Azure OpenAI or any OpenAI-compatible
/// server, with the SDK's own retries switched off so that every try is ours and traced. A 429 waits
/// as long as Retry-After asks (up to a cap), a 5xx, a timeout or a dropped connection backs off
/// 1, 2, 4 … s; 401/403/404 end at once. Structured output falls back from json_schema to
/// json_object (and to none) when the server rejects it. Messages name the host, never the key.
/// </summary>
public sealed class LlmClient
{
    /// <summary>Longest Retry-After honoured; a server asking for more is reported instead of waited for.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(120);

    private readonly LlmSettings _settings;
    private readonly IChatCompletionService _chat;
    private string _format;

    public LlmClient(LlmSettings settings)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _format = settings.StructuredOutput;
        var builder = Kernel.CreateBuilder();
        var network = settings.Timeout + TimeSpan.FromSeconds(5);
        if (settings.Provider == LlmSettings.Azure)
        {
            var key = settings.ApiKey ?? throw new MinutesException(Messages.Get("AzureNeedsKey"));
            var options = new AzureOpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(0), NetworkTimeout = network };
            builder.AddAzureOpenAIChatCompletion(settings.Model, new AzureOpenAIClient(settings.Endpoint, new ApiKeyCredential(key), options));
        }
        else
        {
            var options = new OpenAIClientOptions { Endpoint = settings.Endpoint, RetryPolicy = new ClientRetryPolicy(0), NetworkTimeout = network };
            builder.AddOpenAIChatCompletion(settings.Model, new OpenAIClient(new ApiKeyCredential(settings.ApiKey ?? "not-needed"), options));
        }

        _chat = builder.Build().GetRequiredService<IChatCompletionService>();
    }

    public async Task<LlmAnswer> CompleteAsync(ChatHistory history, string schemaName, string schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        var attempts = new List<LlmAttempt>();
        var host = _settings.Endpoint.Authority;
        for (var number = 1; ; number++)
        {
            var clock = Stopwatch.StartNew();
            string outcome;
            TimeSpan? wait;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_settings.Timeout);
            try
            {
                var answer = await _chat.GetChatMessageContentAsync(history, Settings(schemaName, schema), cancellationToken: timeout.Token).ConfigureAwait(false);
                attempts.Add(new LlmAttempt(number, "ok", Seconds(clock)));
                var usage = answer.Metadata?.GetValueOrDefault("Usage") as ChatTokenUsage;
                var finish = answer.Metadata?.GetValueOrDefault("FinishReason")?.ToString()?.ToLowerInvariant();
                return new LlmAnswer(answer.Content ?? string.Empty, finish, usage?.InputTokenCount, usage?.OutputTokenCount, _format, attempts);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                outcome = $"timeout after {_settings.Timeout.TotalSeconds:0} s";
                wait = Backoff(number);
            }
            catch (HttpOperationException ex) when (ex.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity or HttpStatusCode.RequestEntityTooLarge && Overflow(ex))
            {
                // Asking again with another format cannot help: the request itself is too long.
                throw new ContextOverflowException($"The request does not fit the model's context at {host} ({(int)ex.StatusCode!}{ServerMessage(ex)}); lower llm.contextTokens (now {_settings.ContextTokens}).");
            }
            catch (HttpOperationException ex) when (ex.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity && _format != "none")
            {
                // The server does not take this response_format: ask again with a simpler one, at once.
                var from = _format;
                _format = _format == "json_schema" ? "json_object" : "none";
                attempts.Add(new LlmAttempt(number, $"http {(int)ex.StatusCode!}: {from} refused, now {_format}", Seconds(clock)));
                continue;
            }
            catch (HttpOperationException ex) when (ex.StatusCode is { } status)
            {
                var code = (int)status;
                outcome = $"http {code}";
                if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    throw new MinutesException(_settings.ApiKeySource is { } source
                        ? Messages.Get("LlmKeyRefused", host, code, source)
                        : Messages.Get("LlmKeyRefusedNoKey", host, code));
                }

                if (status == HttpStatusCode.NotFound)
                {
                    throw new MinutesException(Messages.Get("LlmUnknownModel", host, _settings.Model));
                }

                if (status == HttpStatusCode.TooManyRequests)
                {
                    wait = RetryAfter(ex) ?? Backoff(number);
                    if (wait > MaxRetryAfter)
                    {
                        attempts.Add(new LlmAttempt(number, outcome, Seconds(clock), wait.Value.TotalSeconds));
                        throw new MinutesException(Messages.Get("LlmRateLimited", host, wait.Value.TotalSeconds));
                    }
                }
                else if (code >= 500 || status == HttpStatusCode.RequestTimeout)
                {
                    wait = Backoff(number);
                }
                else
                {
                    throw new MinutesException(Messages.Get("LlmRejected", host, code, ServerMessage(ex)));
                }
            }
            catch (JsonException)
            {
                // A 200 whose body is no whole chat completion (cut off on the way, a proxy's HTML page) is the server's fault, not ours: tried again like a 5xx.
                outcome = "invalid response";
                wait = Backoff(number);
            }
            catch (Exception ex) when (ex is HttpOperationException or HttpRequestException or ClientResultException)
            {
                outcome = "connection failed";
                wait = Backoff(number);
            }

            attempts.Add(new LlmAttempt(number, outcome, Seconds(clock), wait.Value.TotalSeconds));
            if (number > _settings.MaxRetries)
            {
                throw new MinutesException(outcome == "connection failed"
                    ? Messages.Get("LlmUnreachable", host, number)
                    : Messages.Get("LlmFailed", host, outcome, number));
            }

            await Task.Delay(wait.Value, cancellationToken).ConfigureAwait(false);
        }
    }

    private OpenAIPromptExecutionSettings Settings(string schemaName, string schema) => new()
    {
        Temperature = 0,
        MaxTokens = _settings.MaxOutputTokens,
        ResponseFormat = _format switch
        {
            "json_schema" => ChatResponseFormat.CreateJsonSchemaFormat(schemaName, BinaryData.FromString(schema), jsonSchemaIsStrict: true),
            "json_object" => "json_object",
            _ => null,
        },
    };

    /// <summary>Whether the server says the prompt is longer than the model's context (OpenAI, vLLM, llama.cpp, Ollama wordings).</summary>
    private static bool Overflow(HttpOperationException ex) =>
        ex.StatusCode == HttpStatusCode.RequestEntityTooLarge
        || (ex.ResponseContent is { } text && System.Text.RegularExpressions.Regex.IsMatch(text, "context[_ ]length|context window|maximum context|exceeds? the (available )?context|too many tokens|n_ctx|prompt is too long", System.Text.RegularExpressions.RegexOptions.IgnoreCase));

    /// <summary>The server's own one-line reason, short, without anything that looks like the key.</summary>
    private string ServerMessage(HttpOperationException ex)
    {
        var text = ex.ResponseContent;
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var match = System.Text.RegularExpressions.Regex.Match(text, "\"message\"\\s*:\\s*\"(?<m>[^\"]{1,160})");
        var message = (match.Success ? match.Groups["m"].Value : text.Length > 160 ? text[..160] : text).ReplaceLineEndings(" ");
        return _settings.ApiKey is { Length: > 0 } key ? ": " + message.Replace(key, "***", StringComparison.Ordinal) : ": " + message;
    }

    private static double Seconds(Stopwatch clock) => Math.Round(clock.Elapsed.TotalSeconds, 3);

    private static TimeSpan Backoff(int number) => TimeSpan.FromSeconds(Math.Pow(2, Math.Min(number - 1, 5)));

    /// <summary>Retry-After as seconds or an HTTP date (also retry-after-ms), from the raw response.</summary>
    private static TimeSpan? RetryAfter(HttpOperationException ex)
    {
        if (ex.InnerException is not ClientResultException { } inner || inner.GetRawResponse() is not { } response)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return TimeSpan.FromMilliseconds(Math.Max(0, milliseconds));
        }

        if (!response.Headers.TryGetValue("Retry-After", out var value) || value is null)
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Max(0, seconds));
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? TimeSpan.FromSeconds(Math.Max(0, (when - DateTimeOffset.UtcNow).TotalSeconds))
            : null;
    }
}
