using System.Text.Json;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Tests.Review;
using Minutes.Tests.Support;
using Minutes.Text;

namespace Minutes.Tests.Cli;

/// <summary>
/// The last lines a clerk met in English: the agenda's warnings, the approvals on the review page,
/// an approval log found altered, a speaker model or a configuration that fails in the doctor.
/// The console speaks the user's language; the traces and <c>--json</c> stay English.
/// </summary>
public sealed partial class MessageResourceTests
{
    [Fact]
    public async Task An_agenda_warning_is_said_in_the_users_language_and_kept_in_english_in_the_trace()
    {
        using var temp = new TempFolder();
        async Task<(CliRunner.Result Result, IReadOnlyList<string> Notes)> ImportAsync(string language)
        {
            using var _ = TestEnvironment.Set(Messages.EnvironmentVariable, language);
            var run = temp.File($"run-{language}");
            var result = await CliRunner.RunAsync("import", RepoPaths.Fixture("import/meeting.vtt"), "-o", run, "--agenda", RepoPaths.Fixture("import/nothing.agenda.txt"));
            Assert.True(result.ExitCode == 0, result.Error);
            return (result, RunFolder.Open(run).Read(RunFolder.SessionsTrace, MinutesJson.Context.SessionPlan).Notes);
        }

        var (ja, jaNotes) = await ImportAsync("ja");
        var (en, enNotes) = await ImportAsync("en");

        Assert.Contains("minutes: 警告: 議事次第ファイル nothing.agenda.txt は文字起こしのどこにも一致しませんでした。", ja.Error, StringComparison.Ordinal);
        Assert.Contains("minutes: warning: the agenda file nothing.agenda.txt matched nothing in the transcript; the sessions come from cue phrases and pauses.", en.Error, StringComparison.Ordinal);
        NoEnglishSentence(ja.Error);
        Assert.DoesNotMatch(Kana(), en.Error);
        // Said once, as the stage ran: not again by the summary.
        Assert.Single(ja.Error.Split('\n'), l => l.Contains("nothing.agenda.txt", StringComparison.Ordinal));
        Assert.Equal(enNotes, jaNotes);
        Assert.Contains("warning: the agenda file nothing.agenda.txt matched nothing in the transcript; the sessions come from cue phrases and pauses.", jaNotes);
    }

    [Theory]
    [InlineData("small-overlap.srt", "Clamped 1 overlap(s) of at most 200 ms", "隣り合う字幕の重なり 1 件（最大 200 ミリ秒）を詰めました。")]
    [InlineData("untimed.txt", "untimed.txt has no times: synthesised monotonic times (0.15 s a character", "untimed.txt には時刻がありません。")]
    public async Task What_import_notes_of_the_file_is_said_in_the_users_language(string file, string english, string japanese)
    {
        using var temp = new TempFolder();
        async Task<CliRunner.Result> ImportAsync(string language)
        {
            using var _ = TestEnvironment.Set(Messages.EnvironmentVariable, language);
            return await CliRunner.RunAsync("import", RepoPaths.Fixture($"import/{file}"), "-o", temp.File($"run-{language}"));
        }

        var ja = await ImportAsync("ja");
        var en = await ImportAsync("en");

        Assert.True(ja.ExitCode == 0, ja.Error);
        Assert.Contains("minutes: " + japanese, ja.Error, StringComparison.Ordinal);
        Assert.Contains("minutes: " + english, en.Error, StringComparison.Ordinal);
        NoEnglishSentence(ja.Error);
        Assert.DoesNotMatch(Kana(), en.Error);
    }

