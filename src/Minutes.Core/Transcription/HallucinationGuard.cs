using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Minutes.Text;

namespace Minutes.Transcription;

/// <summary>What Whisper returned for one segment, before the guards and before ids are given.</summary>
public sealed record RawSegment(double Start, double End, string Text, double? Probability, double? NoSpeechProbability, double RmsDbfs);

/// <summary>
/// Whisper's known failure modes on Japanese meetings: a phrase looped over and over, and
/// subtitle phrases (「ご視聴ありがとうございました」) invented over silence. Each decision is
/// recorded: a segment is kept with a flag, repaired with a flag, or dropped with the reason.
/// </summary>
public static partial class HallucinationGuard
{
    /// <summary>Below this RMS level (dBFS) there is no speech under a segment, whatever Whisper says.</summary>
    public const double SilentDbfs = -50;

    /// <summary>
    /// Below this average token probability a segment is low-confidence: the guard flags it here and
    /// the review shows it (<c>ReviewFlags</c> reads this one value, so the page and the trace agree).
    /// 0.4 rather than the review's former 0.5: it is the value every transcript so far was flagged
    /// with, and a flag on too many ordinary segments teaches a reviewer to skip flags.
    /// </summary>
    public const double LowConfidence = 0.4;

    private static readonly Lazy<HashSet<string>> SilencePhrases = new(LoadPhrases);

    /// <summary>
    /// Applies the guards to one chunk's segments. When the chunk's text came from a temperature
    /// fallback (<paramref name="decoding"/>), every kept segment says so, and a subtitle phrase
    /// is dropped even over sound: a window that failed at temperature 0 and then produced
    /// 「ご視聴ありがとうございました」 is the textbook invention.
    /// </summary>
    public static (IReadOnlyList<(RawSegment Segment, IReadOnlyList<string> Flags)> Kept, IReadOnlyList<DroppedSegment> Dropped) Apply(
        IReadOnlyList<RawSegment> segments, string? regionId, WindowDecoding? decoding = null)
    {
        var fellBack = decoding?.FellBack == true;
        ArgumentNullException.ThrowIfNull(segments);
        var kept = new List<(RawSegment, IReadOnlyList<string>)>();
        var dropped = new List<DroppedSegment>();
        string? previous = null;
        var previousRepeats = 0;
        foreach (var raw in segments)
        {
            var text = raw.Text.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var flags = new List<string>();
            var collapsed = CollapseLoops(text);
            if (collapsed != text)
            {
                flags.Add(SegmentFlags.Repetition);
                text = collapsed;
            }

            var key = Key(text);
            if (SilencePhrases.Value.Contains(key))
            {
                if (fellBack || raw.RmsDbfs < SilentDbfs + 10 || raw.NoSpeechProbability > 0.5)
                {
                    dropped.Add(Drop(raw, SegmentFlags.SilenceHallucination, regionId));
                    continue;
                }

                flags.Add(SegmentFlags.SilenceHallucination);
            }
            else if (raw.RmsDbfs < SilentDbfs)
            {
                dropped.Add(Drop(raw, "no-audio", regionId));
                continue;
            }

            previousRepeats = key == previous ? previousRepeats + 1 : 0;
            previous = key;
            if (previousRepeats >= 2)
            {
                dropped.Add(Drop(raw, SegmentFlags.Repetition, regionId));
                continue;
            }

            if (raw.Probability < LowConfidence)
            {
                flags.Add(SegmentFlags.LowConfidence);
            }

            if (fellBack)
            {
                flags.Add(SegmentFlags.TemperatureFallback);
            }

            kept.Add((raw with { Text = text }, flags));
        }

        return (kept, dropped);
    }

    /// <summary>Replaces a unit repeated four or more times in a row by one occurrence of it.</summary>
    public static string CollapseLoops(string text) => Loop().Replace(text, m => m.Groups[1].Value);

    /// <summary>The comparison key: NFKC, without spaces and punctuation.</summary>
    public static string Key(string text)
    {
        var normal = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normal.Length);
        foreach (var c in normal)
        {
            var category = char.GetUnicodeCategory(c);
            if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c) && category != UnicodeCategory.MathSymbol && category != UnicodeCategory.OtherSymbol)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static DroppedSegment Drop(RawSegment raw, string reason, string? regionId) =>
        new(Math.Round(raw.Start, 3), Math.Round(raw.End, 3), raw.Text.Trim(), reason, regionId);

    private static HashSet<string> LoadPhrases() =>
        ResourceLines.Embedded("Minutes.Transcription.Resources.silence-phrases.txt").Select(Key).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"(.{1,24}?)\1{3,}", RegexOptions.Singleline)]
    private static partial Regex Loop();
}
