using System.Runtime.InteropServices;

namespace Minutes.Models;

/// <summary>The processor's name, so that a speed measured on one CPU is not reused on another.</summary>
public static class CpuName
{
    /// <summary>
    /// <c>model name</c> of <c>/proc/cpuinfo</c> on Linux, <c>PROCESSOR_IDENTIFIER</c> on Windows,
    /// else the architecture (no better name is at hand without native calls).
    /// </summary>
    public static string Current { get; } = Read();

    private static string Read()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (line is not null && line.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0)
                {
                    return line[(colon + 1)..].Trim();
                }
            }
        }
        catch (IOException)
        {
            // Unreadable: fall through to the other sources.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }

        var identifier = Environment.GetEnvironmentVariable("PROCESSOR_IDENTIFIER");
        return string.IsNullOrWhiteSpace(identifier) ? RuntimeInformation.ProcessArchitecture.ToString() : identifier.Trim();
    }
}
