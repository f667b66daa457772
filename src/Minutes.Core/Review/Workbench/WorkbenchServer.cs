using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Review.Workbench;

/// <summary>
/// <c>minutes review &lt;run&gt; --serve</c>: the review page and its actions over HTTP, from
/// Kestrel on 127.0.0.1 only (never another interface). Every request must carry the random token
/// printed with the address (query <c>token</c>, or the <c>X-Minutes-Token</c> header; actions
/// only by header, so a form on another site cannot post one): none → 401, a wrong one → 403,
/// compared in constant time. The Host must be 127.0.0.1 or localhost with this port (a DNS
/// rebinding page cannot reach it), an Origin, when sent, this server; no CORS. Files of the run
/// (the recording, the traces) are served read-only to the page.
/// </summary>
public sealed class WorkbenchServer : IAsyncDisposable
{
    public const string TokenHeader = "X-Minutes-Token";

    private readonly WebApplication _app;
    private readonly ReviewWorkbench _workbench;
    private readonly byte[] _token;

    private WorkbenchServer(WebApplication app, ReviewWorkbench workbench, string token)
    {
        _app = app;
        _workbench = workbench;
        Token = token;
        _token = Encoding.ASCII.GetBytes(token);
    }

    public string Token { get; }

    public int Port { get; private set; }

    /// <summary>The address to open: http://127.0.0.1:PORT/?token=….</summary>
    public Uri Address => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/?token={Token}"));

    /// <summary>Starts listening; the server runs until <see cref="StopAsync"/> or disposal.</summary>
    public static async Task<WorkbenchServer> StartAsync(ReviewWorkbench workbench, int port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workbench);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, CommandLineLifetime>();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port);
        });
        var app = builder.Build();
        var server = new WorkbenchServer(app, workbench, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)));
        server.Map();
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new MinutesException(Messages.Get("CannotListen", port, ex.Message));
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Port = new Uri(address).Port;
        return server;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);

    private static async Task Json<T>(HttpContext context, int status, T value, JsonTypeInfo<T> type)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(value, type), context.RequestAborted).ConfigureAwait(false);
    }

    private void Map()
    {
        _app.Use(GuardAsync);
        _app.MapGet("/", async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(await _workbench.PageAsync(context.RequestAborted).ConfigureAwait(false), context.RequestAborted).ConfigureAwait(false);
        });
        _app.MapGet("/api/state", context => Act(context, async () => await Json(context, 200, await _workbench.StateAsync(context.RequestAborted).ConfigureAwait(false), MinutesJson.Context.WorkbenchState).ConfigureAwait(false)));
        _app.MapGet("/api/replace-count", context => Act(context, async () => await Json(context, 200, await _workbench.CountAsync(context.Request.Query["term"], context.RequestAborted).ConfigureAwait(false), MinutesJson.Context.WorkbenchCount).ConfigureAwait(false)));
        Post("/api/corrections", (request, ct) => _workbench.CorrectAsync(request, ct));
        Post("/api/checks", (request, ct) => _workbench.CheckAsync(request, DateTimeOffset.UtcNow, ct));
        Post("/api/privacy", (request, ct) => _workbench.DecideAsync(request, ct));
        Post("/api/redraft", (request, ct) => _workbench.RedraftAsync(request, ct));
        Post("/api/edits", (request, ct) => _workbench.EditAsync(request, ct));
        Post("/api/approve", (request, ct) => _workbench.ApproveAsync(request, DateTimeOffset.UtcNow, ct));
        _app.MapGet("/{**path}", ServeFileAsync);
    }

    private void Post(string pattern, Func<WorkbenchRequest, CancellationToken, Task<WorkbenchUpdate>> action) =>
        _app.MapPost(pattern, context => Act(context, async () =>
        {
            if (context.Request.HasJsonContentType() is false)
            {
                await Json(context, 415, new WorkbenchError("Send the action as application/json."), MinutesJson.Context.WorkbenchError).ConfigureAwait(false);
                return;
            }

            WorkbenchRequest? request;
            try
            {
                request = await JsonSerializer.DeserializeAsync(context.Request.Body, MinutesJson.Context.WorkbenchRequest, context.RequestAborted).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                throw new MinutesException(Messages.Get("RequestNotJson", ex.Message));
            }

            var update = await action(request ?? new WorkbenchRequest(), context.RequestAborted).ConfigureAwait(false);
            await Json(context, 200, update, MinutesJson.Context.WorkbenchUpdate).ConfigureAwait(false);
        }));

    /// <summary>A refused action is one line: 409 for a stale page, 400 for what the core refused; never a stack trace.</summary>
    private static async Task Act(HttpContext context, Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (WorkbenchConflictException ex)
        {
            await Json(context, 409, new WorkbenchError(ex.Message), MinutesJson.Context.WorkbenchError).ConfigureAwait(false);
        }
        catch (MinutesException ex)
        {
            await Json(context, 400, new WorkbenchError(ex.Message), MinutesJson.Context.WorkbenchError).ConfigureAwait(false);
        }
    }

    private async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XFrameOptions = "DENY";
        var host = context.Request.Host.Value;
        var hosts = new[] { $"127.0.0.1:{Port}", $"localhost:{Port}" };
        if (host is null || !hosts.Contains(host, StringComparer.OrdinalIgnoreCase))
        {
            await Refuse(context, 403, "This server answers only to 127.0.0.1 or localhost on its own port.").ConfigureAwait(false);
            return;
        }

        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !hosts.Any(h => string.Equals(origin, "http://" + h, StringComparison.OrdinalIgnoreCase)))
        {
            await Refuse(context, 403, "Requests from another origin are refused.").ConfigureAwait(false);
            return;
        }

        var header = context.Request.Headers[TokenHeader].ToString();
        var given = header.Length > 0 || HttpMethods.IsPost(context.Request.Method) ? header : context.Request.Query["token"].ToString();
        if (given.Length == 0)
        {
            await Refuse(context, 401, "The workbench needs the token printed with its address (?token=…).").ConfigureAwait(false);
            return;
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(given), _token))
        {
            await Refuse(context, 403, "Wrong token.").ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private static Task Refuse(HttpContext context, int status, string message) =>
        Json(context, status, new WorkbenchError(message), MinutesJson.Context.WorkbenchError);

    /// <summary>A file of the run (the recording for playback, a trace), read-only; nothing outside the run folder.</summary>
    private async Task ServeFileAsync(HttpContext context)
    {
        var relative = (context.Request.RouteValues["path"] as string ?? string.Empty).Replace('\\', '/');
        var root = Path.GetFullPath(_workbench.Run.Root) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (relative.Length == 0 || !full.StartsWith(root, StringComparison.Ordinal) || !File.Exists(full))
        {
            await Refuse(context, 404, $"No file {relative} in the run.").ConfigureAwait(false);
            return;
        }

        var type = Path.GetExtension(full).ToLowerInvariant() switch
        {
            ".wav" => "audio/wav",
            ".json" => "application/json; charset=utf-8",
            ".md" => "text/markdown; charset=utf-8",
            _ => "application/octet-stream",
        };
        await Results.File(full, type, enableRangeProcessing: true).ExecuteAsync(context).ConfigureAwait(false);
    }
}
