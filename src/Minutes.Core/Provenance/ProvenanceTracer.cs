using System.Text.Json;
using System.Text.Json.Nodes;
using Minutes.Drafting;
using Minutes.Json;
using Minutes.Rendering;
using Minutes.Runs;
using Minutes.Speakers;
using Minutes.Transcription;
using Minutes.Vad;

namespace Minutes.Provenance;

/// <summary>
/// Follows a statement or a segment back to the sound through the run's artifacts: 07's
/// provenance and verification, the LLM call traces it names (with the answer's fragment the
/// pointer selects), the transcript's segments (chunk, VAD region of 02), the speakers' turns (04)
/// and the sessions' boundaries (05). Ids are looked up as written; nothing is inferred.
/// </summary>
public sealed class ProvenanceTracer
{
    private readonly RunArtifacts _artifacts;
    private readonly Dictionary<string, SpeechRegion> _regions;
    private readonly Dictionary<int, TranscriptionChunk> _chunks;
    private readonly Func<string, LlmCall?> _load;
    private readonly Dictionary<string, LlmCall?> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode?> _answers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (MinutesItem Item, MinutesSection Section)> _items;
    private readonly Dictionary<string, List<string>> _citedBy;
    private readonly Dictionary<string, SpeakerTurn> _clusterTurns;

