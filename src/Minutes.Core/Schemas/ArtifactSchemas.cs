using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using Json.Schema;
using Minutes.Editing;
using Minutes.Json;
using Minutes.Keeping;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Schemas;

/// <summary>
/// The JSON Schemas of every artifact of a run folder. They are made from the artifact records
/// themselves (<see cref="JsonSchemaExporter"/>, with the members the records require and the
/// ranges the code relies on added), committed under <c>docs/schemas/</c> so that other tools can
/// read a run without our code (a test keeps them equal to what <see cref="Export"/> makes), and
/// embedded in the core so that <c>minutes verify</c> checks a run from an installed package too.
/// </summary>
public static class ArtifactSchemas
{
    private const string Draft = "https://json-schema.org/draft/2020-12/schema";

    // Members that hold a time in the meeting, in seconds: the range ArtifactShape checks.
    private static readonly HashSet<string> Times = new(StringComparer.Ordinal) { "start", "end", "duration", "speechSeconds", "speakingSeconds", "pauseSeconds" };

    private static readonly ConcurrentDictionary<string, JsonSchema> Parsed = new(StringComparer.Ordinal);

    /// <summary>
    /// Every artifact kind, in the order of the run folder: the one list <c>minutes verify</c>
    /// checks a run against. A JSON file of the run that no kind holds must be in <see cref="NotChecked"/>.
    /// </summary>
    public static IReadOnlyList<ArtifactSchema> All { get; } =
    [
        new("manifest", MinutesJson.Context.Manifest, "manifest.json", [RunFolder.ManifestFile]),
        new("audio", MinutesJson.Context.AudioInfo, "trace/01-audio.json", [RunFolder.AudioTrace]),
        new("vad", MinutesJson.Context.VadTrace, "trace/02-vad.json", [RunFolder.VadTrace]),
        new("transcript", MinutesJson.Context.Transcript, "trace/03-transcript.json (and 03-transcript.corrected.json)", [RunFolder.TranscriptTrace, RunFolder.CorrectedTranscriptTrace]),
        new("speakers", MinutesJson.Context.SpeakerMap, "trace/04-speakers.json (and 04-speakers.corrected.json)", [RunFolder.SpeakersTrace, RunFolder.CorrectedSpeakersTrace]),
        new("sessions", MinutesJson.Context.SessionPlan, "trace/05-sessions.json", [RunFolder.SessionsTrace]),
        new("llm-call", MinutesJson.Context.LlmCall, "trace/06-llm/NNNN-PROMPT.json", [], RunFolder.LlmTraceFolder),
        new("minutes", MinutesJson.Context.MinutesDocument, "trace/07-minutes.json (and 07-minutes.previous.json, 07-minutes.edited.json)", [RunFolder.MinutesTrace, RunFolder.PreviousMinutesTrace, EditedMinutes.File]),
        new("corrections", MinutesJson.Context.CorrectionLog, "trace/corrections.json", [RunFolder.CorrectionsTrace]),
        new("privacy-decisions", MinutesJson.Context.PrivacyDecisionLog, "trace/privacy-decisions.json", [RunFolder.PrivacyDecisionsTrace]),
        new("review-checks", MinutesJson.Context.ReviewCheckLog, "trace/review-checks.json", [RunFolder.ReviewChecksTrace]),
        new("minutes-edits", MinutesJson.Context.MinutesEditLog, "trace/minutes-edits.json", [MinutesEditLog.File]),
        new("approvals", MinutesJson.Context.ApprovalLog, "approvals.json", [RunFolder.ApprovalsFile]),
        new("purge-log", MinutesJson.Context.PurgeLog, "purge-log.json", [PurgeLog.File]),
    ];

    /// <summary>
    /// The JSON files a run folder may hold that no schema checks (by the folder they lie in), each
    /// with the reason. Every other <c>.json</c> file a run holds is an artifact of <see cref="All"/>
    /// (a test keeps it so).
    /// </summary>
    public static IReadOnlyList<(string Prefix, string Reason)> NotChecked { get; } =
    [
        (RunFolder.TranscriptCheckpoint + "/", "working data: the checkpoint of an unfinished transcription, one file per finished chunk, read back only by the same transcription when resumed (and removed by a purge)"),
    ];

