using System.Net;
using System.Text;
using Markdig;
using Minutes.Drafting;

namespace Minutes.Rendering;

/// <summary>The documents <c>minutes render</c> writes.</summary>
public enum RenderFormat
{
    Md,
    Docx,
    Html,
    Srt,
    Vtt,
    Txt,
}

/// <summary>Renders a run's minutes (or its transcript, for subtitles) in one of the <see cref="RenderFormat"/>s.</summary>
public static class DocumentFormats
{
    /// <summary>Markdig with raw HTML switched off: the Markdown holds no HTML of its own, and none may come in.</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>The folder of the run that holds the filing copies <c>minutes render</c> writes.</summary>
    public const string FilingFolder = "filing";

    public static string Extension(RenderFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>The default file name in the run folder (<c>minutes.md</c>, <c>minutes.docx</c> …).</summary>
    public static string DefaultFileName(RenderFormat format) => "minutes." + Extension(format);

    /// <summary>Whether the format is a document of the minutes (a filing copy), not subtitles of the transcript.</summary>
    public static bool IsDocument(RenderFormat format) => format is RenderFormat.Md or RenderFormat.Docx or RenderFormat.Html or RenderFormat.Txt;

    /// <summary>
    /// The document in <paramref name="format"/>; with <paramref name="citations"/> false the
    /// statements carry no citation markers (the filing copy; the review draft keeps them).
    /// </summary>
    public static byte[] Render(RunArtifacts artifacts, RenderFormat format, DocumentLabels? labels = null, bool citations = true)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        labels ??= DocumentLabels.Japanese;
        var layout = MinutesLayout.From(artifacts, labels).WithoutEmptySections();
        if (!citations)
        {
            layout = layout.WithoutCitations();
        }

        var overviewStyle = artifacts.Minutes.Style == DraftStyle.Overview;
        var title = overviewStyle ? labels["OverviewTitle"] : labels.Title;
        if (overviewStyle && IsDocument(format))
        {
            var overview = OverviewLayout.From(layout, labels);
            return format switch
            {
                RenderFormat.Docx => new DocxRenderer(labels).Render(overview),
                RenderFormat.Html => Utf8(Html(new OverviewRenderer(labels, plain: false).Render(overview), title + " " + artifacts.Minutes.Header.MeetingName)),
                _ => Utf8(new OverviewRenderer(labels, plain: format == RenderFormat.Txt).Render(overview)),
            };
        }

        return format switch
        {
            RenderFormat.Md => Utf8(MarkdownRenderer.Markdown(labels).Render(layout)),
            RenderFormat.Txt => Utf8(MarkdownRenderer.PlainText(labels).Render(layout)),
            RenderFormat.Docx => new DocxRenderer(labels).Render(layout),
            RenderFormat.Html => Utf8(Html(MarkdownRenderer.Markdown(labels).Render(layout), title + " " + artifacts.Minutes.Header.MeetingName)),
            RenderFormat.Srt => Utf8(SubtitleRenderer.Srt(artifacts, labels)),
            RenderFormat.Vtt => Utf8(SubtitleRenderer.Vtt(artifacts, labels)),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
    }

    /// <summary>A standalone HTML page of the minutes: the Markdown through Markdig, a little print CSS.</summary>
    /// <param name="title">The page's title: the kind of document and the meeting (会議録 総務常任委員会).</param>
    public static string Html(string markdown, string title)
    {
        var body = Markdown.ToHtml(markdown, Pipeline);
        return new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(WebUtility.HtmlEncode(title))
            .Append("</title>\n<style>body{font-family:\"Yu Mincho\",\"Hiragino Mincho ProN\",serif;max-width:45em;margin:2em auto;line-height:1.8}h1{text-align:center}</style>\n</head>\n<body>\n")
            .Append(body)
            .Append("</body>\n</html>\n")
            .ToString();
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);
}
