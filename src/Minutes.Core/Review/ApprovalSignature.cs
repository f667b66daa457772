namespace Minutes.Review;

/// <summary>
/// The signature of an approval (<c>approve --key</c>): <see cref="Algorithm"/> is always
/// <c>ECDSA-P256-SHA256</c>; <see cref="KeyId"/> is the sha256 of the signer's public key
/// (SubjectPublicKeyInfo, DER) in hex, <see cref="PublicKey"/> that key in base64, and
/// <see cref="Value"/> the signature (IEEE P1363, r‖s) in base64 over the approval's signed
/// form (see <see cref="ApprovalLog.SignedBytes"/>).
/// </summary>
public sealed record ApprovalSignature(string Algorithm, string KeyId, string PublicKey, string Value);
