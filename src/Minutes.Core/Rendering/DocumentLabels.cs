using Minutes.Text;

namespace Minutes.Rendering;

/// <summary>
/// The fixed words of the documents and the review page (会議録, 日時 …), read from the embedded
/// resource <c>labels-ja.txt</c> so that no Japanese wording lives in C# code.
/// </summary>
public sealed class DocumentLabels
{
    private const string ResourceName = "Minutes.Rendering.labels-ja.txt";
    private readonly Dictionary<string, string> _values;

    private DocumentLabels(Dictionary<string, string> values, string sha256)
    {
        _values = values;
        Sha256 = sha256;
    }

    /// <summary>The labels shipped with the tool.</summary>
    public static DocumentLabels Japanese { get; } = Load();

    public string this[string key] =>
        _values.TryGetValue(key, out var value)
            ? value
            : throw new KeyNotFoundException($"The label '{key}' is missing from {ResourceName}.");

    /// <summary>The label, or null when the file has none (for labels named after a value: <c>VoteMethod.simple</c>).</summary>
    public string? Optional(string key) => _values.GetValueOrDefault(key);

    /// <summary>The digest of the label file: a stage parameter, so that new wording renders again on resume.</summary>
    public string Sha256 { get; }

    public string Title => this["Title"];

    public string SpeakerMark => this["SpeakerMark"];

    public string ListSeparator => this["ListSeparator"];

    public string FieldSeparator => this["FieldSeparator"];

    public string Unsupported => this["Unsupported"];

    /// <summary>Parses <c>key=value</c> lines; lines starting with '#' and blank lines are skipped.</summary>
    public static DocumentLabels Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"Label line without key=value: {line}");
            }

            values[line[..equals]] = line[(equals + 1)..];
        }

        return new DocumentLabels(values, Runs.Hashing.Sha256OfText(text));
    }

    private static DocumentLabels Load() => Parse(ResourceLines.EmbeddedText(ResourceName));
}
