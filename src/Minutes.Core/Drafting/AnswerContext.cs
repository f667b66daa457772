namespace Minutes.Drafting;

/// <summary>
/// What an answer is checked against (<see cref="DraftAnswerCheck"/>): the lines sent for the
/// session, as sent (masked at level 2), and the style asked for.
/// </summary>
internal sealed class AnswerContext
{
    public AnswerContext(IReadOnlyList<TranscriptLine> lines, DraftStyle style)
    {
        ArgumentNullException.ThrowIfNull(lines);
        Style = style;
        Texts = lines.GroupBy(l => l.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Text, StringComparer.Ordinal);
        Names = string.Concat(lines.Select(l => l.Name).Distinct(StringComparer.Ordinal));
    }

    public DraftStyle Style { get; }

    /// <summary>The text sent for each segment id.</summary>
    public IReadOnlyDictionary<string, string> Texts { get; }

    /// <summary>The speakers' names as sent, run together (an owner may name a masked speaker).</summary>
    public string Names { get; }
}
