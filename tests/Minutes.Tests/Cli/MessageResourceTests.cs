using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Minutes.Cli;
using Minutes.Tests.Models;
using Minutes.Tests.Support;
using Minutes.Text;

namespace Minutes.Tests.Cli;

/// <summary>
/// Every text a person reads comes from messages.tsv: errors, console lines and the help of every
/// command, option and argument, in Japanese under a Japanese locale and in English otherwise.
/// </summary>
[Collection(nameof(EnvironmentCollection))]
public sealed partial class MessageResourceTests
{
    [Theory]
    [InlineData("ja_JP.UTF-8", "minutes: 録音ファイルが見つかりません: missing.wav")]
    [InlineData("C.UTF-8", "minutes: Recording not found: missing.wav")]
    public async Task Transcribe_of_a_missing_recording_speaks_the_language_of_LANG(string lang, string expected)
    {
        using var _ = Locale(lang);

        var result = await CliRunner.RunAsync("transcribe", "missing.wav", "-o", Path.Combine(Path.GetTempPath(), $"minutes-missing-{Guid.NewGuid():N}"), "--offline");

        Assert.Equal((2, expected), (result.ExitCode, result.Error.Trim()));
    }

    [Theory]
    [InlineData(new[] { "transcribe" }, "Give a recording", "録音ファイル（一つの会議の複数の録音なら順に）か")]
    [InlineData(new[] { "speakers", "enroll", "委員長" }, "Give either a recording of the voice", "声の録音ファイルか")]
    [InlineData(new[] { "correct", "no-such-run", "--reviewer", "佐藤" }, "Give one correction", "訂正を一つ指定してください")]
    [InlineData(new[] { "review", "no-such-run" }, "is not a run folder", "は実行フォルダーではありません")]
    [InlineData(new[] { "approve", "no-such-run", "--reviewer", "佐藤" }, "is not a run folder", "は実行フォルダーではありません")]
    [InlineData(new[] { "draft", "no-such-run", "--offline", "--style", "long" }, "is not a run folder", "は実行フォルダーではありません")]
    public async Task Commands_fail_with_one_line_in_the_users_language(string[] args, string english, string japanese)
    {
        foreach (var (language, expected, unexpected) in new[] { ("ja", japanese, english), ("en", english, japanese) })
        {
            using var _ = TestEnvironment.Set(Messages.EnvironmentVariable, language);

            var result = await CliRunner.RunAsync(args);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Single(result.Error.Trim().Split('\n'));
            Assert.Contains(expected, result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(unexpected, result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Models_list_prints_its_table_in_the_users_language()
    {
        using var folder = new TempFolder();
        using var models = TestEnvironment.Set("MINUTES_MODELS", folder.Path);
        using (TestEnvironment.Set(Messages.EnvironmentVariable, "ja"))
        {
            var ja = await CliRunner.RunAsync("models", "list");
            Assert.True(ja.ExitCode == 0, ja.Error);
            Assert.StartsWith($"モデルフォルダー: {folder.Path}", ja.Out, StringComparison.Ordinal);
            Assert.Contains("名前", ja.Out, StringComparison.Ordinal);
        }

        using (TestEnvironment.Set(Messages.EnvironmentVariable, "en"))
        {
            var en = await CliRunner.RunAsync("models", "list");
            Assert.True(en.ExitCode == 0, en.Error);
            Assert.StartsWith($"Models folder: {folder.Path}", en.Out, StringComparison.Ordinal);
            Assert.DoesNotMatch(Kana(), en.Out);
        }
    }

    [Theory]
    [InlineData("transcribe", "missing.wav", "--speakers", "abc")]
    [InlineData("transcribe", "missing.wav", "--stop-after", "everything")]
    [InlineData("transcribe", "missing.wav", "--threads", "1.5")]
    [InlineData("render", "run", "--format", "pdf")]
    [InlineData("review", "run", "--port", "eighty")]
    [InlineData("eval", "sessions", "run", "--reference", "ref.tsv", "--tolerance", "x")]
    public async Task A_parse_error_is_one_line_without_dotnet_type_names_in_both_languages(params string[] args)
    {
        foreach (var language in new[] { "ja", "en" })
        {
            using var _ = TestEnvironment.Set(Messages.EnvironmentVariable, language);

            var result = await CliRunner.RunAsync(args);

            Assert.Equal(1, result.ExitCode);
            Assert.Single(result.Error.Trim().Split('\n'));
            Assert.DoesNotMatch(TypeName(), result.Error);
            Assert.Contains($"'{args[^1]}'", result.Error, StringComparison.Ordinal);
            Assert.Equal(language == "ja", Kana().IsMatch(result.Error));
        }
    }

    [Fact]
    public async Task Help_reads_japanese_under_a_japanese_LANG_and_english_under_C()
    {
        using (Locale("ja_JP.UTF-8"))
        {
            var root = await CliRunner.RunAsync("--help");
            var transcribe = await CliRunner.RunAsync("transcribe", "--help");
            Assert.Contains("会議の録音から", root.Out, StringComparison.Ordinal);
            Assert.Contains("Whisper のモデル", transcribe.Out, StringComparison.Ordinal);
        }

        using (Locale("C.UTF-8"))
        {
            var transcribe = await CliRunner.RunAsync("transcribe", "--help");
            Assert.Contains("Whisper model: a name", transcribe.Out, StringComparison.Ordinal);
            Assert.DoesNotMatch(Kana(), transcribe.Out);
        }
    }

    [Fact]
    public void Every_description_of_every_command_option_and_argument_comes_from_the_messages()
    {
        foreach (var language in new[] { "ja", "en" })
        {
            using var _ = TestEnvironment.Set(Messages.EnvironmentVariable, language);
            var culture = CultureInfo.CurrentUICulture;
            // As MinutesApp does: System.CommandLine's own options (--help, --version) follow the UI culture.
            CultureInfo.CurrentUICulture = Messages.UiCulture;
            List<(string Symbol, string? Text)> texts;
            try
            {
                texts = Descriptions(MinutesApp.BuildRoot(new CliConsole(TextWriter.Null, TextWriter.Null, false)), "minutes").ToList();
            }
            finally
            {
                CultureInfo.CurrentUICulture = culture;
            }


            Assert.True(texts.Count > 100, $"{texts.Count} descriptions");
            Assert.All(texts, t =>
            {
                Assert.False(string.IsNullOrWhiteSpace(t.Text), $"{t.Symbol} has no description");
                // Japanese sentences always hold kana; English ones keep only kanji terms such as 会議録 or 要点筆記.
                Assert.True(Kana().IsMatch(t.Text) == (language == "ja"), $"{language}: {t.Symbol}: {t.Text}");
            });
        }
    }

    [Fact]
    public void No_MinutesException_is_built_from_a_string_literal()
    {
        var offenders = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            var code = File.ReadAllText(file);
            foreach (Match match in Construction().Matches(code))
            {
                var arguments = Balanced(code, match.Index + match.Length - 1);
                var withoutMessages = Comparison().Replace(WithoutMessages(arguments), string.Empty);
                // What is left of the arguments, once the messages are taken out, may name variables but hold no text.
                if (withoutMessages.Contains('"', StringComparison.Ordinal))
                {
                    var line = code[..match.Index].Count(c => c == '\n') + 1;
                    offenders.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}:{line}: {arguments.ReplaceLineEndings(" ")}");
                }
            }
        }

        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    private static IEnumerable<(string Symbol, string? Text)> Descriptions(Command command, string path)
    {
        yield return (path, command.Description);
        foreach (var option in command.Options)
        {
            yield return ($"{path} {option.Name}", option.Description);
        }

        foreach (var argument in command.Arguments)
        {
            yield return ($"{path} <{argument.Name}>", argument.Description);
        }

        foreach (var sub in command.Subcommands)
        {
            foreach (var text in Descriptions(sub, $"{path} {sub.Name}"))
            {
                yield return text;
            }
        }
    }

    /// <summary>The arguments with every <c>Messages.Get(…)</c> and <c>Messages.Of(…)</c> call taken out, whatever its arguments hold.</summary>
    private static string WithoutMessages(string arguments)
    {
        foreach (var call in new[] { "Messages.Get(", "Messages.Of(" })
        {
            int at;
            while ((at = arguments.IndexOf(call, StringComparison.Ordinal)) >= 0)
            {
                var inner = Balanced(arguments, at + call.Length - 1);
                arguments = arguments[..at] + arguments[(at + call.Length + inner.Length + 1)..];
            }
        }

        return arguments;
    }

    /// <summary>The text between the parenthesis at <paramref name="open"/> and its partner.</summary>
    private static string Balanced(string code, int open)
    {
        var depth = 0;
        for (var i = open; i < code.Length; i++)
        {
            depth += code[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                return code[(open + 1)..i];
            }
        }

        return code[(open + 1)..];
    }

    /// <summary>LANG alone decides, as in a clerk's shell: the variables that win over it are cleared.</summary>
    private static IDisposable Locale(string lang) => new Scope(
        TestEnvironment.Set(Messages.EnvironmentVariable, null),
        TestEnvironment.Set("LC_ALL", null),
        TestEnvironment.Set("LC_MESSAGES", null),
        TestEnvironment.Set("LANG", lang));

    private sealed class Scope(params IDisposable[] parts) : IDisposable
    {
        public void Dispose()
        {
            foreach (var part in parts.Reverse())
            {
                part.Dispose();
            }
        }
    }

    [GeneratedRegex("[\\u3041-\\u309F\\u30A0-\\u30FF]")]
    private static partial Regex Kana();

    [GeneratedRegex("System\\.|Minutes\\.|`1|Nullable|Int32|Double|expected type")]
    private static partial Regex TypeName();

    [GeneratedRegex("new (?:Runs\\.)?MinutesException\\(|MinutesException \\w+\\([^)]*\\) =>\\s*new\\(")]
    private static partial Regex Construction();

    /// <summary>A literal compared with (<c>outcome == "connection failed"</c>) chooses a message; it is not one.</summary>
    [GeneratedRegex("[!=]= \"[^\"]*\"")]
    private static partial Regex Comparison();
}
