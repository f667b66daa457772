namespace Minutes.Speakers;

/// <summary>Where a speaker's display name came from.</summary>
public static class NameSources
{
    public const string Enrolled = "enrolled";
    public const string Roster = "roster";
    public const string Inferred = "inferred";
    public const string Anonymous = "anonymous";
    public const string Imported = "imported";

    /// <summary>Named by a reviewer's correction (<c>minutes correct --rename-speaker</c>).</summary>
    public const string Reviewer = "reviewer";
}

/// <summary>A speaker of the meeting: id S1…, display name (○委員長, 話者1…), and the name's source.</summary>
public sealed record Speaker(string Id, string Name, string Source, double? Score, double SpeakingSeconds)
{
    /// <summary>The channel (1 = the first) loudest over the speaker's turns, for a recording of two or more channels; null otherwise.</summary>
    public int? Channel { get; init; }

    /// <summary>By how many dB <see cref="Channel"/> beat the next loudest channel over those turns.</summary>
    public double? ChannelMargin { get; init; }
}

/// <summary>A contiguous stretch spoken by one speaker.</summary>
/// <remarks>
/// <see cref="Cluster"/> is the diarizer's cluster, <see cref="Naming"/> how the speaker's name was
/// decided (<see cref="NameSources"/>) and <see cref="Margin"/> how far that decision was from
/// going otherwise (an enrolled voice: its score less the next candidate's or the threshold);
/// all three are absent in runs written before they were recorded.
/// </remarks>
public sealed record SpeakerTurn(double Start, double End, string Speaker, string? Cluster = null, string? Naming = null, double? Margin = null)
{
    /// <summary>Why the diarizer doubts this turn's speaker (<see cref="TurnDoubts"/>); null when it does not.</summary>
    public string? Doubt { get; init; }

    /// <summary>The channel (1 = the first) loudest over the turn, for a recording of two or more channels; null otherwise.</summary>
    public int? Channel { get; init; }

    /// <summary>By how many dB <see cref="Channel"/> beat the next loudest channel over the turn.</summary>
    public double? ChannelMargin { get; init; }
}

/// <summary>How turns cover a stretch of time.</summary>
public static class TurnOverlap
{
    /// <summary>Seconds of [<paramref name="start"/>, <paramref name="end"/>) that the turns cover, summed by <paramref name="key"/> (turns with a null key left out), most first.</summary>
    public static IReadOnlyList<(string Key, double Seconds)> By(IEnumerable<SpeakerTurn> turns, double start, double end, Func<SpeakerTurn, string?> key)
    {
        ArgumentNullException.ThrowIfNull(turns);
        ArgumentNullException.ThrowIfNull(key);
        return turns
            .Select(t => (Key: key(t), Seconds: Math.Min(t.End, end) - Math.Max(t.Start, start)))
            .Where(o => o.Key is not null && o.Seconds > 0)
            .GroupBy(o => o.Key!, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(o => o.Seconds)))
            .OrderByDescending(o => o.Item2)
            .ToList();
    }
}

/// <summary>The speaker attributed to one transcript segment.</summary>
public sealed record SpeakerAssignment(string SegmentId, string Speaker);

/// <summary><c>trace/04-speakers.json</c>.</summary>
public sealed record SpeakerMap(
    string Method,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<Speaker> Speakers,
    IReadOnlyList<SpeakerTurn> Turns,
    IReadOnlyList<SpeakerAssignment> Segments)
{
    /// <summary>The artifact's schema version (<c>docs/schemas/</c>); absent in older runs, which read as 1.</summary>
    /// <remarks>The source generator sets a member the JSON lacks to 0: that reads as 1 too.</remarks>
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public int SchemaVersion { get => field == 0 ? Runs.SchemaVersions.Unversioned : field; init; } = Runs.SchemaVersions.Current;

    /// <summary>How the diarizer reached the count; null for imported speakers and for runs written before it was recorded.</summary>
    public SpeakerCountEvidence? Count { get; init; }

    /// <summary>How the recording's channels were used (<c>--channels</c>) and why; null for imported speakers and for runs written before it was recorded.</summary>
    public ChannelEvidence? Channels { get; init; }
}
