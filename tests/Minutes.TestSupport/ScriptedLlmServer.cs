using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Minutes.Tests.Support;

/// <summary>
/// A loopback OpenAI-compatible chat-completions server over real HTTP: it answers from a script
/// (content, status, headers, delay, finish reason), falls back to an empty item list, and records
/// every request with its path, headers, body and arrival time. No LLM can run here, so this is
/// the other end of every Semantic Kernel test.
/// </summary>
public sealed partial class ScriptedLlmServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<Reply> _script = new();
    private readonly List<Request> _requests = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();

    public ScriptedLlmServer()
    {
        Port = FreePort();
        Endpoint = $"http://127.0.0.1:{Port}/v1";
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>The OpenAI-style base address (…/v1).</summary>
    public string Endpoint { get; }

    /// <summary>The server without a path (for Azure, which adds /openai/deployments/…).</summary>
    public string Root => $"http://127.0.0.1:{Port}/";

    public IReadOnlyList<Request> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>A request as it arrived.</summary>
    public sealed record Request(string Method, string Path, string Body, IReadOnlyDictionary<string, string> Headers, double At)
    {
        public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
    }

    /// <summary>One scripted reply; <paramref name="Raw"/> sends <paramref name="Content"/> as the whole body even with status 200.</summary>
    public sealed record Reply(string Content, int Status = 200, string FinishReason = "stop", double DelaySeconds = 0, IReadOnlyDictionary<string, string>? Headers = null, bool Raw = false);

    public void Answer(string content, string finishReason = "stop") => Enqueue(new Reply(content, FinishReason: finishReason));

    public void Fail(int status, string body = "{\"error\": {\"message\": \"scripted failure\"}}", IReadOnlyDictionary<string, string>? headers = null) =>
        Enqueue(new Reply(body, status, Headers: headers));

    /// <summary>A 200 whose body is not a chat completion (cut off, or an HTML page from a proxy).</summary>
    public void Broken(string body) => Enqueue(new Reply(body, Raw: true));

    public void Enqueue(Reply reply)
    {
        lock (_script)
        {
            _script.Enqueue(reply);
        }
    }

    /// <summary>A model answer of one item.</summary>
    public static string Items(string text, string citation, string kind = "summary") =>
        JsonSerializer.Serialize(new { items = new[] { new { kind, text, citations = new[] { citation }, speaker = (string?)null, owner = (string?)null, due = (string?)null } } });

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => RespondAsync(context));
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k.ToLowerInvariant(), k => context.Request.Headers[k] ?? string.Empty);
            var request = new Request(context.Request.HttpMethod, context.Request.Url?.PathAndQuery ?? string.Empty, body, headers, _clock.Elapsed.TotalSeconds);
            lock (_requests)
            {
                _requests.Add(request);
            }

            Reply reply;
            lock (_script)
            {
                reply = _script.Count > 0 ? _script.Dequeue() : new Reply("{\"items\": []}");
            }

            if (reply.DelaySeconds > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(reply.DelaySeconds), _stop.Token);
            }

            foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = HttpDateFromNow().Match(value) is { Success: true } m
                    ? DateTimeOffset.UtcNow.AddSeconds(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToString("R", CultureInfo.InvariantCulture)
                    : value;
            }

            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "application/json";
            var json = reply.Status == 200 && !reply.Raw ? Completion(reply) : reply.Content;
            await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(json));
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // The client gave up (a timeout under test) or the server is closing.
        }
    }

    private static string Completion(Reply reply) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["id"] = "chatcmpl-1",
        ["object"] = "chat.completion",
        ["created"] = 1,
        ["model"] = "local-model",
        ["choices"] = new object[] { new Dictionary<string, object> { ["index"] = 0, ["message"] = new Dictionary<string, object> { ["role"] = "assistant", ["content"] = reply.Content }, ["finish_reason"] = reply.FinishReason } },
        ["usage"] = new Dictionary<string, int> { ["prompt_tokens"] = 100, ["completion_tokens"] = 20, ["total_tokens"] = 120 },
    });

    /// <summary>A header value <c>http-date+N</c> becomes the HTTP date N seconds after the reply is sent.</summary>
    [GeneratedRegex(@"^http-date\+(\d+)$")]
    private static partial Regex HttpDateFromNow();
}
