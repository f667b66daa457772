using System.Globalization;
using System.Text;
using System.Text.Json;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Speakers;
using Minutes.Text;

namespace Minutes.Transcription.Import;

/// <summary>The transcript file formats <c>minutes import</c> reads.</summary>
public static class ImportFormats
{
    public const string Srt = "srt";
    public const string Vtt = "vtt";
    public const string Json = "json";
    public const string Text = "txt";
}

/// <summary>
/// A transcript read from a file: the transcript (source kind <c>import</c>), the speakers when
/// the file names them, the format, and what was done to the file's times (for the console).
/// </summary>
public sealed record ImportedTranscript(string Format, Transcript Transcript, SpeakerMap? Speakers, IReadOnlyList<Message> Notes);

/// <summary>
/// Reads SRT, WebVTT, the project's transcript JSON and plain text (<c>話者: 発言</c>) into a
/// <see cref="Transcript"/>. The times are checked: sorted by start, every end after its start,
/// and no overlap beyond <see cref="ClampLimitSeconds"/> (smaller overlaps, as subtitle tools
/// leave them, are clamped and noted). A text without times gets synthesised monotonic times.
/// </summary>
public static class TranscriptImporter
{
    public const double ClampLimitSeconds = 0.2;

    public const string SourceKind = "import";

