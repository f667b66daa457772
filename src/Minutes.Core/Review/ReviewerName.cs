using System.Globalization;
using System.Text;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Review;

/// <summary>
/// Reviewer names as approvals record and compare them. A name is stored in NFKC, trimmed, and
/// refused when it holds a control or format character (a line break would forge a line of
/// <c>minutes verify</c>; a zero-width space would make a second reviewer of the same person).
/// Two names are one reviewer when their folded forms are equal: NFKC, lower case, letters and
/// digits only, so ＴＡＮＡＫＡ, Tanaka and <c>tanaka.</c> are one person at level 3.
/// </summary>
public static class ReviewerName
{
    /// <summary>The name automatic corrections are recorded under; it never counts as a reviewer.</summary>
    public const string Dictionary = Corrections.ReplacementDictionary.Reviewer;

    public const int MaxLength = 100;

    /// <summary>The name as it is recorded, or a one-line refusal.</summary>
    public static string Normalize(string? name)
    {
        var normalized = (name ?? string.Empty).Normalize(NormalizationForm.FormKC).Trim();
        if (normalized.Any(IsForbidden))
        {
            throw new MinutesException(Messages.Get("ReviewerControlCharacters"));
        }

        if (Fold(normalized).Length == 0)
        {
            throw new MinutesException(Messages.Get("ReviewerNeedsName"));
        }

        if (normalized.Length > MaxLength)
        {
            throw new MinutesException(Messages.Get("ReviewerTooLong", MaxLength));
        }

        if (IsReserved(normalized))
        {
            throw new MinutesException(Messages.Get("ReviewerReserved", Dictionary));
        }

        return normalized;
    }

    /// <summary>The form names are compared in.</summary>
    public static string Fold(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        // Runes, not chars: a kanji outside the BMP (𠮷) is a letter, its two surrogates are not.
        return string.Concat(name.Normalize(NormalizationForm.FormKC).ToLowerInvariant().EnumerateRunes().Where(Rune.IsLetterOrDigit));
    }

    public static bool IsReserved(string name) => Fold(name) == Dictionary;

    public static bool SameReviewer(string a, string b) => Fold(a) == Fold(b);

    /// <summary>A name read back from a file, made safe to print on one line: forbidden characters as <c>\uXXXX</c>.</summary>
    public static string Printable(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Concat(name.Select(c => IsForbidden(c) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}") : c.ToString()));
    }

    private static bool IsForbidden(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
