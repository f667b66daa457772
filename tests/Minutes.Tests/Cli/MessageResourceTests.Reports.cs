using System.Text.Json;
using System.Text.RegularExpressions;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Speakers;
using Minutes.Tests.Review;
using Minutes.Tests.Sessions;
using Minutes.Tests.Support;
using Minutes.Text;

namespace Minutes.Tests.Cli;

/// <summary>
/// The reports of verify, doctor, eval and review (what blocks approval) in the user's language:
/// under Japanese no English sentence is left (file names, ids, numbers, stage and model names
/// may stay), under English no kana; their <c>--json</c> is the same under either.
/// </summary>
public sealed partial class MessageResourceTests
{
    [Fact]
    public async Task Verify_prints_its_report_in_the_users_language_and_its_json_in_english_under_either()
    {
        using var temp = new TempFolder();
        var run = await ApprovedRunAsync(temp);
        await File.AppendAllTextAsync(run.PathOf(RunFolder.TranscriptTrace), " ");

        var (ja, en) = await BothAsync("verify", run.Root);
        var (jaJson, enJson) = await BothAsync("verify", run.Root, "--json");

        Assert.Equal((3, 3), (ja.ExitCode, en.ExitCode));
        Assert.Contains($"【変更】{RunFolder.TranscriptTrace}: transcript 段階が記録した内容と異なります", ja.Out, StringComparison.Ordinal);
        Assert.Contains("状態: 検証に失敗しました。第1版は承認されていません", ja.Out, StringComparison.Ordinal);
        Assert.Contains($"CHANGED {RunFolder.TranscriptTrace}: differs from what the transcript stage recorded", en.Out, StringComparison.Ordinal);
        Assert.Contains("; changed after approval 1 by sato (", en.Out, StringComparison.Ordinal);
        NoEnglishSentence(ja.Out);
        Assert.DoesNotMatch(Kana(), en.Out);
        Assert.Equal(enJson.Out, jaJson.Out);
        using var json = JsonDocument.Parse(jaJson.Out);
        Assert.Contains(json.RootElement.GetProperty("lines").EnumerateArray(), l => l.GetString()!.StartsWith($"CHANGED {RunFolder.TranscriptTrace}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Review_prints_what_blocks_approval_in_the_users_language_the_page_in_japanese_and_its_json_in_english()
    {
        using var temp = new TempFolder();
        var run = await CommitteeMeeting.CreateForReviewAsync(temp.File("run"), confidentiality: 3);

        var (ja, en) = await BothAsync("review", run.Root);
        var (jaJson, enJson) = await BothAsync("review", run.Root, "--json");

        Assert.Contains("承認を妨げる点:", ja.Out, StringComparison.Ordinal);
        Assert.Contains("  - 裏付けのない記述が 1 件あります（m0008）。", ja.Out, StringComparison.Ordinal);
        Assert.Contains("  - 機密レベル 3: 異なる 2 人の確認者の承認が必要です", ja.Out, StringComparison.Ordinal);
        Assert.Contains("  - 1 unsupported statement(s) (m0008): check them against the recording", en.Out, StringComparison.Ordinal);
        Assert.Contains("  - confidentiality level 3: approved only after two different reviewers", en.Out, StringComparison.Ordinal);
        NoEnglishSentence(Blockers(ja.Out));
        Assert.DoesNotMatch(Kana(), Blockers(en.Out));
        Assert.Equal(enJson.Out, jaJson.Out);
        using var json = JsonDocument.Parse(jaJson.Out);
        Assert.Contains(json.RootElement.GetProperty("blockers").EnumerateArray(), b => b.GetString()!.StartsWith("1 unsupported statement(s) (m0008)", StringComparison.Ordinal));
        // The review page is Japanese whatever the locale: so are its blockers.
        var page = await File.ReadAllTextAsync(run.PathOf(RunFolder.ReviewPage));
        Assert.Contains("<li class=\"blocker\">機密レベル 3: 異なる 2 人の確認者の承認が必要です</li>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_prints_its_checks_in_the_users_language_aligned_and_its_json_details_in_english()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("ggml-small.bin"), "<html>not a model</html>");
        using var models = TestEnvironment.Set("MINUTES_MODELS", temp.Path);
        using var endpoint = TestEnvironment.Set("MINUTES_LLM_ENDPOINT", null);

        var (ja, en) = await BothAsync("doctor");
        var (jaJson, enJson) = await BothAsync("doctor", "--json");

        Assert.Equal((2, 2), (ja.ExitCode, en.ExitCode));
        Assert.Contains("失敗  Whisper モデル   ggml-small.bin は ggml 形式のモデルファイルではないファイル です。削除するか置き換えてください", ja.Out, StringComparison.Ordinal);
        Assert.Contains("FAIL  whisper model    ggml-small.bin is not a ggml model file; remove or replace it", en.Out, StringComparison.Ordinal);
        NoEnglishSentence(ja.Out);
        Assert.DoesNotMatch(Kana(), en.Out);
        // The detail starts at column 23 of every line (status 5, name 16, a space after each), Japanese counted two columns a character.
        foreach (var line in (ja.Out + en.Out).ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.True(StartsAtColumn(line, 23), $"not aligned: {line}");
        }

        using var jaDoc = JsonDocument.Parse(jaJson.Out);
        var details = jaDoc.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("detail").GetString()!).ToList();
        Assert.Contains("ggml-small.bin is not a ggml model file; remove or replace it", details);
        Assert.All(details, d => Assert.DoesNotMatch(Kana(), d));
        Assert.Contains(jaDoc.RootElement.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "whisper model");
    }

    [Fact]
    public async Task Eval_prints_its_scores_in_the_users_language()
    {
        using var temp = new TempFolder();
        var (sessions, shifted) = await SessionScoringTests.ImportWithShiftedReferenceAsync(temp);
        var speakers = RunFolder.Create(temp.File("speakers"), null);
        speakers.Write(RunFolder.SpeakersTrace, new SpeakerMap("test", new Dictionary<string, string>(), [new Speaker("S1", "S1", NameSources.Anonymous, null, 10)], [new SpeakerTurn(0, 8, "S1")], []), MinutesJson.Context.SpeakerMap);
        var rttm = temp.File("ref.rttm");
        await File.WriteAllTextAsync(rttm, "SPEAKER m 1 0.000 10.000 <NA> <NA> A <NA> <NA>\n");

        var (jaSessions, enSessions) = await BothAsync("eval", "sessions", sessions, "--reference", shifted, "--tolerance", "2");
        var (jaDer, enDer) = await BothAsync("eval", "diarization", speakers.Root, "--reference", rttm, "--collar", "0");

        Assert.Contains("適合率 0.800  再現率 0.800  F1 0.800", jaSessions.Out, StringComparison.Ordinal);
        Assert.Contains("  見落とし  p02", jaSessions.Out, StringComparison.Ordinal);
        Assert.Contains("precision 0.800  recall 0.800  F1 0.800", enSessions.Out, StringComparison.Ordinal);
        Assert.StartsWith("DER 20.00 %  発話の見逃し 20.00 %", jaDer.Out, StringComparison.Ordinal);
        Assert.StartsWith("DER 20.00 %  miss 20.00 %", enDer.Out, StringComparison.Ordinal);
        // The session titles are the meeting's own words; what is left of each line is the tool's.
        var found = RunFolder.Open(sessions).Read(RunFolder.SessionsTrace, MinutesJson.Context.SessionPlan).Sessions.Select(p => p.Title);
        var titles = File.ReadAllLines(shifted).SelectMany(l => l.Split('\t')).Concat(found).Where(c => c.Any(ch => ch > 0x2000)).OrderByDescending(t => t.Length).ToList();
        foreach (var output in new[] { jaSessions.Out, jaDer.Out })
        {
            NoEnglishSentence(output);
        }

        foreach (var output in new[] { enSessions.Out, enDer.Out })
        {
            Assert.DoesNotMatch(Kana(), titles.Aggregate(output, (o, t) => o.Replace(t, string.Empty, StringComparison.Ordinal)));
        }
    }

    /// <summary>The command under MINUTES_LANG=ja and under MINUTES_LANG=en.</summary>
    private static async Task<(CliRunner.Result Ja, CliRunner.Result En)> BothAsync(params string[] args)
    {
        CliRunner.Result ja, en;
        using (TestEnvironment.Set(Messages.EnvironmentVariable, "ja"))
        {
            ja = await CliRunner.RunAsync(args);
        }

        using (TestEnvironment.Set(Messages.EnvironmentVariable, "en"))
        {
            en = await CliRunner.RunAsync(args);
        }

        return (ja, en);
    }

    /// <summary>
    /// No run of three English words: ids (m0008, s0004), file names and paths, numbers, stage names
    /// and the machine's own descriptions (CPU features, the OS) are single words or joined by
    /// punctuation; a sentence left in English is not.
    /// </summary>
    private static void NoEnglishSentence(string output)
    {
        foreach (var line in output.ReplaceLineEndings("\n").Split('\n'))
        {
            // A command to type (`minutes models pull silero-v6.2.0`) is not a sentence.
            Assert.False(EnglishWords().IsMatch(Command().Replace(line, string.Empty)), $"English left: {line}");
        }
    }

    /// <summary>The lines under the "blocks approval" line.</summary>
    private static string Blockers(string output) =>
        string.Join("\n", output.ReplaceLineEndings("\n").Split('\n').Where(l => l.StartsWith("  - ", StringComparison.Ordinal)));

    /// <summary>Whether something other than a space starts at display column <paramref name="column"/>, after a space.</summary>
    private static bool StartsAtColumn(string line, int column)
    {
        var width = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (width == column)
            {
                return line[i - 1] == ' ' && line[i] != ' ';
            }

            width += DisplayWidth.IsWide(System.Text.Rune.GetRuneAt(line, i)) ? 2 : 1;
        }

        return false;
    }

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex Command();

    [GeneratedRegex("(?<![\\w/.-])[A-Za-z]{2,}(?:[ ,;]+[A-Za-z]{2,}){2,}(?![\\w/.-])")]
    private static partial Regex EnglishWords();
}
