using System.IO.Compression;
using System.Text;
using Minutes.Json;
using Minutes.Keeping;
using Minutes.Privacy;
using Minutes.Review;
using Minutes.Runs;
using Minutes.Tests.Review;
using Minutes.Tests.Support;

namespace Minutes.Tests.Keeping;

/// <summary>What is kept afterwards: the archive of the approved record, and the purge of the recording and personal information that verify reads as purged, not tampered.</summary>
public sealed class KeepingTests : IDisposable
{
    private const string Phone = "090-1234-5678";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static async Task<CliRunner.Result> Succeeds(Task<CliRunner.Result> command)
    {
        var result = await command;
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        return result;
    }

    /// <summary>The committee meeting with the phone number decided as redacted, then approved.</summary>
    private async Task<RunFolder> ApprovedWithRedactionAsync()
    {
        var run = await ApprovalTests.ReviewedMeetingAsync(_temp);
        var phone = PrivacyDecisions.Review(run).Entries.First(e => e.Finding.Text == Phone).Id;
        await Succeeds(CliRunner.RunAsync("pii", run.Root, "--redact", phone, "--reviewer", "佐藤", "--reason", "個人の電話番号"));
        await Succeeds(CliRunner.RunAsync("approve", run.Root, "--reviewer", "鈴木", "--accept-flags", "m0008 confirmed"));
        return run;
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task The_archive_holds_minutes_approvals_and_redacted_traces_and_the_digests_of_what_it_leaves_out()
    {
        var run = await ApprovedWithRedactionAsync();
        var zipPath = _temp.File("keep/committee.zip");

        var result = await Succeeds(CliRunner.RunAsync("archive", run.Root, "-o", zipPath));

        Assert.Contains("committee.zip", result.Out, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(zipPath);
        var index = MinutesJson.Deserialize(Read(zip, ArchiveIndex.EntryName), MinutesJson.Context.ArchiveIndex);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        foreach (var expected in new[] { RunFolder.MinutesMarkdown, RunFolder.MinutesTrace, RunFolder.TranscriptTrace, RunFolder.ApprovalsFile, RunFolder.ManifestFile, RunFolder.PrivacyDecisionsTrace })
        {
            Assert.Contains(expected, names);
        }

        Assert.DoesNotContain(names, n => n.StartsWith("work/", StringComparison.Ordinal) || n == RunFolder.ReviewPage);
        var approval = ApprovalLog.Load(run).Approvals.Single();
        Assert.Equal(1, index.Version);
        Assert.Equal(["鈴木"], index.ApprovedBy);
        var audio = index.LeftOut.Single(f => f.Path == RunFolder.DecodedAudio);
        Assert.Equal(("recording", approval.Files.Single(f => f.Path == RunFolder.DecodedAudio).Sha256), (audio.Reason, audio.Sha256));
        Assert.Contains(index.LeftOut, f => f.Path == RunFolder.ReviewPage && f.Reason == "view");
        foreach (var file in index.Files.Where(f => approval.Files.Any(a => a.Path == f.Path)))
        {
            Assert.Equal(approval.Files.Single(a => a.Path == file.Path).Sha256, file.Sha256);
        }

        // Redacted as decided: the phone number is nowhere in the archive; the kept name (山田) is.
        foreach (var entry in zip.Entries)
        {
            Assert.DoesNotContain(Phone, Read(zip, entry.FullName), StringComparison.Ordinal);
        }

        var transcript = Read(zip, RunFolder.TranscriptTrace);
        Assert.Contains("○○", transcript, StringComparison.Ordinal);
        Assert.Contains("山田", transcript, StringComparison.Ordinal);
        var archived = index.Files.Single(f => f.Path == RunFolder.TranscriptTrace);
        Assert.NotNull(archived.RedactedSha256);
        Assert.Equal(archived.RedactedSha256, Hashing.Sha256OfText(transcript));
        Assert.Contains(Phone, File.ReadAllText(run.PathOf(RunFolder.TranscriptTrace)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unapproved_run_is_neither_archived_nor_purged()
    {
        var run = await ApprovalTests.ReviewedMeetingAsync(_temp);

        var archive = await CliRunner.RunAsync("archive", run.Root, "-o", _temp.File("x.zip"));
        var purge = await CliRunner.RunAsync("purge", run.Root, "--recording", "--reviewer", "佐藤");

        Assert.Equal(ExitCodes.Failure, archive.ExitCode);
        Assert.Equal(ExitCodes.Failure, purge.ExitCode);
        Assert.Single(purge.Error.TrimEnd('\n').Split('\n'));
        Assert.False(File.Exists(_temp.File("x.zip")));
        Assert.True(run.Exists(RunFolder.DecodedAudio));
        Assert.False(run.Exists(PurgeLog.File));
    }

    [Fact]
    public async Task After_a_purge_verify_reports_the_run_approved_with_the_recording_purged_and_catches_any_other_change()
    {
        var run = await ApprovedWithRedactionAsync();

        await Succeeds(CliRunner.RunAsync("purge", run.Root, "--personal-information", "--reviewer", "佐藤"));
        var afterPii = await CliRunner.RunAsync("verify", run.Root, "--require-approval");
        Assert.True(afterPii.ExitCode == 0, afterPii.Out + afterPii.Error);
        Assert.Contains($"PURGED {RunFolder.TranscriptTrace}", afterPii.Out, StringComparison.Ordinal);
        Assert.True(run.Exists(RunFolder.DecodedAudio));
        foreach (var file in new[] { RunFolder.TranscriptTrace, RunFolder.MinutesTrace, RunFolder.MinutesMarkdown, RunFolder.ReviewPage })
        {
            Assert.DoesNotContain(Phone, File.ReadAllText(run.PathOf(file)), StringComparison.Ordinal);
        }

        var purge = await Succeeds(CliRunner.RunAsync("purge", run.Root, "--recording", "--reviewer", "佐藤", "--reason", "保存期間の満了"));
        var verify = await CliRunner.RunAsync("verify", run.Root, "--require-approval");

        Assert.Contains("Purge 2", purge.Out, StringComparison.Ordinal);
        Assert.False(run.Exists(RunFolder.DecodedAudio));
        Assert.True(verify.ExitCode == 0, verify.Out + verify.Error);
        Assert.Contains($"PURGED {RunFolder.DecodedAudio}", verify.Out, StringComparison.Ordinal);
        Assert.Contains($"PURGED {RunFolder.TranscriptTrace}", verify.Out, StringComparison.Ordinal);
        Assert.Contains("status: version 1 approved by 鈴木", verify.Out, StringComparison.Ordinal);
        var entry = PurgeLog.Load(run).Purges[^1];
        Assert.Equal(["recording"], entry.What);
        Assert.Equal(("佐藤", "保存期間の満了"), (entry.Reviewer, entry.Reason));
        Assert.Contains(entry.Files, f => f.Path == RunFolder.DecodedAudio && f.After is null);

        // The archive of a purged run still says what the approved files were.
        await Succeeds(CliRunner.RunAsync("archive", run.Root, "-o", _temp.File("purged.zip")));
        using (var zip = ZipFile.OpenRead(_temp.File("purged.zip")))
        {
            var index = MinutesJson.Deserialize(Read(zip, ArchiveIndex.EntryName), MinutesJson.Context.ArchiveIndex);
            Assert.Contains(index.LeftOut, f => f.Path == RunFolder.DecodedAudio && f.Reason == "purged");
        }

        // A purged file that changes again, or a file no purge names, is still tampering.
        File.AppendAllText(run.PathOf(RunFolder.TranscriptTrace), " ");
        Assert.Equal(ExitCodes.VerificationFailed, (await CliRunner.RunAsync("verify", run.Root)).ExitCode);
        File.WriteAllText(run.PathOf(RunFolder.TranscriptTrace), File.ReadAllText(run.PathOf(RunFolder.TranscriptTrace))[..^1]);
        Assert.Equal(0, (await CliRunner.RunAsync("verify", run.Root)).ExitCode);
        File.Delete(run.PathOf(RunFolder.SessionsTrace));
        var missing = await CliRunner.RunAsync("verify", run.Root);
        Assert.Equal(ExitCodes.VerificationFailed, missing.ExitCode);
        Assert.Contains($"MISSING {RunFolder.SessionsTrace}", missing.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("𠮷田")]
    [InlineData("山田 \"太郎\"")]
    [InlineData(@"C:\会議\名簿")]
    public void A_redacted_text_is_replaced_in_json_as_the_traces_encoder_escapes_it(string name)
    {
        // Written the way every trace is: MinutesJson's encoder escapes a character outside the basic plane, a quote and a backslash.
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Encoder = MinutesJson.Context.Options.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("text", $"発言者は{name}です");
            writer.WriteEndObject();
        }

        var written = buffer.ToArray();
        Assert.DoesNotContain(name, Encoding.UTF8.GetString(written), StringComparison.Ordinal);

        var redacted = Encoding.UTF8.GetString(Redaction.Apply(written, [name]));

        Assert.Equal("{\"text\":\"発言者は○○です\"}", redacted);
    }
}
