using System.Security.Cryptography;
using Minutes.Json;
using Minutes.Review;
using Minutes.Runs;
using Minutes.Tests.Support;

namespace Minutes.Tests.Review;

public sealed class ApprovalSigningTests
{
    [Fact]
    public async Task A_signed_approval_verifies_against_the_trust_folder_and_names_the_signer()
    {
        using var temp = new TempFolder();
        var run = await ApprovalTests.ReviewedMeetingAsync(temp);
        var (privateKey, trust) = NewKeyPair(temp, "sato");

        var approve = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "佐藤", "--accept-flags", "checked", "--key", privateKey);

        ApprovalTests.Succeeds(approve);
        var signature = Assert.Single(ApprovalLog.Load(run).Approvals).Signature!;
        Assert.Equal(ApprovalSigner.Algorithm, signature.Algorithm);
        Assert.Contains("signed with key " + signature.KeyId[..16], approve.Out, StringComparison.Ordinal);
        var verify = await CliRunner.RunAsync("verify", run.Root, "--trust", trust, "--require-approval");
        Assert.True(verify.ExitCode == ExitCodes.Ok, verify.Out + verify.Error);
        Assert.Contains("approval 1 by 佐藤", verify.Out, StringComparison.Ordinal);
        Assert.Contains($", signed by sato (key {signature.KeyId[..16]}) covers version 1 (current)", verify.Out, StringComparison.Ordinal);
        Assert.Contains("status: version 1 approved by 佐藤", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_changed_after_signing_fails_naming_the_entry_even_with_its_digests_recomputed()
    {
        using var temp = new TempFolder();
        var run = await ApprovalTests.ReviewedMeetingAsync(temp);
        var (privateKey, trust) = NewKeyPair(temp, "sato");
        ApprovalTests.Succeeds(await CliRunner.RunAsync("approve", run.Root, "--reviewer", "佐藤", "--accept-flags", "checked", "--key", privateKey));

        // Someone who knows the format changes the comment, recomputes the chain digest and the manifest's seal.
        var log = ApprovalLog.Load(run);
        var changed = log.Approvals[0] with { Comment = "approved without reading" };
        changed = changed with { Sha256 = ApprovalLog.DigestOf(changed) };
        run.Write(RunFolder.ApprovalsFile, log with { Approvals = [changed] }, MinutesJson.Context.ApprovalLog);
        run.SaveManifest(run.LoadManifest() with { Approvals = new ApprovalSeal(1, changed.Sha256) });

        foreach (var args in new[] { new[] { "verify", run.Root }, ["verify", run.Root, "--trust", trust] })
        {
            var verify = await CliRunner.RunAsync(args);
            Assert.Equal(ExitCodes.VerificationFailed, verify.ExitCode);
            Assert.Contains("BAD SIGNATURE approval 1 by 佐藤", verify.Out, StringComparison.Ordinal);
            Assert.Contains("the signature does not verify", verify.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task With_a_trust_folder_only_approvals_signed_by_its_keys_count()
    {
        using var temp = new TempFolder();
        var run = await ApprovalTests.ReviewedMeetingAsync(temp);
        var (stranger, _) = NewKeyPair(temp, "stranger");
        var (_, trust) = NewKeyPair(temp, "sato");
        ApprovalTests.Succeeds(await CliRunner.RunAsync("approve", run.Root, "--reviewer", "佐藤", "--accept-flags", "checked", "--key", stranger));
        ApprovalTests.Succeeds(await CliRunner.RunAsync("approve", run.Root, "--reviewer", "鈴木", "--accept-flags", "checked"));

        var verify = await CliRunner.RunAsync("verify", run.Root, "--trust", trust, "--require-approval");

        Assert.Equal(ExitCodes.VerificationFailed, verify.ExitCode);
        Assert.Contains("which is not in the trust folder: not counted", verify.Out, StringComparison.Ordinal);
        Assert.Contains("approval 2 by 鈴木", verify.Out, StringComparison.Ordinal);
        Assert.Contains(", unsigned: not counted", verify.Out, StringComparison.Ordinal);
        Assert.Contains("status: version 1 not approved (0 of 1 reviewer(s), counting only approvals signed with a trusted key)", verify.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("verify", run.Root, "--require-approval")).ExitCode);
    }

    [Fact]
    public async Task A_key_that_is_not_a_P256_private_key_is_refused_before_anything_is_written()
    {
        using var temp = new TempFolder();
        var run = await ApprovalTests.ReviewedMeetingAsync(temp);
        using var rsa = RSA.Create(2048);
        var rsaKey = temp.File("rsa.pem");
        File.WriteAllText(rsaKey, rsa.ExportPkcs8PrivateKeyPem());
        var (_, trust) = NewKeyPair(temp, "sato");

        foreach (var key in new[] { rsaKey, Path.Combine(trust, "sato.pem"), temp.File("missing.pem") })
        {
            var approve = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "佐藤", "--accept-flags", "checked", "--key", key);
            Assert.Equal(ExitCodes.Failure, approve.ExitCode);
            Assert.StartsWith("minutes: --key: ", approve.Error, StringComparison.Ordinal);
            Assert.Single(approve.Error.TrimEnd('\n').Split('\n'));
        }

        Assert.False(run.Exists(RunFolder.ApprovalsFile));
    }

    /// <summary>A fresh P-256 key pair: the private key as PKCS#8 PEM, the public key as <c>&lt;name&gt;.pem</c> in its own trust folder.</summary>
    private static (string PrivateKey, string TrustFolder) NewKeyPair(TempFolder temp, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var privateKey = temp.File(name + "-private.pem");
        File.WriteAllText(privateKey, key.ExportPkcs8PrivateKeyPem());
        var trust = temp.File("trust-" + name);
        Directory.CreateDirectory(trust);
        File.WriteAllText(Path.Combine(trust, name + ".pem"), key.ExportSubjectPublicKeyInfoPem());
        return (privateKey, trust);
    }
}