    [Fact]
    public async Task The_review_page_lists_approvals_in_japanese_under_any_locale()
    {
        using var temp = new TempFolder();
        var run = await ApprovedRunAsync(temp);

        using (TestEnvironment.Set(Messages.EnvironmentVariable, "en"))
        {
            Assert.Equal(0, (await CliRunner.RunAsync("review", run.Root)).ExitCode);
        }

        var page = await File.ReadAllTextAsync(run.PathOf(RunFolder.ReviewPage));
        var approvals = page[page.IndexOf("<section id=\"approvals\">", StringComparison.Ordinal)..];
        approvals = approvals[..(approvals.IndexOf("</section>", StringComparison.Ordinal) + 10)];
        Assert.Matches(@"<li>承認 1（sato、\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC）、第 1 版 ", approvals);
        Assert.DoesNotContain("version", approvals, StringComparison.Ordinal);
        Assert.DoesNotContain("approval 1 by", approvals, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_says_why_the_approval_log_is_altered_in_the_users_language_and_in_english_in_json()
    {
        using var temp = new TempFolder();
        var run = await ApprovedRunAsync(temp);
        var log = run.PathOf(RunFolder.ApprovalsFile);
        var text = await File.ReadAllTextAsync(log);
        var altered = System.Text.RegularExpressions.Regex.Replace(text, "\"sequence\": 1\\b", "\"sequence\": 2");
        Assert.NotEqual(text, altered);
        await File.WriteAllTextAsync(log, altered);

        var (ja, en) = await BothAsync("verify", run.Root);
        var (jaJson, enJson) = await BothAsync("verify", run.Root, "--json");

        Assert.Equal((3, 3), (ja.ExitCode, en.ExitCode));
        Assert.Contains("項目 1 の番号が 2 です", ja.Out, StringComparison.Ordinal);
        Assert.Contains("entry 1 has sequence 2", en.Out, StringComparison.Ordinal);
        NoEnglishSentence(ja.Out);
        Assert.DoesNotMatch(Kana(), en.Out);
        Assert.Equal(enJson.Out, jaJson.Out);
        Assert.Contains("entry 1 has sequence 2", jaJson.Out, StringComparison.Ordinal);
        Assert.DoesNotMatch(Kana(), jaJson.Out);
    }

    [Fact]
    public async Task Doctor_gives_a_failing_speaker_model_and_configuration_in_english_in_json_under_any_locale()
    {
        using var temp = new TempFolder();
        using var models = TestEnvironment.Set("MINUTES_MODELS", temp.Path);
        using var endpoint = TestEnvironment.Set("MINUTES_LLM_ENDPOINT", null);
        using var speaker = TestEnvironment.Set(Minutes.Speakers.SpeakerEmbedders.EnvironmentVariable, temp.File("no-such-model.onnx"));
        using var config = TestEnvironment.Set(Minutes.Configuration.MinutesConfig.EnvironmentVariable, temp.File("no-such-minutes.json"));

        var (ja, en) = await BothAsync("doctor");
        var (jaJson, enJson) = await BothAsync("doctor", "--json");

        NoEnglishSentence(ja.Out);
        Assert.DoesNotMatch(Kana(), en.Out);
        Assert.Equal(enJson.Out, jaJson.Out);
        using var document = JsonDocument.Parse(jaJson.Out);
        var checks = document.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
        Assert.Equal("fail", checks["speaker model"].GetProperty("status").GetString());
        Assert.Contains("no-such-model.onnx", checks["speaker model"].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("no-such-minutes.json", checks["llm"].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.All(checks.Values, c => Assert.DoesNotMatch(Kana(), c.GetProperty("detail").GetString()!));
    }

    /// <summary>The committee meeting, reviewed and approved once by sato.</summary>
    private static async Task<RunFolder> ApprovedRunAsync(TempFolder temp)
    {
        var run = await CommitteeMeeting.CreateForReviewAsync(temp.File("run"));
        Assert.Equal(0, (await CliRunner.RunAsync("review", run.Root)).ExitCode);
        var approve = await CliRunner.RunAsync("approve", run.Root, "--reviewer", "sato", "--accept-flags", "checked");
        Assert.True(approve.ExitCode == 0, approve.Error);
        return run;
    }
}
