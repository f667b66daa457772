using System.Text;

namespace Minutes.Drafting;

/// <summary>
/// A text with its digits as digits, whichever way they were written: 〇三 and ゼロサン become 03
/// (kanji digits one by one; a run of katakana only where the whole run is digit readings), so
/// that one pattern finds a number however it was transcribed. Each character of the view knows
/// the span of the original it came from.
/// </summary>
internal sealed class DigitView
{
    private const string KanjiDigits = "〇一二三四五六七八九";
    private readonly int[] _start;
    private readonly int[] _end;

    private DigitView(string text, int[] start, int[] end)
    {
        Text = text;
        _start = start;
        _end = end;
    }

    public string Text { get; }

    public static DigitView Of(string text, IReadOnlyDictionary<string, char> readings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(readings);
        var view = new StringBuilder(text.Length);
        var start = new List<int>(text.Length);
        var end = new List<int>(text.Length);
        void Put(char c, int from, int to)
        {
            view.Append(c);
            start.Add(from);
            end.Add(to);
        }

        for (var i = 0; i < text.Length;)
        {
            if (IsKatakana(text[i]))
            {
                var runEnd = i;
                while (runEnd < text.Length && IsKatakana(text[runEnd]))
                {
                    runEnd++;
                }

                var read = Readings(text, i, runEnd, readings);
                if (read is { Count: >= 2 })
                {
                    foreach (var (c, from, to) in read)
                    {
                        Put(c, from, to);
                    }
                }
                else
                {
                    for (var k = i; k < runEnd; k++)
                    {
                        Put(text[k], k, k + 1);
                    }
                }

                i = runEnd;
                continue;
            }

            var kanji = KanjiDigits.IndexOf(text[i], StringComparison.Ordinal);
            Put(kanji >= 0 ? (char)('0' + kanji) : text[i] == '零' ? '0' : text[i], i, i + 1);
            i++;
        }

        return new DigitView(view.ToString(), [.. start], [.. end]);
    }

    /// <summary>The span of the original text that a span of the view came from.</summary>
    public (int Start, int Length) Original(int index, int length) => (_start[index], _end[index + length - 1] - _start[index]);

    /// <summary>The digits of a katakana run read aloud (ノ between groups stays a separator), or null when any part is not a reading.</summary>
    private static List<(char Digit, int From, int To)>? Readings(string text, int from, int to, IReadOnlyDictionary<string, char> readings)
    {
        var digits = new List<(char, int, int)>();
        var count = 0;
        for (var i = from; i < to;)
        {
            if (text[i] == 'ノ')
            {
                digits.Add(('の', i, i + 1));
                i++;
                continue;
            }

            var match = readings.Keys.Where(r => r.Length <= to - i && string.CompareOrdinal(text, i, r, 0, r.Length) == 0).MaxBy(r => r.Length);
            if (match is null)
            {
                return null;
            }

            digits.Add((readings[match], i, i + match.Length));
            count++;
            i += match.Length;
        }

        return count >= 2 ? digits : null;
    }

    private static bool IsKatakana(char c) => c is >= 'ァ' and <= 'ヺ' or 'ー';
}
