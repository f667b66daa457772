using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Corrections;

/// <summary>
/// A council's own words that Whisper gets wrong (member names, place names, terms): one
/// <c>誤=正</c> a line (<c>#</c> starts a comment) in a file given with <c>--replacements</c>, or the
/// <c>replacements</c> map of <c>minutes.json</c>. Applied right after transcription as corrections
/// recorded under the reviewer <see cref="Reviewer"/>, which never counts as a reviewer for approval.
/// </summary>
public sealed record ReplacementDictionary(string Source, IReadOnlyList<(string Wrong, string Right)> Entries)
{
    /// <summary>The reviewer name of the automatic corrections.</summary>
    public const string Reviewer = "dictionary";

    public static ReplacementDictionary Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new MinutesException(Messages.Get("ReplacementsNotFound", path));
        }

        var entries = new List<(string, string)>();
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cut = line.IndexOf('=', StringComparison.Ordinal);
            if (cut <= 0 || cut == line.Length - 1)
            {
                throw new MinutesException(Messages.Get("ReplacementsBadLine", path, number, line));
            }

            entries.Add((line[..cut].Trim(), line[(cut + 1)..].Trim()));
        }

        return Of(path, entries);
    }

    public static ReplacementDictionary Of(string source, IEnumerable<(string Wrong, string Right)> entries)
    {
        var list = entries.Where(e => e.Wrong.Length > 0 && e.Wrong != e.Right).ToList();
        if (list.Count == 0)
        {
            throw new MinutesException(Messages.Get("ReplacementsEmpty", source));
        }

        return new ReplacementDictionary(source, list);
    }

    /// <summary>
    /// Applies every entry that still finds its wrong term to the log, as corrections by
    /// <see cref="Reviewer"/>; an entry with nothing left to replace (already applied, or never
    /// said) is passed over, so applying a dictionary twice changes nothing.
    /// </summary>
    public CorrectionLog ApplyTo(CorrectionLog log, CorrectedTranscript current, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(current);
        foreach (var (wrong, right) in Entries)
        {
            // Compared as written and in NFKC form, so ＡＢＣ in the dictionary finds ABC in the text.
            var term = current.Transcript.Segments.Any(s => s.Text.Contains(wrong, StringComparison.Ordinal)) ? wrong : wrong.Normalize(System.Text.NormalizationForm.FormKC);
            if (!current.Transcript.Segments.Any(s => s.Text.Contains(term, StringComparison.Ordinal)) || term == right)
            {
                continue;
            }

            var correction = Corrector.Prepare(current, new CorrectionRequest(CorrectionOperation.Replace, term, right), Reviewer, $"replacement dictionary {Path.GetFileName(Source)}", time);
            log = log.Append(correction);
            current = current.Apply(log.Corrections[^1]);
        }

        return log;
    }
}
