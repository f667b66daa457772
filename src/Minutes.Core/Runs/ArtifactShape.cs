using System.Globalization;
using Minutes.Sessions;
using Minutes.Speakers;
using Minutes.Transcription;
using Minutes.Vad;

namespace Minutes.Runs;

/// <summary>
/// What JSON alone cannot say about a run's files: the fields the code relies on are present,
/// and every time is a time in a meeting (finite, not negative, not beyond
/// <see cref="MaxSeconds"/>, an end not before its start). A file that fails gets one line naming
/// the field, instead of an overflow deep inside a later stage.
/// </summary>
public static class ArtifactShape
{
    /// <summary>100 hours: longer than any meeting, and within what every time format and <see cref="TimeSpan"/> can hold.</summary>
    public const double MaxSeconds = 360_000;

    /// <summary>The first problem of <paramref name="value"/> as <c>field: what is wrong</c>, or null.</summary>
    public static string? Problem<T>(T value) => value switch
    {
        Manifest manifest => Of(manifest),
        Transcript transcript => Of(transcript),
        SpeakerMap speakers => Of(speakers),
        SessionPlan sessions => Of(sessions),
        VadTrace vad => Of(vad),
        _ => null,
    };

    /// <summary>The problem of one time, or null: finite, from 0 to <see cref="MaxSeconds"/>.</summary>
    public static string? Time(string field, double seconds) =>
        double.IsFinite(seconds) && seconds >= 0 && seconds <= MaxSeconds
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{field}: {seconds:R} is not a time in a meeting (0 to {MaxSeconds:0} seconds)");

    /// <summary>The problem of a start and end, or null.</summary>
    public static string? Span(string field, double start, double end) =>
        Time(field + ".start", start) ?? Time(field + ".end", end)
        ?? (end < start ? string.Create(CultureInfo.InvariantCulture, $"{field}.end: {end:R} is before its start {start:R}") : null);

    private static string? Of(Manifest manifest)
    {
        if (string.IsNullOrEmpty(manifest.RunId))
        {
            return "runId: missing";
        }

        if (manifest.Stages is null)
        {
            return "stages: missing";
        }

        for (var i = 0; i < manifest.Stages.Count; i++)
        {
            var field = $"stages[{i}]";
            if (manifest.Stages[i] is not { } stage)
            {
                return field + ": missing";
            }

            var problem = string.IsNullOrEmpty(stage.Name) ? field + ".name: missing"
                : stage.Parameters is null ? field + ".parameters: missing"
                : stage.Inputs is null ? field + ".inputs: missing"
                : stage.Outputs is null ? field + ".outputs: missing"
                : !double.IsFinite(stage.ElapsedSeconds) || stage.ElapsedSeconds < 0 ? string.Create(CultureInfo.InvariantCulture, $"{field}.elapsedSeconds: {stage.ElapsedSeconds:R} is not a duration")
                : Files(field + ".inputs", stage.Inputs) ?? Files(field + ".outputs", stage.Outputs);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? Files(string field, IReadOnlyList<FileDigest> files)
    {
        for (var i = 0; i < files.Count; i++)
        {
            if (files[i] is not { Path: { Length: > 0 }, Sha256: { Length: > 0 } })
            {
                return $"{field}[{i}]: a file needs a path and a sha256";
            }
        }

        return null;
    }

    private static string? Of(Transcript transcript)
    {
        if (transcript.Segments is null)
        {
            return "segments: missing";
        }

        for (var i = 0; i < transcript.Segments.Count; i++)
        {
            var field = $"segments[{i}]";
            var segment = transcript.Segments[i];
            var problem = segment is null ? field + ": missing"
                : string.IsNullOrEmpty(segment.Id) ? field + ".id: missing"
                : segment.Text is null ? field + ".text: missing"
                : Span(field, segment.Start, segment.End);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? Of(SpeakerMap speakers)
    {
        if (speakers.Speakers is null || speakers.Turns is null || speakers.Segments is null)
        {
            return speakers.Speakers is null ? "speakers: missing" : speakers.Turns is null ? "turns: missing" : "segments: missing";
        }

        for (var i = 0; i < speakers.Turns.Count; i++)
        {
            var turn = speakers.Turns[i];
            if ((turn is null ? $"turns[{i}]: missing" : Span($"turns[{i}]", turn.Start, turn.End)) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? Of(SessionPlan plan)
    {
        if (plan.Sessions is null)
        {
            return "sessions: missing";
        }

        for (var i = 0; i < plan.Sessions.Count; i++)
        {
            var session = plan.Sessions[i];
            var problem = session is null ? $"sessions[{i}]: missing"
                : session.SegmentIds is null ? $"sessions[{i}].segmentIds: missing"
                : Span($"sessions[{i}]", session.Start, session.End);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? Of(VadTrace vad)
    {
        if (vad.Regions is null)
        {
            return "regions: missing";
        }

        for (var i = 0; i < vad.Regions.Count; i++)
        {
            var region = vad.Regions[i];
            if ((region is null ? $"regions[{i}]: missing" : Span($"regions[{i}]", region.Start, region.End)) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }
}