    /// <summary>The schema of an artifact as committed under <c>docs/schemas/</c>: indented JSON, <c>\n</c> line ends.</summary>
    public static string Export(ArtifactSchema artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        var options = new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = Refine };
        var node = JsonSchemaExporter.GetJsonSchemaAsNode(artifact.Type, options);
        var root = new JsonObject
        {
            ["$schema"] = Draft,
            ["title"] = artifact.Title,
            ["description"] = $"An artifact of a minutes run folder. Generated from the C# records (Minutes.Schemas.ArtifactSchemas); see docs/FORMATS.md.",
        };
        foreach (var (key, value) in node.AsObject().ToList())
        {
            node.AsObject().Remove(key);
            root[key] = value;
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>The embedded schema text (as in <c>docs/schemas/</c>).</summary>
    public static string Text(ArtifactSchema artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        return ResourceLines.EmbeddedText("Minutes.Schemas." + artifact.FileName);
    }

    /// <summary>The artifact kind a run-relative path holds, or null for a file that is not a JSON artifact.</summary>
    public static ArtifactSchema? For(string path) => All.FirstOrDefault(a => a.Holds(path));

    /// <summary>The first way <paramref name="json"/> fails the schema, as <c>/pointer: what is wrong</c>, or null when it is valid.</summary>
    public static string? Problem(ArtifactSchema artifact, string json)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(json);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return ex.Message.ReplaceLineEndings(" ");
        }

        var schema = Parsed.GetOrAdd(artifact.Name, _ => JsonSchema.FromText(Text(artifact)));
        var results = schema.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return null;
        }

        var failed = (results.Details ?? []).Prepend(results).FirstOrDefault(r => r.Errors is { Count: > 0 });
        if (failed is null)
        {
            return "does not match its schema";
        }

        var location = failed.InstanceLocation.ToString();
        return string.Create(CultureInfo.InvariantCulture, $"{(location.Length == 0 ? "/" : location)}: {string.Join("; ", failed.Errors!.Values)}");
    }

    /// <summary>Every JSON artifact present in the run, with the first way it fails its schema (those that pass are left out).</summary>
    public static IReadOnlyList<(string Path, string Problem)> Check(RunFolder run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var found = new List<(string, string)>();
        foreach (var path in Artifacts(run))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (For(path) is { } artifact && Problem(artifact, File.ReadAllText(run.PathOf(path))) is { } problem)
            {
                found.Add((path, problem));
            }
        }

        return found;
    }

    /// <summary>
    /// The run-relative paths of the JSON artifacts in the run folder, in the order of <see cref="All"/>:
    /// each kind's fixed paths that exist, then the files of its folder by name. Only those paths
    /// are read; nothing else in the folder (or outside it) is.
    /// </summary>
    public static IEnumerable<string> Artifacts(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        foreach (var artifact in All)
        {
            foreach (var path in artifact.Paths.Where(run.Exists))
            {
                yield return path;
            }

            if (artifact.Folder is { } folder && Directory.Exists(run.PathOf(folder)))
            {
                foreach (var file in Directory.EnumerateFiles(run.PathOf(folder), "*.json").Select(f => $"{folder}/{Path.GetFileName(f)}").Order(StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
        }
    }

    /// <summary>
    /// Adds what the exporter cannot see: the members a record's constructor requires (a
    /// parameter without a default), the range of a time, and the version numbers starting at 1.
    /// </summary>
    private static JsonNode Refine(JsonSchemaExporterContext context, JsonNode schema)
    {
        if (schema is not JsonObject node)
        {
            return schema;
        }

        if (context.PropertyInfo is { } property)
        {
            if (Times.Contains(property.Name) && IsNumber(node))
            {
                node["minimum"] = 0;
                node["maximum"] = ArtifactShape.MaxSeconds;
            }
            else if (property.Name is "schemaVersion" or "formatVersion" && IsNumber(node))
            {
                node["minimum"] = 1;
            }
        }

        if (context.TypeInfo.Kind == JsonTypeInfoKind.Object && node["properties"] is JsonObject properties)
        {
            var required = context.TypeInfo.Properties
                // A version may be missing (an artifact written before it was recorded reads as 1).
                .Where(p => p.AssociatedParameter is { HasDefaultValue: false, IsNullable: false } && properties.ContainsKey(p.Name) && p.Name is not ("schemaVersion" or "formatVersion"))
                .Select(p => (JsonNode)p.Name).ToArray();
            if (required.Length > 0)
            {
                node["required"] = new JsonArray(required);
            }
            else
            {
                node.Remove("required");
            }
        }

        return node;
    }

    private static bool IsNumber(JsonObject node) => node["type"] switch
    {
        JsonValue value => value.GetValue<string>() is "number" or "integer",
        JsonArray types => types.Any(t => t?.GetValue<string>() is "number" or "integer"),
        _ => false,
    };
}
