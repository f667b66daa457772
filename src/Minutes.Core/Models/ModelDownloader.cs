using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Models;

/// <summary>
/// Downloads a model into the store. The bytes go to <c>FILE.partial</c>; an interrupted pull
/// resumes from there with an HTTP Range request; the finished file is checked (size, sha256 from
/// the catalog or, failing that, the sha256 the server publishes for its LFS object in
/// <c>X-Linked-ETag</c>/<c>ETag</c>, SHA-1 where whisper.cpp publishes one, and the ggml header)
/// and only then renamed into place, with its sha256 beside it in <c>FILE.sha256</c>. A file that
/// fails the check is removed, partial included: resuming from corrupt bytes could never succeed.
/// </summary>
public sealed partial class ModelDownloader
{
    private const int MaxRedirects = 8;
    private readonly ModelStore _store;
    private readonly HttpMessageHandler? _handler;

    /// <param name="handler">Tests may pass their own; it must not follow redirects itself.</param>
    public ModelDownloader(ModelStore store, HttpMessageHandler? handler = null)
    {
        _store = store;
        _handler = handler;
    }

    public async Task<PullResult> PullAsync(ModelSource source, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var target = _store.PathOf(source);
        if (File.Exists(target))
        {
            var digest = Hashing.Sha256OfFile(target);
            return new PullResult(target, FileLength.Of(target), digest, "already present", AlreadyPresent: true);
        }

        CreateFolder();
        var partial = target + ".partial";
        using var client = new HttpClient(
            _handler ?? new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(20) },
            disposeHandler: _handler is null)
        { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("minutes", "0.1"));

        for (var attempt = 0; ; attempt++)
        {
            var have = File.Exists(partial) ? FileLength.Of(partial) : 0;
            var (response, serverSha256, linkedSize) = await SendAsync(client, source, have, cancellationToken).ConfigureAwait(false);
            using (response)
            {
                if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && attempt == 0)
                {
                    // The partial file does not fit the server's file (it changed, or the partial is
                    // already whole): start again from zero, once.
                    File.Delete(partial);
                    continue;
                }

                CheckStatus(source, response);
                var resumed = response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange?.From == have;
                var offset = resumed ? have : 0;
                var total = response.Content.Headers.ContentRange?.Length
                    ?? (response.Content.Headers.ContentLength is { } length ? offset + length : linkedSize)
                    ?? source.Bytes;
                await ReceiveAsync(source, response, partial, offset, total, progress, cancellationToken).ConfigureAwait(false);
                return Finish(source, partial, target, total, serverSha256 ?? EtagSha256(response.Headers.ETag));
            }
        }
    }

    private void CreateFolder()
    {
        try
        {
            Directory.CreateDirectory(_store.Folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MinutesException(Messages.Get("ModelsFolderNotCreatable", _store.Folder, ex.Message), ex);
        }
    }

    /// <summary>GET with the Range of what is already here, following redirects by hand to read the LFS headers on the way.</summary>
    private async Task<(HttpResponseMessage Response, string? Sha256, long? Size)> SendAsync(
        HttpClient client, ModelSource source, long have, CancellationToken cancellationToken)
    {
        var url = source.Url;
        string? sha256 = null;
        long? size = null;
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (have > 0)
            {
                request.Headers.Range = new RangeHeaderValue(have, null);
            }

            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                throw Unreachable(source, url, ex.Message, ex);
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw Unreachable(source, url, "timed out", ex);
            }

            sha256 ??= Header(response, "X-Linked-ETag") is { } linked ? EtagSha256(linked) : null;
            size ??= long.TryParse(Header(response, "X-Linked-Size"), out var s) ? s : null;
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                response.Dispose();
                url = location.IsAbsoluteUri ? location : new Uri(url, location);
                continue;
            }

            return (response, sha256, size);
        }

        throw new MinutesException(Messages.Get("DownloadTooManyRedirects", source.Name, MaxRedirects, source.Url.Host));
    }

    private static void CheckStatus(ModelSource source, HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var code = (int)response.StatusCode;
        throw new MinutesException(response.StatusCode == HttpStatusCode.NotFound
            ? Messages.Get("DownloadNotFound", source.Name, source.Url)
            : Messages.Get("DownloadHttpError", source.Name, source.Url.Host, code, response.ReasonPhrase));
    }

    private async Task ReceiveAsync(
        ModelSource source, HttpResponseMessage response, string partial, long offset, long? total,
        IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var received = offset;
        try
        {
            await using var file = new FileStream(partial, offset > 0 ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                received += read;
                progress?.Report(new DownloadProgress(received, total));
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw Interrupted(source, received, total, ex.Message, ex);
        }

        if (total is { } expected && received != expected)
        {
            throw Interrupted(source, received, total, "the connection ended early", null);
        }
    }

    /// <summary>A downloaded speaker model must load as one (float [N, T, 80] in, [N, D] out); otherwise it is discarded.</summary>
    private static void CheckSpeakerModel(string partial)
    {
        try
        {
            Speakers.OnnxSpeakerEmbedder.Open(partial).Dispose();
        }
        catch (MinutesException)
        {
            File.Delete(partial);
            throw;
        }
    }

    private PullResult Finish(ModelSource source, string partial, string target, long? total, string? serverSha256)
    {
        var (sha256, sha1) = Digests(partial);
        var checks = new List<string>();
        Expect(source.Sha256, sha256, "sha256", "catalog");
        Expect(source.Sha1, sha1, "sha1", "whisper.cpp");
        Expect(source.Sha256 is null ? serverSha256 : null, sha256, "sha256", "server");
        if (source.Kind == ModelKind.Speaker)
        {
            CheckSpeakerModel(partial);
        }

        var header = GgmlModelHeader.Inspect(partial);
        var expectedKind = source.Kind == ModelKind.Vad ? GgmlModelKind.SileroVad : GgmlModelKind.Whisper;
        if (source.Kind != ModelKind.Speaker && header.Kind != expectedKind)
        {
            File.Delete(partial);
            throw new MinutesException(Messages.Get("DownloadNotAModel", source.Name, header.Description, source.Kind == ModelKind.Vad ? "Silero VAD" : "Whisper"));
        }

        File.Move(partial, target, overwrite: false);
        AtomicFile.WriteAllText(target + ".sha256", $"{sha256}  {source.FileName}\n");
        var bytes = total ?? FileLength.Of(target);
        return new PullResult(target, bytes, sha256, checks.Count > 0 ? string.Join(", ", checks) : "no published digest; sha256 recorded", AlreadyPresent: false);

        void Expect(string? expected, string actual, string algorithm, string from)
        {
            if (expected is null)
            {
                return;
            }

            if (!string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase))
            {
                File.Delete(partial);
                throw new MinutesException(Messages.Get("DownloadChecksumMismatch", source.Name, algorithm, expected, from, actual));
            }

            checks.Add($"{algorithm} ({from})");
        }
    }

    private static (string Sha256, string Sha1) Digests(string path)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
