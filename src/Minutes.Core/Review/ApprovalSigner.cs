using System.Security.Cryptography;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Review;

/// <summary>
/// Optional signatures on approvals, the electronic counterpart of the signature a 会議録 bears
/// (地方自治法 123条): <c>approve --key reviewer.pem</c> signs with the reviewer's ECDSA P-256
/// private key; <c>verify --trust &lt;folder&gt;</c> checks the signature against the public keys
/// (<c>*.pem</c>) in a folder the clerk's office keeps, and names the signer by the key's file.
/// A signature is checked against the public key in the entry even without <c>--trust</c>, so an
/// entry edited after signing fails either way; only the trust folder says who holds the key.
/// </summary>
public static class ApprovalSigner
{
    public const string Algorithm = "ECDSA-P256-SHA256";

    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>Reads an unencrypted PEM private key (PKCS#8 or SEC1) on the P-256 curve.</summary>
    public static ECDsa LoadPrivateKey(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new MinutesException(Messages.Get("KeyNotFound", path));
        }

        return PrivateKeyFromPem(File.ReadAllText(path), path);
    }

    /// <summary>A P-256 private key from PEM text; <paramref name="source"/> names it in messages (the text itself never appears in one).</summary>
    public static ECDsa PrivateKeyFromPem(string pem, string source)
    {
        ArgumentNullException.ThrowIfNull(pem);
        ArgumentNullException.ThrowIfNull(source);
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            _ = key.ExportParameters(includePrivateParameters: true);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new MinutesException(Messages.Get("KeyNotPem", source, ex.Message.ReplaceLineEndings(" ")));
        }

        if (!IsP256(key))
        {
            key.Dispose();
            throw new MinutesException(Messages.Get("KeyNotP256", source));
        }

        return key;
    }

    /// <summary>The approval with its signature; call before its digest is computed, which then covers the signature.</summary>
    public static Approval Sign(Approval approval, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(approval);
        ArgumentNullException.ThrowIfNull(key);
        var publicKey = key.ExportSubjectPublicKeyInfo();
        var value = key.SignData(ApprovalLog.SignedBytes(approval), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return approval with
        {
            Signature = new ApprovalSignature(Algorithm, Fingerprint(publicKey), Convert.ToBase64String(publicKey), Convert.ToBase64String(value)),
        };
    }

    /// <summary>Why an approval's signature does not hold, or null when it does (or the approval is unsigned).</summary>
    public static Message? Problem(Approval approval)
    {
        ArgumentNullException.ThrowIfNull(approval);
        if (approval.Signature is not { } signature)
        {
            return null;
        }

        if (signature.Algorithm != Algorithm)
        {
            return Messages.Of("SignatureUnknownAlgorithm", ReviewerName.Printable(signature.Algorithm));
        }

        byte[] publicKey;
        byte[] value;
        try
        {
            publicKey = Convert.FromBase64String(signature.PublicKey);
            value = Convert.FromBase64String(signature.Value);
        }
        catch (FormatException)
        {
            return Messages.Of("SignatureNotBase64");
        }

        if (Fingerprint(publicKey) != signature.KeyId)
        {
            return Messages.Of("SignatureKeyId");
        }

        using var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(publicKey, out _);
        }
        catch (CryptographicException)
        {
            return Messages.Of("SignatureKeyUnreadable");
        }

        if (!IsP256(key))
        {
            return Messages.Of("SignatureNotP256");
        }

        return key.VerifyData(ApprovalLog.SignedBytes(approval with { Signature = null }), value, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
            ? null
            : Messages.Of("SignatureDoesNotVerify");
    }

    /// <summary>
    /// The reviewers' public keys in a folder: every <c>*.pem</c>, by key id, named after its file
    /// (<c>sato.pem</c> → <c>sato</c>). A file that is not a P-256 key fails with its name.
    /// </summary>
    public static IReadOnlyDictionary<string, string> LoadTrust(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new MinutesException(Messages.Get("TrustFolderNotFound", folder));
        }

        var trusted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.pem").Order(StringComparer.Ordinal))
        {
            using var key = ECDsa.Create();
            try
            {
                key.ImportFromPem(File.ReadAllText(file));
            }
            catch (Exception ex) when (ex is ArgumentException or CryptographicException)
            {
                throw new MinutesException(Messages.Get("TrustNotPem", file, ex.Message.ReplaceLineEndings(" ")));
            }

            if (!IsP256(key))
            {
                throw new MinutesException(Messages.Get("TrustKeyNotP256", file));
            }

            trusted.TryAdd(Fingerprint(key.ExportSubjectPublicKeyInfo()), Path.GetFileNameWithoutExtension(file));
        }

        if (trusted.Count == 0)
        {
            throw new MinutesException(Messages.Get("TrustNoKeys", folder));
        }

        return trusted;
    }

    /// <summary>The key id: sha256 of the SubjectPublicKeyInfo (DER), lower-case hex.</summary>
    public static string Fingerprint(ReadOnlySpan<byte> subjectPublicKeyInfo) => Hashing.Sha256OfBytes(subjectPublicKeyInfo);

    private static bool IsP256(ECDsa key)
    {
        var curve = key.ExportParameters(includePrivateParameters: false).Curve;
        return key.KeySize == 256 && (curve.Oid?.Value == P256Oid || curve.Oid?.FriendlyName is "nistP256" or "ECDSA_P256" or "prime256v1" or "secp256r1");
    }
}
