using System.Security.Cryptography;
using Minutes.Models;
using Minutes.Runs;
using Minutes.Tests.Support;
using Minutes.Tests.Vad;

namespace Minutes.Tests.Models;

public sealed class ModelDownloaderTests
{
    /// <summary>A generated file with a Whisper ggml header, so the downloaded file passes the header check.</summary>
    private static readonly byte[] Model = WhisperLikeHeader.Bytes(extra: 300_000);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task Pulls_through_a_redirect_verifies_the_servers_sha256_and_renames_into_place()
    {
        using var temp = new TempFolder();
        using var server = new LoopbackFileServer();
        var url = server.Add("ggml-test.bin", Model);
        var store = new ModelStore(temp.File("models"));
        var reports = new List<DownloadProgress>();

        var result = await new ModelDownloader(store).PullAsync(ModelSource.FromUrl(url), new SyncProgress<DownloadProgress>(reports.Add), CancellationToken.None);

        Assert.Equal(store.PathOf(ModelSource.FromUrl(url)), result.Path);
        Assert.Equal(Model, File.ReadAllBytes(result.Path));
        Assert.Equal(Sha256(Model), result.Sha256);
        Assert.Equal("sha256 (server)", result.Verification);
        Assert.Equal($"{Sha256(Model)}  ggml-test.bin\n", File.ReadAllText(result.Path + ".sha256"));
        Assert.False(File.Exists(result.Path + ".partial"));
        Assert.Equal(new DownloadProgress(Model.Length, Model.Length), reports[^1]);
        Assert.Equal(result.Path, store.ResolveWhisperModel(url.ToString()));
    }

    [Fact]
    public async Task An_interrupted_pull_keeps_the_partial_file_and_the_next_pull_resumes_with_a_range_request()
    {
        using var temp = new TempFolder();
        using var server = new LoopbackFileServer { CutNextResponseAfter = 120_000 };
        var source = ModelSource.FromUrl(server.Add("ggml-resume.bin", Model));
        var store = new ModelStore(temp.Path);
        var downloader = new ModelDownloader(store);

        var ex = await Assert.ThrowsAsync<MinutesException>(() => downloader.PullAsync(source, null, CancellationToken.None));
        Assert.Contains("download of ggml-resume.bin interrupted after", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("run `minutes models pull ggml-resume.bin` again to resume.", ex.Message, StringComparison.Ordinal);
        var partial = store.PathOf(source) + ".partial";
        var kept = new FileInfo(partial).Length;
        Assert.InRange(kept, 1, Model.Length - 1);

        var result = await downloader.PullAsync(source, null, CancellationToken.None);

        Assert.Equal(Model, File.ReadAllBytes(result.Path));
        Assert.Equal(("/cdn/ggml-resume.bin", $"bytes={kept}-"), server.Requests[^1]);
        Assert.False(File.Exists(partial));
    }

    [Fact]
    public async Task A_cancelled_pull_keeps_its_partial_file_for_the_next_pull()
    {
        using var temp = new TempFolder();
        using var server = new LoopbackFileServer();
        var source = ModelSource.FromUrl(server.Add("ggml-cancel.bin", Model));
        var store = new ModelStore(temp.Path);
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ModelDownloader(store).PullAsync(
            source, new SyncProgress<DownloadProgress>(_ => cancel.Cancel()), cancel.Token));

        Assert.InRange(new FileInfo(store.PathOf(source) + ".partial").Length, 1, Model.Length - 1);
        Assert.False(File.Exists(store.PathOf(source)));
    }

    [Fact]
    public async Task A_checksum_mismatch_is_rejected_and_the_bytes_are_discarded()
    {
        using var temp = new TempFolder();
        using var server = new LoopbackFileServer();
        var url = server.Add("ggml-bad.bin", Model);
        var source = ModelSource.FromUrl(url) with { Sha256 = new string('0', 64) };
        var store = new ModelStore(temp.Path);

        var ex = await Assert.ThrowsAsync<MinutesException>(() => new ModelDownloader(store).PullAsync(source, null, CancellationToken.None));

        Assert.Equal($"checksum mismatch for ggml-bad.bin: expected sha256 {new string('0', 64)} (catalog), got {Sha256(Model)}; the download was discarded, pull again.", ex.Message);
        Assert.False(File.Exists(store.PathOf(source)));
        Assert.False(File.Exists(store.PathOf(source) + ".partial"));
    }

    [Fact]
    public async Task A_wrong_digest_published_by_the_server_is_rejected_too()
    {
        using var temp = new TempFolder();
        using var server = new LoopbackFileServer { AdvertisedSha256 = new string('a', 64) };
        var source = ModelSource.FromUrl(server.Add("ggml-lie.bin", Model));

        var ex = await Assert.ThrowsAsync<MinutesException>(() => new ModelDownloader(new ModelStore(temp.Path)).PullAsync(source, null, CancellationToken.None));

        Assert.Contains("(server)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_one_line_with_the_url()
    {
        using var temp = new TempFolder();
        using var server = new LoopbackFileServer();
        var source = ModelSource.FromUrl(new Uri(server.BaseUrl + "resolve/ggml-missing.bin"));

        var ex = await Assert.ThrowsAsync<MinutesException>(() => new ModelDownloader(new ModelStore(temp.Path)).PullAsync(source, null, CancellationToken.None));

        Assert.Equal($"cannot download ggml-missing.bin: {server.BaseUrl}resolve/ggml-missing.bin was not found (HTTP 404).", ex.Message);
    }

    [Fact]
    public async Task A_page_that_is_not_a_model_is_discarded()
    {
        using var temp = new TempFolder();
        using var server = new LoopbackFileServer();
        var source = ModelSource.FromUrl(server.Add("ggml-page.bin", "<html>rate limited</html>"u8.ToArray()));
        var store = new ModelStore(temp.Path);

        var ex = await Assert.ThrowsAsync<MinutesException>(() => new ModelDownloader(store).PullAsync(source, null, CancellationToken.None));

        Assert.Equal("the file downloaded for ggml-page.bin is not a ggml model file, not a Whisper model; it was discarded.", ex.Message);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task No_network_is_one_line_that_says_what_to_do()
    {
        using var temp = new TempFolder();
        string url;
        using (var gone = new LoopbackFileServer())
        {
            url = gone.BaseUrl + "resolve/ggml-tiny.bin";
        }

        var source = ModelCatalog.Find("tiny")! with { Url = new Uri(url) };
        var ex = await Assert.ThrowsAsync<MinutesException>(() => new ModelDownloader(new ModelStore(temp.Path)).PullAsync(source, null, CancellationToken.None));

        Assert.StartsWith("cannot download tiny from 127.0.0.1 (", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith($"without network, copy ggml-tiny.bin into {temp.Path} (or set MINUTES_MODELS).", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }
}