#pragma warning disable CA5350 // SHA-1 only to compare with the digests whisper.cpp publishes, never for security.
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
#pragma warning restore CA5350
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 20];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            sha256.AppendData(buffer, 0, read);
            sha1.AppendData(buffer, 0, read);
        }

        return (Convert.ToHexStringLower(sha256.GetHashAndReset()), Convert.ToHexStringLower(sha1.GetHashAndReset()));
    }

    private MinutesException Unreachable(ModelSource source, Uri url, string reason, Exception inner) =>
        new(Messages.Get("DownloadUnreachable", source.Name, url.Host, reason.ReplaceLineEndings(" ").TrimEnd('.'), source.FileName, _store.Folder, ModelStore.EnvironmentVariable), inner);

    private static MinutesException Interrupted(ModelSource source, long received, long? total, string reason, Exception? inner)
    {
        var why = reason.ReplaceLineEndings(" ").TrimEnd('.');
        var message = total is { } t
            ? Messages.Get("DownloadInterruptedOf", source.Name, received, t, why)
            : Messages.Get("DownloadInterrupted", source.Name, received, why);
        return inner is null ? new MinutesException(message) : new MinutesException(message, inner);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string? EtagSha256(EntityTagHeaderValue? etag) => etag is null ? null : EtagSha256(etag.Tag);

    /// <summary>Hugging Face serves an LFS file's sha256 as its (quoted) entity tag.</summary>
    private static string? EtagSha256(string tag)
    {
        var bare = tag.Trim().TrimStart('W', '/').Trim('"');
        return Sha256Hex().IsMatch(bare) ? bare.ToLowerInvariant() : null;
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Hex();
}
