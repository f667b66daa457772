using Minutes.Tests.Models;
using Minutes.Tests.Support;
using Minutes.Text;

namespace Minutes.Tests.Cli;

/// <summary>Messages in the user's language (MINUTES_LANG, else LC_ALL/LC_MESSAGES/LANG), and parse errors without .NET type names.</summary>
[Collection(nameof(EnvironmentCollection))]
public sealed class MessageLanguageTests
{
    [Theory]
    [InlineData("ja", "'foo' というコマンドはありません。'minutes --help' で一覧を表示します。")]
    [InlineData("en", "'foo' is not a command; 'minutes --help' lists them.")]
    public async Task An_unknown_command_is_one_line_in_the_users_language(string language, string expected)
    {
        using var _ = TestEnvironment.Set(Messages.EnvironmentVariable, language);

        var result = await CliRunner.RunAsync("foo");

        Assert.Equal((1, $"minutes: {expected}\n"), (result.ExitCode, result.Error.ReplaceLineEndings("\n")));
    }

    [Theory]
    [InlineData("ja", "minutes: 録音ファイルが見つかりません: missing.wav")]
    [InlineData("en", "minutes: Recording not found: missing.wav")]
    public async Task A_missing_recording_is_one_line_in_the_users_language(string language, string expected)
    {
        using var _ = TestEnvironment.Set(Messages.EnvironmentVariable, language);

        var result = await CliRunner.RunAsync("transcribe", "missing.wav", "-o", Path.Combine(Path.GetTempPath(), $"minutes-missing-{Guid.NewGuid():N}"), "--offline");

        Assert.Equal((2, expected), (result.ExitCode, result.Error.Trim()));
    }

    [Theory]
    [InlineData("ja", "'abc' は --speakers の値として使えません")]
    [InlineData("en", "'abc' is not a valid value for --speakers")]
    public async Task A_bad_value_names_the_option_and_never_a_dotnet_type(string language, string expected)
    {
        using var _ = TestEnvironment.Set(Messages.EnvironmentVariable, language);

        var result = await CliRunner.RunAsync("transcribe", "missing.wav", "--speakers", "abc");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_message_the_code_asks_for_exists_in_both_languages_with_the_same_placeholders_and_none_is_left_unused()
    {
        var table = File.ReadAllLines(Path.Combine(RepoPaths.Root, "src", "Minutes.Core", "Text", "messages.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .ToDictionary(c => c[0], c => c);
        var asked = Directory.GetFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "Messages\\.(?:Get|Of)\\(\"(\\w+)\""))
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .ToList();

        Assert.NotEmpty(asked);
        Assert.All(asked, key => Assert.True(table.ContainsKey(key), $"{key} is not in messages.tsv"));
        var code = string.Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.All(table.Keys, key => Assert.True(code.Contains($"\"{key}\"", StringComparison.Ordinal), $"{key} in messages.tsv is asked for by no code"));
        Assert.All(table.Values, cells =>
        {
            Assert.Equal(3, cells.Length);
            Assert.Equal(Placeholders(cells[1]), Placeholders(cells[2]));
        });
    }

    private static string Placeholders(string text) =>
        string.Join(",", System.Text.RegularExpressions.Regex.Matches(text, "\\{\\d+\\}").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("ja_JP.UTF-8", null, true)]
    [InlineData("C.UTF-8", null, false)]
    [InlineData("C.UTF-8", "ja_JP.UTF-8", true)]
    [InlineData("ja_JP.UTF-8", "en_US.UTF-8", false)]
    public void The_language_follows_lc_all_over_lang(string lang, string? lcAll, bool japanese)
    {
        using var a = TestEnvironment.Set(Messages.EnvironmentVariable, null);
        using var b = TestEnvironment.Set("LANG", lang);
        using var c = TestEnvironment.Set("LC_ALL", lcAll);
        using var d = TestEnvironment.Set("LC_MESSAGES", null);

        Assert.Equal(japanese, Messages.Japanese);
    }
}
