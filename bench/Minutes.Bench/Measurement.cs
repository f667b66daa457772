using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Minutes.Bench;

/// <summary>What one stage, run alone in a child process, measured.</summary>
public sealed record StageMeasurement(string Stage, double Seconds, double PeakMb, Dictionary<string, double> Figures);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StageMeasurement))]
internal sealed partial class BenchJson : JsonSerializerContext
{
}

/// <summary>
/// Peak memory is the process's high-water mark of resident memory (VmHWM), read at the end of a
/// child process that ran one stage, so each stage's figure is its own.
/// </summary>
public static class Measurement
{
    public static double PeakResidentMb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kb = double.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return Math.Round(kb / 1024, 1);
            }
        }

        return double.NaN;
    }

    public static async Task<StageMeasurement> TimeAsync(string stage, Func<Task<Dictionary<string, double>>> work)
    {
        var clock = Stopwatch.StartNew();
        var figures = await work();
        clock.Stop();
        return new StageMeasurement(stage, Math.Round(clock.Elapsed.TotalSeconds, 2), PeakResidentMb(), figures);
    }

    public static string ToJson(StageMeasurement m) => JsonSerializer.Serialize(m, BenchJson.Default.StageMeasurement);

    public static StageMeasurement FromJson(string json) =>
        JsonSerializer.Deserialize(json, BenchJson.Default.StageMeasurement) ?? throw new InvalidOperationException("empty measurement");

    /// <summary>Runs this program again as a child for one stage and reads its last output line.</summary>
    public static StageMeasurement RunChild(params string[] args) => RunVerb("child", args);

    /// <summary>Runs this program again with <paramref name="verb"/> and reads the measurement on its last output line.</summary>
    public static StageMeasurement RunVerb(string verb, params string[] args)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = false,
        };
        var entry = Environment.GetCommandLineArgs()[0];
        if (entry.EndsWith(".dll", StringComparison.Ordinal))
        {
            info.ArgumentList.Add(entry);
        }

        info.ArgumentList.Add(verb);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'));
        if (process.ExitCode != 0 || last is null)
        {
            throw new InvalidOperationException($"bench child '{string.Join(' ', args)}' failed (exit {process.ExitCode}): {output}");
        }

        return FromJson(last);
    }
}
