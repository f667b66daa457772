using Minutes.Privacy;
using Minutes.Rendering;
using Minutes.Runs;

namespace Minutes.Keeping;

/// <summary>
/// Personal information redacted as decided, in the run's own files: every text a reviewer chose
/// to redact (<c>minutes pii --redact</c>) replaced by the redaction mark (○○) wherever it stands,
/// in the Markdown, the page and every JSON trace (as written, and as the traces' JSON encoder
/// escapes it: quotes, backslashes and characters outside the basic plane such as 𠮷).
/// </summary>
public static class Redaction
{
    private static readonly string[] TextExtensions = [".json", ".md", ".html", ".txt", ".srt", ".vtt", ".tsv"];

    /// <summary>The texts to redact in a run, longest first; none when the run has no draft.</summary>
    public static IReadOnlyList<string> Texts(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Exists(RunFolder.MinutesTrace) ? PrivacyDecisions.Review(run).RedactedTexts : [];
    }

    public static bool IsText(string path) => TextExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>The content with every text replaced by the mark; the same bytes when none occurs.</summary>
    public static byte[] Apply(byte[] content, IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return content;
        }

        var text = System.Text.Encoding.UTF8.GetString(content);
        var mark = DocumentLabels.Japanese["Redacted"];
        var redacted = texts.Aggregate(text, (t, r) => t
            .Replace(r, mark, StringComparison.Ordinal)
            .Replace(System.Text.Json.JsonEncodedText.Encode(r, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(), mark, StringComparison.Ordinal)
            .Replace(System.Net.WebUtility.HtmlEncode(r), mark, StringComparison.Ordinal));
        return redacted == text ? content : System.Text.Encoding.UTF8.GetBytes(redacted);
    }
}
