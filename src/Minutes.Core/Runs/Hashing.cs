using System.Security.Cryptography;
using System.Text;

namespace Minutes.Runs;

/// <summary>SHA-256 in lower-case hex, the one digest used everywhere in a run.</summary>
public static class Hashing
{
    private const int BlockBytes = 1 << 20;

    public static string Sha256OfFile(string path) => Sha256OfFile(path, CancellationToken.None);

    /// <summary>
    /// The file's digest, read in 1 MiB blocks with the token checked before each, so that Ctrl+C
    /// stops the hashing of a long recording at once (a 2-hour WAV is over a gigabyte).
    /// </summary>
    public static string Sha256OfFile(string path, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var block = new byte[BlockBytes];
        int read;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            read = stream.Read(block, 0, block.Length);
            if (read == 0)
            {
                break;
            }

            hash.AppendData(block, 0, read);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static string Sha256OfText(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string Sha256OfBytes(ReadOnlySpan<byte> bytes) =>
        Convert.ToHexStringLower(SHA256.HashData(bytes));
}