    /// <param name="artifacts">The run's minutes, transcript, speakers and sessions, as read once.</param>
    /// <param name="vad">The speech regions (02), read once; null when the run has none.</param>
    /// <param name="load">The LLM call trace at a run-relative path, or null when the run lacks it; called at most once a path.</param>
    /// <param name="callFiles">The run's LLM call traces (06-llm), for <see cref="AllCalls"/>.</param>
    public ProvenanceTracer(RunArtifacts artifacts, VadTrace? vad, Func<string, LlmCall?> load, IReadOnlyList<string>? callFiles = null)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentNullException.ThrowIfNull(load);
        _artifacts = artifacts;
        _load = load;
        Vad = vad;
        CallFiles = callFiles ?? [];
        _regions = (vad?.Regions ?? []).GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _chunks = (artifacts.Transcript.Chunks ?? []).GroupBy(c => c.Index).ToDictionary(g => g.Key, g => g.First());
        _items = artifacts.Minutes.Sections.SelectMany(s => s.Items.Select(i => (Item: i, Section: s)))
            .GroupBy(p => p.Item.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _citedBy = artifacts.Minutes.Sections.SelectMany(s => s.Items).SelectMany(i => i.Citations.Select(c => (Segment: c, Item: i.Id)))
            .GroupBy(p => p.Segment, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Item).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        // Each speaker's first turn that names a cluster, found once rather than per statement.
        _clusterTurns = (artifacts.Speakers?.Turns ?? []).Where(t => t.Cluster is not null)
            .GroupBy(t => t.Speaker, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>The speech regions (02) the tracer was given, for the page's table; null when the run has none.</summary>
    public VadTrace? Vad { get; }

    /// <summary>The run-relative paths of the run's LLM call traces, in name order.</summary>
    public IReadOnlyList<string> CallFiles { get; }

    /// <summary>The tracer over a run folder's own files (07, the current transcript and speakers, 05, 02 and 06-llm).</summary>
    public static ProvenanceTracer Open(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return For(run, RunArtifacts.Load(run));
    }

    /// <summary>The tracer over <paramref name="artifacts"/> already read from <paramref name="run"/>; 02 is read here, each LLM call when first needed.</summary>
    public static ProvenanceTracer For(RunFolder run, RunArtifacts artifacts)
    {
        ArgumentNullException.ThrowIfNull(run);
        var vad = run.Exists(RunFolder.VadTrace) ? run.Read(RunFolder.VadTrace, MinutesJson.Context.VadTrace) : null;
        var folder = run.PathOf(RunFolder.LlmTraceFolder);
        var files = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.json").Select(f => $"{RunFolder.LlmTraceFolder}/{Path.GetFileName(f)}").Order(StringComparer.Ordinal).ToList()
            : [];
        // Only files under 06-llm are read: a pointer elsewhere names nothing.
        return new ProvenanceTracer(artifacts, vad, path => path.StartsWith(RunFolder.LlmTraceFolder + "/", StringComparison.Ordinal) && RunFolder.IsCanonical(path) && run.Exists(path)
            ? run.Read(path, MinutesJson.Context.LlmCall)
            : null, files);
    }

    /// <summary>Every LLM call trace of the run (<see cref="CallFiles"/>) with its content, each read once.</summary>
    public IEnumerable<(string Path, LlmCall Call)> AllCalls() =>
        CallFiles.Select(path => (Path: path, Call: Call(path))).Where(p => p.Call is not null).Select(p => (p.Path, p.Call!));

    /// <summary>Every statement id, then every segment id, in document order.</summary>
    public IEnumerable<string> Ids =>
        _artifacts.Minutes.Sections.SelectMany(s => s.Items).Select(i => i.Id).Concat(_artifacts.Transcript.Segments.Select(s => s.Id));

    /// <summary>The LLM call traces the statements name (run-relative path → call).</summary>
    public IReadOnlyDictionary<string, LlmCall> Calls() =>
        _artifacts.Minutes.Sections.SelectMany(s => s.Items).Select(i => i.Provenance).OfType<ItemProvenance>()
            .SelectMany(p => (p.Parts ?? []).Select(c => c.Call).Prepend(p.Call)).OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(path => (Path: path, Call: Call(path))).Where(p => p.Call is not null)
            .ToDictionary(p => p.Path, p => p.Call!, StringComparer.Ordinal);

    /// <summary>The chain of a statement (m0001…) or segment (s0001…); null when the run has neither with that id.</summary>
    public ProvenanceChain? Trace(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_items.TryGetValue(id, out var found))
        {
            var (item, section) = found;
            var speaker = _artifacts.SpeakerById(item.Speaker)?.Name ?? item.Speaker;
            var segments = item.Citations.Where(_artifacts.Segments.ContainsKey).Select(c => Segment(_artifacts.Segments[c])).ToList();
            return new ProvenanceChain(
                id,
                new StatementStep(item.Id, item.Kind, item.Text, speaker, section.SessionId, section.Title),
                Made(item.Provenance),
                item.Verification,
                segments,
                Speakers(segments.Select(s => s.Speaker).Append(item.Speaker)),
                Sessions(item.Citations.Prepend(null), section.SessionId),
                []);
        }

        if (_artifacts.Segments.TryGetValue(id, out var segment))
        {
            var step = Segment(segment);
            return new ProvenanceChain(id, null, null, null, [step], Speakers([step.Speaker]), Sessions([id], null), _citedBy.GetValueOrDefault(id) ?? []);
        }

        return null;
    }

    private MakingStep? Made(ItemProvenance? provenance)
    {
        if (provenance is null)
        {
            return null;
        }

        if (provenance.Method != ItemProvenance.ByLlm || provenance.Call is null)
        {
            return new MakingStep(provenance.Method, provenance.Rule, provenance.Cue);
        }

        var parts = provenance.Parts?.Select(p => Answer(p.Call, p.Pointer)).ToList();
        return Answer(provenance.Call, provenance.Pointer) with { Parts = parts is { Count: > 0 } ? parts : null };
    }

    /// <summary>The call's model, host and part, and the fragment of its answer the pointer selects.</summary>
    private MakingStep Answer(string path, string? pointer)
    {
        var call = Call(path);
        return new MakingStep(ItemProvenance.ByLlm, Call: path, Model: call?.Model, EndpointHost: call?.EndpointHost, Part: call?.Part, Pointer: pointer,
            Fragment: call is null || pointer is null ? null : At(AnswerOf(path, call), pointer));
    }

    /// <summary>A call trace, loaded the first time it is asked for.</summary>
    private LlmCall? Call(string path)
    {
        if (!_calls.TryGetValue(path, out var call))
        {
            call = _load(path);
            _calls[path] = call;
        }

        return call;
    }

    /// <summary>A call's answer parsed once, however many statements point into it.</summary>
    private JsonNode? AnswerOf(string path, LlmCall call)
    {
        if (!_answers.TryGetValue(path, out var answer))
        {
            answer = Parse(call.Response);
            _answers[path] = answer;
        }

        return answer;
    }

    private static JsonNode? Parse(string response)
    {
        try
        {
            return JsonNode.Parse(DraftAnswerCheck.Unfenced(response));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? At(JsonNode? node, string pointer)
    {
        if (node is null)
        {
            return null;
        }

        foreach (var token in pointer.Split('/').Skip(1).Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)))
        {
            node = node switch
            {
                JsonObject o => o[token],
                JsonArray a when int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }

        return node?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private SegmentStep Segment(TranscriptSegment segment)
    {
        var speaker = _artifacts.SpeakerIdOfSegment(segment.Id);
        var region = segment.RegionId is not null ? _regions.GetValueOrDefault(segment.RegionId) : null;
        var chunk = segment.Chunk is { } c ? _chunks.GetValueOrDefault(c) : null;
        return new SegmentStep(segment.Id, segment.Start, segment.End, speaker, _artifacts.SpeakerById(speaker)?.Name, segment.Text, segment.Confidence,
            segment.Chunk, chunk?.Start, chunk?.End, segment.RegionId, region?.Start, region?.End, segment.Flags);
    }

    private List<SpeakerStep> Speakers(IEnumerable<string?> ids)
    {
        var steps = new List<SpeakerStep>();
        foreach (var id in ids.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (_artifacts.SpeakerById(id) is not { } speaker)
            {
                continue;
            }

            var turn = _clusterTurns.GetValueOrDefault(id);
            steps.Add(new SpeakerStep(speaker.Id, speaker.Name, speaker.Source, speaker.Score, turn?.Cluster, turn?.Margin));
        }

        return steps;
    }

    private List<SessionStep> Sessions(IEnumerable<string?> segmentIds, string? sessionId)
    {
        var sessions = _artifacts.Sessions?.Sessions ?? [];
        var wanted = segmentIds.OfType<string>().ToHashSet(StringComparer.Ordinal);
        return sessions.Where(s => s.Id == sessionId || s.SegmentIds.Any(wanted.Contains))
            .Select(s => new SessionStep(s.Id, s.Title, s.Start, s.End, s.Boundary.Reason, s.Boundary.SegmentId, s.Boundary.Evidence, s.Boundary.Pattern, s.Boundary.PauseSeconds))
            .ToList();
    }
}
