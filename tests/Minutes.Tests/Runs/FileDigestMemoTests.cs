using Minutes.Runs;
using Minutes.Tests.Support;

namespace Minutes.Tests.Runs;

/// <summary>A model file is hashed once per process while it is unchanged.</summary>
public sealed class FileDigestMemoTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_second_lookup_of_an_unchanged_file_does_not_read_it_and_a_rewritten_file_is_read_again()
    {
        var path = _temp.File("model.bin");
        File.WriteAllBytes(path, [1, 2, 3, 4]);
        var written = File.GetLastWriteTimeUtc(path);
        var first = FileDigestMemo.Sha256OfFile(path);
        Assert.Equal(Hashing.Sha256OfFile(path), first);

        // Other bytes under the same length and time: only a lookup that does not read the file still gives the first digest.
        File.WriteAllBytes(path, [9, 9, 9, 9]);
        File.SetLastWriteTimeUtc(path, written);
        Assert.Equal(first, FileDigestMemo.Sha256OfFile(path));

        File.SetLastWriteTimeUtc(path, written.AddSeconds(1));
        Assert.Equal(Hashing.Sha256OfFile(path), FileDigestMemo.Sha256OfFile(path));
        Assert.NotEqual(first, FileDigestMemo.Sha256OfFile(path));
    }
}
