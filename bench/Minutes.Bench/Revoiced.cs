using System.Diagnostics;
using System.Globalization;

namespace Minutes.Bench;

/// <summary>
/// Robustness of the diarizer's calibration: the sample scripts spoken again by voices drawn at
/// random (seeded), each speaker a base voice with its own pitch shift, timbre and speed, two
/// speakers on one base voice at least 3 semitones or 0.05 of timbre apart (closer than that the
/// synthesizer makes one person). Built with samples/build (Open JTalk) when it is installed.
/// </summary>
public static class Revoiced
{
    private static readonly string[] Voices = ["mei", "takumi", "tohoku-f01"];

    /// <summary>The folders of the re-voiced meetings, or null (with the reason) when Open JTalk is missing.</summary>
    public static (IReadOnlyList<string>? Meetings, string? Reason) Build(string root, string work, int count, int seed)
    {
        if (!OnPath("open_jtalk") || !OnPath("sox") || !OnPath("oggenc"))
        {
            return (null, "open_jtalk, sox or oggenc is not installed (apt-get install -y open-jtalk open-jtalk-mecab-naist-jdic sox vorbis-tools)");
        }

        var random = new Random(seed);
        var sources = new[] { "committee", "council", "planning", "education" };
        var meetings = new List<string>();
        for (var k = 0; k < count; k++)
        {
            var source = Path.Combine(root, "samples", sources[k % sources.Length]);
            var folder = Path.Combine(work, "revoiced", $"{Path.GetFileName(source)}-{k + 1}");
            var voices = Draw(random, 4);
            var stamp = Path.Combine(folder, "voices.txt");
            if (!File.Exists(Path.Combine(folder, "reference.rttm")) || !File.Exists(stamp) || File.ReadAllText(stamp) != string.Join(";", voices))
            {
                Directory.CreateDirectory(folder);
                foreach (var file in new[] { "session_titles.tsv", "agenda.txt", "meeting.txt" })
                {
                    File.Copy(Path.Combine(source, file), Path.Combine(folder, file), overwrite: true);
                }

                var lines = File.ReadAllLines(Path.Combine(source, "script.tsv"));
                var speakers = lines.Skip(1).Select(l => l.Split('\t')[0]).Distinct().Order(StringComparer.Ordinal).ToList();
                var rewritten = lines.Take(1).Concat(lines.Skip(1).Select(l =>
                {
                    var f = l.Split('\t');
                    var (voice, args) = voices[speakers.IndexOf(f[0]) % voices.Count];
                    f[2] = voice;
                    f[3] = args;
                    return string.Join('\t', f);
                }));
                File.WriteAllLines(Path.Combine(folder, "script.tsv"), rewritten);
                Run("bash", Path.Combine(root, "samples", "build"), folder);
                File.WriteAllText(stamp, string.Join(";", voices));
            }

            meetings.Add(folder);
        }

        return (meetings, null);
    }

    private static List<(string Voice, string Args)> Draw(Random random, int speakers)
    {
        var drawn = new List<(string Voice, int Pitch, double Alpha, double Rate)>();
        while (drawn.Count < speakers)
        {
            var candidate = (Voices[random.Next(Voices.Length)], random.Next(-4, 5), Math.Round(0.50 + (random.Next(0, 6) * 0.02), 2), Math.Round(0.90 + (random.Next(0, 6) * 0.05), 2));
            if (drawn.All(d => d.Voice != candidate.Item1 || Math.Abs(d.Pitch - candidate.Item2) >= 3 || Math.Abs(d.Alpha - candidate.Item3) >= 0.05))
            {
                drawn.Add(candidate);
            }
        }

        return drawn.Select(d => (d.Voice, string.Create(CultureInfo.InvariantCulture, $"-fm {d.Pitch} -a {d.Alpha:0.00} -r {d.Rate:0.00}"))).ToList();
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(p => File.Exists(Path.Combine(p, tool)));

    private static void Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {error.Result}");
        }
    }
}
