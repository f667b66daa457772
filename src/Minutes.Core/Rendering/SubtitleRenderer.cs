using System.Globalization;
using System.Text;

namespace Minutes.Rendering;

/// <summary>Subtitle files (SRT, WebVTT) of the transcript, each cue labelled with its speaker.</summary>
public static class SubtitleRenderer
{
    public static string Srt(RunArtifacts artifacts, DocumentLabels? labels = null)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        labels ??= DocumentLabels.Japanese;
        var text = new StringBuilder();
        var number = 1;
        foreach (var (segment, speaker) in Cues(artifacts, labels))
        {
            text.Append(number++).Append('\n')
                .Append(Time(segment.Start, ',')).Append(" --> ").Append(Time(segment.End, ',')).Append('\n')
                .Append(speaker is null ? string.Empty : speaker + labels.FieldSeparator)
                .Append(MinutesLayout.OneLine(segment.Text).Replace("-->", "->", StringComparison.Ordinal))
                .Append("\n\n");
        }

        return text.ToString();
    }

    public static string Vtt(RunArtifacts artifacts, DocumentLabels? labels = null)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        labels ??= DocumentLabels.Japanese;
        var text = new StringBuilder("WEBVTT\n\n");
        foreach (var (segment, speaker) in Cues(artifacts, labels))
        {
            text.Append(segment.Id).Append('\n')
                .Append(Time(segment.Start, '.')).Append(" --> ").Append(Time(segment.End, '.')).Append('\n');
            if (speaker is not null)
            {
                // A voice span names the speaker; its annotation may not hold '>' or line breaks.
                text.Append("<v ").Append(EscapeVtt(speaker).Replace("&gt;", string.Empty, StringComparison.Ordinal)).Append('>');
            }

            text.Append(EscapeVtt(MinutesLayout.OneLine(segment.Text))).Append("\n\n");
        }

        return text.ToString();
    }

    private static IEnumerable<(Transcription.TranscriptSegment Segment, string? Speaker)> Cues(RunArtifacts artifacts, DocumentLabels labels) =>
        artifacts.Transcript.Segments
            .Where(s => s.End > s.Start)
            .Select(s => (s, artifacts.SpeakerName(artifacts.SpeakerIdOfSegment(s.Id), labels)));

    private static string EscapeVtt(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Time(double seconds, char fraction)
    {
        var time = TimeSpan.FromMilliseconds(Math.Round(Math.Max(0, seconds) * 1000));
        return string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours:00}:{time.Minutes:00}:{time.Seconds:00}{fraction}{time.Milliseconds:000}");
    }
}
