using System.Globalization;
using System.Text.RegularExpressions;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Transcription.Import;

/// <summary>
/// One utterance read from a transcript file, before validation: times (absent in an untimed
/// text file), speaker when the file names one, the text, and a label that names it in messages.
/// </summary>
public sealed record ImportedCue(string Label, double? Start, double? End, string? Speaker, string Text);

/// <summary>Time stamps of subtitle and text transcripts: <c>hh:mm:ss.fff</c>, <c>hh:mm:ss,fff</c>, <c>mm:ss.f</c>, <c>ss.f</c>.</summary>
public static partial class TimeCode
{
    public static bool TryParse(string text, out double seconds)
    {
        seconds = 0;
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success)
        {
            return false;
        }

        var hours = match.Groups["h"].Success ? int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var minutes = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var secs = double.Parse(match.Groups["s"].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
        seconds = (hours * 3600) + (minutes * 60) + secs;
        return (!match.Groups["m"].Success || secs < 60) && (!match.Groups["h"].Success || minutes < 60);
    }

    public static double Parse(string text, string label) =>
        TryParse(text, out var seconds) ? seconds : throw new MinutesException(Messages.Get("BadTime", label, text));

    /// <summary>hh:mm:ss.fff, for messages.</summary>
    public static string Format(double seconds) =>
        TimeSpan.FromSeconds(Math.Round(seconds, 3)).ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?:(?:(?<h>\d{1,3}):)?(?<m>\d{1,2}):)?(?<s>\d{1,5}(?:[.,]\d{1,3})?)$")]
    private static partial Regex Pattern();
}

/// <summary>
/// A speaker named at the start of a line: <c>話者: 発言</c> (ASCII or full-width colon). A
/// colon followed by a digit is a time of day (10:30), not a speaker.
/// </summary>
public static partial class SpeakerPrefix
{
    public static (string? Speaker, string Text) Split(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = Pattern().Match(line);
        return match.Success ? (match.Groups["speaker"].Value.Trim(), match.Groups["text"].Value.Trim()) : (null, line.Trim());
    }

    [GeneratedRegex(@"^\s*(?<speaker>[^:\uFF1A\s\[\]<>]{1,24})\s*[:\uFF1A](?![0-9\uFF10-\uFF19])\s*(?<text>.*)$")]
    private static partial Regex Pattern();
}
