using System.Reflection;
using System.Text;

namespace Minutes.Text;

/// <summary>Reads the data files the project embeds: one entry a line, <c>#</c> starts a comment line.</summary>
public static class ResourceLines
{
    /// <summary>The text of a resource embedded in Minutes.Core (logical name, e.g. <c>Minutes.Sessions.session-cues.tsv</c>).</summary>
    public static string EmbeddedText(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The entries of an embedded data file (<see cref="EmbeddedText"/>, read as <see cref="Read"/> does).</summary>
    public static IEnumerable<string> Embedded(string name) => Read(new StringReader(EmbeddedText(name)));

    public static IEnumerable<string> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
            {
                yield return trimmed;
            }
        }
    }
}
