using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Minutes.Json;

/// <summary>
/// The one source-generated JSON context for every artifact of a run. Every artifact type is
/// listed here (the generator does not support attributes spread over partial declarations).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(Runs.Manifest))]
[JsonSerializable(typeof(Audio.AudioInfo))]
[JsonSerializable(typeof(Vad.VadTrace))]
[JsonSerializable(typeof(Transcription.Transcript))]
[JsonSerializable(typeof(Transcription.ChunkResult))]
[JsonSerializable(typeof(Speakers.SpeakerMap))]
[JsonSerializable(typeof(Speakers.SpeakerProfile))]
[JsonSerializable(typeof(Sessions.SessionPlan))]
[JsonSerializable(typeof(Drafting.MinutesDocument))]
[JsonSerializable(typeof(Drafting.SessionDraft))]
[JsonSerializable(typeof(Drafting.LlmCall))]
[JsonSerializable(typeof(Configuration.MinutesConfig))]
[JsonSerializable(typeof(List<Drafting.DraftedItem>))]
[JsonSerializable(typeof(Review.ApprovalLog))]
[JsonSerializable(typeof(Review.Approval))]
[JsonSerializable(typeof(Corrections.CorrectionLog))]
[JsonSerializable(typeof(Corrections.Correction))]
[JsonSerializable(typeof(Privacy.PrivacyDecisionLog))]
[JsonSerializable(typeof(Privacy.PrivacyDecision))]
[JsonSerializable(typeof(Models.ModelBundleManifest))]
[JsonSerializable(typeof(Review.Workbench.ReviewCheckLog))]
[JsonSerializable(typeof(Review.Workbench.ReviewCheck))]
[JsonSerializable(typeof(Review.Workbench.WorkbenchState))]
[JsonSerializable(typeof(Review.Workbench.WorkbenchUpdate))]
[JsonSerializable(typeof(Review.Workbench.WorkbenchRequest))]
[JsonSerializable(typeof(Review.Workbench.WorkbenchCount))]
[JsonSerializable(typeof(Review.Workbench.WorkbenchError))]
[JsonSerializable(typeof(Models.ModelList))]
[JsonSerializable(typeof(Review.ReviewReport))]
[JsonSerializable(typeof(Review.VerifyReport))]
[JsonSerializable(typeof(Diagnostics.DoctorResult))]
[JsonSerializable(typeof(Provenance.ProvenanceChain))]
[JsonSerializable(typeof(Provenance.ProvenancePage))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(List<Dictionary<string, string>>))]
[JsonSerializable(typeof(Editing.MinutesEditLog))]
[JsonSerializable(typeof(Editing.MinutesEdit))]
[JsonSerializable(typeof(Keeping.PurgeLog))]
[JsonSerializable(typeof(Keeping.PurgeEntry))]
[JsonSerializable(typeof(Keeping.ArchiveIndex))]
[JsonSerializable(typeof(Models.ModelSpeeds))]
public sealed partial class MinutesJsonContext : JsonSerializerContext
{
}

/// <summary>Serialization entry points: camelCase, indented, Japanese written as-is.</summary>
public static class MinutesJson
{
    /// <summary>
    /// Japanese must be readable in the traces, so the encoder leaves non-ASCII as it is;
    /// the traces are files, never embedded in HTML without escaping.
    /// </summary>
    public static MinutesJsonContext Context { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NewLine = "\n",
    });

    public static string Serialize<T>(T value, JsonTypeInfo<T> type) =>
        JsonSerializer.Serialize(value, type) + "\n";

    public static T Deserialize<T>(string json, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(json, type) ?? throw new JsonException("The document is empty (null).");

    public static JsonTypeInfo<T> Info<T>() =>
        (JsonTypeInfo<T>)(Context.GetTypeInfo(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered in {nameof(MinutesJsonContext)}."));
}
