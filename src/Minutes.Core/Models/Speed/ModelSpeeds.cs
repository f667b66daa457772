using System.Text.Json;
using Minutes.Json;
using Minutes.Runs;

namespace Minutes.Models;

/// <summary>
/// <c>speeds.json</c> in the models folder: every speed measured on this machine, one per model
/// digest and <see cref="SpeedConditions"/>. Not a run artifact: a cache of measurements, so an
/// unreadable file is treated as empty and rewritten by the next measurement.
/// </summary>
public sealed record ModelSpeeds(IReadOnlyList<ModelSpeed> Measurements)
{
    public const string FileName = "speeds.json";

    /// <summary>Raised when a field changes meaning or goes; new fields do not raise it.</summary>
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public static string PathIn(ModelStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Path.Combine(store.Folder, FileName);
    }

    public static ModelSpeeds Load(ModelStore store)
    {
        var path = PathIn(store);
        if (!File.Exists(path))
        {
            return new ModelSpeeds([]);
        }

        try
        {
            var speeds = MinutesJson.Deserialize(File.ReadAllText(path), MinutesJson.Context.ModelSpeeds);
            return speeds.FormatVersion == CurrentFormatVersion ? speeds : new ModelSpeeds([]);
        }
        catch (JsonException)
        {
            return new ModelSpeeds([]);
        }
    }

    /// <summary>The measurement of the model with <paramref name="sha256"/> under <paramref name="conditions"/>; null when there is none.</summary>
    public ModelSpeed? Find(string sha256, SpeedConditions conditions) =>
        Measurements.LastOrDefault(m => m.ModelSha256 == sha256 && m.Conditions == conditions);

    /// <summary>
    /// A measurement to show for a model whatever the conditions: the one under <paramref name="preferred"/>,
    /// else the latest one of this digest on this CPU; null when there is none.
    /// </summary>
    public ModelSpeed? Best(string sha256, SpeedConditions preferred)
    {
        ArgumentNullException.ThrowIfNull(preferred);
        return Find(sha256, preferred)
            ?? Measurements.Where(m => m.ModelSha256 == sha256 && m.Conditions.Cpu == preferred.Cpu && m.Conditions.CpuCount == preferred.CpuCount)
                .MaxBy(m => m.MeasuredAt);
    }

    /// <summary>
    /// Adds <paramref name="speed"/> and writes the file: it replaces a measurement of the same
    /// digest and conditions, and one of the same model name and conditions whose file has since changed.
    /// </summary>
    public ModelSpeeds Save(ModelStore store, ModelSpeed speed)
    {
        ArgumentNullException.ThrowIfNull(speed);
        var kept = Measurements
            .Where(m => m.Conditions != speed.Conditions || (m.ModelSha256 != speed.ModelSha256 && m.Model != speed.Model))
            .Append(speed)
            .ToList();
        var saved = this with { Measurements = kept };
        AtomicFile.WriteAllText(PathIn(store), MinutesJson.Serialize(saved, MinutesJson.Context.ModelSpeeds));
        return saved;
    }
}
