using System.Text;

namespace Minutes.Drafting;

/// <summary>
/// Personal information replaced by numbered placeholders (〔個人情報1〕…) before anything goes to an
/// LLM, and put back in what comes back. The longest texts are replaced first, so that 高橋健一 is
/// not left half-masked by 高橋. Which texts to mask is the detector's and the roster's business
/// (<see cref="DraftInput.MaskedTexts"/>); whether to mask is the confidentiality level's.
/// </summary>
public sealed class PersonalInfoMask
{
    private readonly List<(string Value, string Placeholder)> _pairs;

    private PersonalInfoMask(List<(string, string)> pairs) => _pairs = pairs;

    /// <summary>Masks nothing (levels that send the transcript as said).</summary>
    public static PersonalInfoMask None { get; } = new([]);

    /// <summary>The placeholders in use, for the trace.</summary>
    public IReadOnlyList<string> Placeholders => _pairs.Select(p => p.Placeholder).ToList();

    /// <summary>The mask the input's confidentiality level asks for.</summary>
    public static PersonalInfoMask For(DraftInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Confidentiality.MasksBeforeSending ? From(input.MaskedTexts()) : None;
    }

    public static PersonalInfoMask From(IEnumerable<string> texts) =>
        new(texts.Distinct(StringComparer.Ordinal).OrderByDescending(t => t.Length)
            .Select((t, i) => (t, DrafterTexts.Placeholder(i + 1))).ToList());

    /// <summary>The text with every masked value replaced (NFKC first, as the detector saw it).</summary>
    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_pairs.Count == 0)
        {
            return text;
        }

        var normal = text.Normalize(NormalizationForm.FormKC);
        foreach (var (value, placeholder) in _pairs)
        {
            normal = normal.Replace(value, placeholder, StringComparison.Ordinal);
        }

        return normal;
    }

    /// <summary>The placeholders in an answer put back to what they stand for.</summary>
    public string Restore(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (value, placeholder) in _pairs)
        {
            text = text.Replace(placeholder, value, StringComparison.Ordinal);
        }

        return text;
    }
}