    /// <summary>
    /// Seconds per character and between lines when a text file has no times; a line with only a
    /// start time ends after as long as its text takes to say, or at the next line's start.
    /// </summary>
    private const double SecondsPerCharacter = 0.15;
    private const double GapSeconds = 0.5;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ImportedTranscript Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path) || !File.Exists(path))
        {
            throw new MinutesException(Messages.Get("TranscriptFileNotFound", path));
        }

        var bytes = File.ReadAllBytes(path);
        var name = Path.GetFileName(path);
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new MinutesException(Messages.Get("TranscriptNotUtf8", name));
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new MinutesException(Messages.Get("TranscriptBinary", name));
        }

        var format = Detect(name, text);
        var source = new TranscriptSource(SourceKind, name, Hashing.Sha256OfBytes(bytes));
        var result = format == ImportFormats.Json
            ? FromJson(path, name, text, source)
            : FromCues(format, name, format switch
            {
                ImportFormats.Srt => SubtitleReader.ReadSrt(text),
                ImportFormats.Vtt => SubtitleReader.ReadVtt(text),
                _ => PlainTextReader.Read(text),
            }, source);
        return result;
    }

    private static string Detect(string name, string text)
    {
        var start = text.TrimStart();
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (start.Length == 0)
        {
            throw new MinutesException(Messages.Get("TranscriptEmpty", name));
        }

        if (start.StartsWith("WEBVTT", StringComparison.Ordinal))
        {
            return ImportFormats.Vtt;
        }

        if (start.StartsWith('{'))
        {
            return ImportFormats.Json;
        }

        if (text.Contains("-->", StringComparison.Ordinal))
        {
            return ImportFormats.Srt;
        }

        return extension switch
        {
            ".srt" => throw new MinutesException(Messages.Get("NotSrt", name)),
            ".vtt" => throw new MinutesException(Messages.Get("NotVttFile", name)),
            ".json" => throw new MinutesException(Messages.Get("NotTranscriptJson", name)),
            ".txt" or ".text" or "" => ImportFormats.Text,
            _ => throw new MinutesException(Messages.Get("UnknownTranscriptFormat", name)),
        };
    }

    /// <summary>
    /// A transcript JSON taken from a run's <c>trace/</c> names its speakers by id (S1…); the
    /// <c>04-speakers.json</c> beside it gives their names. Values that are no id there (a name
    /// the clerk typed in) are kept as they are.
    /// </summary>
    private static Dictionary<string, string> SiblingSpeakerNames(string path)
    {
        var sibling = Path.Combine(Path.GetDirectoryName(path) ?? ".", Path.GetFileName(RunFolder.SpeakersTrace));
        if (!File.Exists(sibling))
        {
            return [];
        }

        try
        {
            return MinutesJson.Deserialize(File.ReadAllText(sibling), MinutesJson.Context.SpeakerMap).Speakers
                .ToDictionary(s => s.Id, s => s.Name, StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static ImportedTranscript FromJson(string path, string name, string text, TranscriptSource source)
    {
        Transcript transcript;
        try
        {
            transcript = MinutesJson.Deserialize(text, MinutesJson.Context.Transcript);
        }
        catch (JsonException ex)
        {
            throw new MinutesException(Messages.Get("NotMinutesTranscriptJson", name, ex.Message.ReplaceLineEndings(" ")));
        }

        var kept = (transcript.Segments ?? []).Where(x => !string.IsNullOrWhiteSpace(x.Text)).ToList();
        if (kept.Count == 0)
        {
            throw new MinutesException(Messages.Get("TranscriptNoSegments", name));
        }

        var keepIds = kept.All(x => !string.IsNullOrWhiteSpace(x.Id))
            && kept.Select(x => x.Id).Distinct(StringComparer.Ordinal).Count() == kept.Count;
        var names = SiblingSpeakerNames(path);
        var built = FromCues(ImportFormats.Json, name, [.. kept.Select(x => new ImportedCue($"segment {x.Id}", x.Start, x.End, x.Speaker is { } id ? names.GetValueOrDefault(id, id) : null, x.Text))], source);
        var ids = built.Transcript.Segments.Select((x, i) => (New: x.Id, Kept: keepIds ? kept[i].Id : x.Id)).ToDictionary(p => p.New, p => p.Kept, StringComparer.Ordinal);
        var segments = built.Transcript.Segments.Select((x, i) => kept[i] with { Id = ids[x.Id], Start = x.Start, End = x.End, Speaker = x.Speaker }).ToList();
        var speakers = built.Speakers is null ? null : built.Speakers with
        {
            Segments = [.. built.Speakers.Segments.Select(a => a with { SegmentId = ids[a.SegmentId] })],
        };
        return built with
        {
            Transcript = built.Transcript with { Language = transcript.Language ?? "ja", Segments = segments, Dropped = transcript.Dropped ?? [] },
            Speakers = speakers,
        };
    }

    private static ImportedTranscript FromCues(string format, string name, List<ImportedCue> cues, TranscriptSource source)
    {
        cues = [.. cues.Where(c => c.Text.Trim().Length > 0)];
        if (cues.Count == 0)
        {
            throw new MinutesException(Messages.Get("TranscriptNoText", name));
        }

        var notes = new List<Message>();
        var settings = new Dictionary<string, string> { ["format"] = format };
        List<(double Start, double End)> times;
        if (cues.All(c => c.Start is null))
        {
            times = Synthesise(cues);
            settings["times"] = "synthesised";
            notes.Add(Messages.Of("ImportTimesSynthesised", name, SecondsPerCharacter, GapSeconds));
        }
        else
        {
            times = Check(name, cues, out var clamped);
            settings["times"] = "given";
            if (clamped > 0)
            {
                settings["clampedOverlaps"] = clamped.ToString(CultureInfo.InvariantCulture);
                notes.Add(Messages.Of("ImportOverlapsClamped", clamped, ClampLimitSeconds * 1000));
            }
        }

        var speakerIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var speaker in cues.Select(c => c.Speaker).OfType<string>().Where(s => s.Length > 0))
        {
            speakerIds.TryAdd(speaker, $"S{speakerIds.Count + 1}");
        }

        var segments = cues.Select((c, i) => new TranscriptSegment(
            $"s{i + 1:0000}",
            Round(times[i].Start),
            Round(times[i].End),
            c.Text.Trim(),
            c.Speaker is { Length: > 0 } s ? speakerIds[s] : null)).ToList();
        var transcript = new Transcript("ja", source, settings, segments, []);
        var map = speakerIds.Count == 0 ? null : SpeakerMapOf(segments, speakerIds);
        return new ImportedTranscript(format, transcript, map, notes);
    }

    /// <summary>Sorted, ends after starts, and overlaps only as small as a rounding error, which are clamped.</summary>
    private static List<(double Start, double End)> Check(string name, List<ImportedCue> cues, out int clamped)
    {
        clamped = 0;
        var times = new List<(double Start, double End)>();
        for (var i = 0; i < cues.Count; i++)
        {
            var cue = cues[i];
            if (cue.Start is not { } start)
            {
                throw new MinutesException(Messages.Get("CueNoTime", cue.Label));
            }

            // Absurd values (1e308, negative) are refused here, naming the file and the field, before any time arithmetic.
            var absurd = ArtifactShape.Time("start", start) ?? (cue.End is { } given ? ArtifactShape.Time("end", given) : null);
            if (absurd is not null)
            {
                throw new MinutesException(Messages.Get("CueBadTime", name, cue.Label, absurd));
            }

            var end = cue.End ?? Math.Min(start + Estimate(cue.Text), i + 1 < cues.Count && cues[i + 1].Start is { } next && next > start ? next : double.MaxValue);
            if (end < start)
            {
                throw new MinutesException(Messages.Get("CueEndsBeforeStart", name, cue.Label, TimeCode.Format(end), TimeCode.Format(start)));
            }

            if (i > 0)
            {
                var previous = times[^1];
                if (start < previous.Start)
                {
                    throw new MinutesException(Messages.Get("TimesNotSorted", cue.Label, TimeCode.Format(start), cues[i - 1].Label, TimeCode.Format(previous.Start)));
                }

                var overlap = previous.End - start;
                if (overlap > ClampLimitSeconds)
                {
                    throw new MinutesException(Messages.Get("TimesOverlap", cue.Label, TimeCode.Format(start), overlap, cues[i - 1].Label, TimeCode.Format(previous.End)));
                }

                if (overlap > 0)
                {
                    clamped++;
                    times[^1] = (previous.Start, start);
                }
            }

            times.Add((start, end));
        }

        return times;
    }

    private static List<(double Start, double End)> Synthesise(List<ImportedCue> cues)
    {
        var times = new List<(double Start, double End)>();
        var clock = 0.0;
        foreach (var cue in cues)
        {
            var length = Estimate(cue.Text);
            times.Add((clock, clock + length));
            clock += length + GapSeconds;
        }

        return times;
    }

    private static double Estimate(string text) => Math.Max(1.0, text.Length * SecondsPerCharacter);

    private static SpeakerMap SpeakerMapOf(List<TranscriptSegment> segments, Dictionary<string, string> speakerIds)
    {
        var turns = new List<SpeakerTurn>();
        foreach (var segment in segments.Where(s => s.Speaker is not null))
        {
            if (turns.Count > 0 && turns[^1].Speaker == segment.Speaker)
            {
                turns[^1] = turns[^1] with { End = segment.End };
            }
            else
            {
                turns.Add(new SpeakerTurn(segment.Start, segment.End, segment.Speaker!));
            }
        }

        var speakers = speakerIds.Select(p => new Speaker(
            p.Value,
            p.Key,
            NameSources.Imported,
            null,
            Round(segments.Where(s => s.Speaker == p.Value).Sum(s => s.End - s.Start)))).ToList();
        return new SpeakerMap(
            NameSources.Imported,
            new Dictionary<string, string>(),
            speakers,
            turns,
            [.. segments.Where(s => s.Speaker is not null).Select(s => new SpeakerAssignment(s.Id, s.Speaker!))]);
    }

    private static double Round(double seconds) => Math.Round(seconds, 3);
}
