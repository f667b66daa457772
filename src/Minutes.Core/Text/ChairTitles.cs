namespace Minutes.Text;

/// <summary>
/// The titles of a meeting's chair (議長, 委員長, 会長, 座長 …) and the kind of meeting each presides
/// over, from <c>Text/chair-titles.txt</c>: the one list the procedure cues, the session cues and
/// the meeting kinds read. Cue tables name them with <c>{chair}</c> (every title) or
/// <c>{chair:Kind}</c> (the titles of one kind), as a regular-expression alternation.
/// </summary>
public static class ChairTitles
{
    private static readonly IReadOnlyList<(string Title, string Kind)> Entries =
        ResourceLines.Embedded("Minutes.Text.chair-titles.txt").Select(l => l.Split('\t')).Select(f => (f[0], f[1])).ToList();

    /// <summary>Every chair title, in the file's order.</summary>
    public static IReadOnlyList<string> All { get; } = Entries.Select(e => e.Title).ToList();

    /// <summary>The titles of the chairs of one kind of meeting (the kind's name as the file writes it).</summary>
    public static IReadOnlyList<string> Of(string kind) =>
        Entries.Where(e => string.Equals(e.Kind, kind, StringComparison.OrdinalIgnoreCase)).Select(e => e.Title).ToList();

    /// <summary>A cue pattern with <c>{chair}</c> and <c>{chair:Kind}</c> replaced by the titles, longest first, joined by |.</summary>
    public static string Expand(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (!pattern.Contains("{chair", StringComparison.Ordinal))
        {
            return pattern;
        }

        var expanded = pattern.Replace("{chair}", Alternation(All), StringComparison.Ordinal);
        foreach (var kind in Entries.Select(e => e.Kind).Distinct(StringComparer.Ordinal))
        {
            expanded = expanded.Replace("{chair:" + kind + "}", Alternation(Of(kind)), StringComparison.Ordinal);
        }

        return expanded;
    }

    private static string Alternation(IEnumerable<string> titles) =>
        string.Join('|', titles.OrderByDescending(t => t.Length).Select(System.Text.RegularExpressions.Regex.Escape));
}
