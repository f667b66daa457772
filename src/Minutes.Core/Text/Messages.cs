using System.Globalization;

namespace Minutes.Text;

/// <summary>
/// The messages a person reads, from <c>Text/messages.tsv</c>, in Japanese when the user's
/// language is Japanese and in English otherwise. The language is <c>MINUTES_LANG</c> (<c>ja</c> or
/// <c>en</c>) when set, else the UI culture, which .NET takes from <c>LC_ALL</c>, <c>LC_MESSAGES</c>
/// or <c>LANG</c> on Linux and from the Windows display language.
/// </summary>
public static class Messages
{
    public const string EnvironmentVariable = "MINUTES_LANG";

    private static readonly Dictionary<string, (string En, string Ja)> Table = Load();

    /// <summary>Whether messages are written in Japanese for this process.</summary>
    public static bool Japanese => Language() == "ja";

    /// <summary>The message <paramref name="key"/> in the user's language, with its placeholders filled.</summary>
    public static string Get(string key, params object?[] args) => Format(Of(key, args), Japanese);

    /// <summary>The message <paramref name="key"/> kept for later, to be written in whichever language reads it.</summary>
    public static Message Of(string key, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length > 0 && !Table.ContainsKey(key))
        {
            throw new InvalidOperationException($"No message {key} in messages.tsv.");
        }

        return new Message(key, args);
    }

    /// <summary>
    /// Text that is already written (a file's own words, another component's message) carried as a
    /// message: the same in both languages.
    /// </summary>
    public static Message Verbatim(string text) => new(string.Empty, [text]);

    /// <summary>Messages (or text) written one after the other, each in the language of the whole.</summary>
    public static Message Joined(IReadOnlyList<object?> parts) => new(string.Empty, parts);

    /// <summary>The message in Japanese or English, its placeholders filled; arguments that are messages in the same language.</summary>
    public static string Format(Message message, bool japanese)
    {
        ArgumentNullException.ThrowIfNull(message);
        var args = message.Args.Select(a => a is Message inner ? Format(inner, japanese) : a).ToArray();
        if (message.Key.Length == 0)
        {
            return string.Concat(args);
        }

        var texts = Table[message.Key];
        return string.Format(CultureInfo.InvariantCulture, japanese ? texts.Ja : texts.En, args);
    }

    /// <summary>The culture for libraries' own texts (System.CommandLine's help and parse errors).</summary>
    public static CultureInfo UiCulture => Japanese ? CultureInfo.GetCultureInfo("ja-JP") : CultureInfo.GetCultureInfo("en-US");

    private static string Language()
    {
        var chosen = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(chosen))
        {
            return chosen.Trim().StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? "ja" : "en";
        }

        // LC_ALL wins over LC_MESSAGES wins over LANG, as for any program on Linux; .NET's culture covers Windows.
        foreach (var name in new[] { "LC_ALL", "LC_MESSAGES", "LANG" })
        {
            var value = Environment.GetEnvironmentVariable(name);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? "ja" : "en";
            }
        }

        return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja" ? "ja" : "en";
    }

    private static Dictionary<string, (string, string)> Load()
    {
        var table = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        using var reader = new StringReader(ResourceLines.EmbeddedText("Minutes.Text.messages.tsv"));
        foreach (var line in ResourceLines.Read(reader))
        {
            var cells = line.Split('\t');
            if (cells.Length == 3)
            {
                table[cells[0]] = (cells[1], cells[2]);
            }
        }

        return table;
    }
}
