using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Minutes.Tests.Models;

/// <summary>
/// A real HTTP server on 127.0.0.1 serving files the test generates, shaped like Hugging Face:
/// <c>/resolve/NAME</c> answers 302 to <c>/cdn/NAME</c> with the LFS sha256 in <c>X-Linked-ETag</c>;
/// <c>/cdn/NAME</c> serves the bytes and honours <c>Range</c>. No model hub is reachable here, so
/// the pull path is tested against this server.
/// </summary>
public sealed partial class LoopbackFileServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, byte[]> _files = [];
    private readonly Task _loop;

    public LoopbackFileServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }

    /// <summary>Every request seen: path and Range header.</summary>
    public List<(string Path, string? Range)> Requests { get; } = [];

    /// <summary>When set, the next file response stops after this many bytes and the connection is dropped.</summary>
    public long? CutNextResponseAfter { get; set; }

    /// <summary>The sha256 the redirect advertises; the file's real one unless a test lies.</summary>
    public string? AdvertisedSha256 { get; set; }

    public Uri Add(string name, byte[] content)
    {
        _files[name] = content;
        return new Uri(BaseUrl + "resolve/" + name);
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task LoopAsync()
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

            try
            {
                await ServeAsync(context);
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException)
            {
                // The client went away (as a test may make it); serve the next request.
            }
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        var range = context.Request.Headers["Range"];
        lock (Requests)
        {
            Requests.Add((path, range));
        }

        var response = context.Response;
        var name = path.Split('/')[^1];
        if (!_files.TryGetValue(name, out var content))
        {
            response.StatusCode = 404;
            response.Close();
            return;
        }

        if (path.StartsWith("/resolve/", StringComparison.Ordinal))
        {
            response.StatusCode = 302;
            response.RedirectLocation = "/cdn/" + name;
            response.Headers["X-Linked-ETag"] = $"\"{AdvertisedSha256 ?? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))}\"";
            response.Headers["X-Linked-Size"] = content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Close();
            return;
        }

        long from = 0;
        if (range is not null && RangeStart().Match(range) is { Success: true } m)
        {
            from = long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            response.StatusCode = 206;
            response.Headers["Content-Range"] = $"bytes {from}-{content.Length - 1}/{content.Length}";
        }

        response.ContentLength64 = content.Length - from;
        var cut = CutNextResponseAfter;
        CutNextResponseAfter = null;
        if (cut is { } n)
        {
            await response.OutputStream.WriteAsync(content.AsMemory((int)from, (int)n));
            await response.OutputStream.FlushAsync();
            response.Abort();
            return;
        }

        await response.OutputStream.WriteAsync(content.AsMemory((int)from));
        response.Close();
    }

    [GeneratedRegex(@"^bytes=(\d+)-$")]
    private static partial Regex RangeStart();
}
