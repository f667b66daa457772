using System.Globalization;
using System.Net;
using System.Text;
using Minutes.Rendering;
using Minutes.Review;

namespace Minutes.Editing;

/// <summary>
/// The review page's list of what the draft left out (<see cref="UncitedSegments"/>), per part:
/// each segment with its time, speaker and text, and where a statement citing it would go
/// (<c>data-anchor</c>: the statement of its part citing the nearest earlier segment, else the
/// part itself), which the workbench's script turns into one action: add a statement.
/// </summary>
public static class UncitedPageSection
{
    public static string Html(ReviewFlags flags, RunArtifacts artifacts, DocumentLabels labels)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentNullException.ThrowIfNull(labels);
        if (flags.Uncited.Count == 0)
        {
            return string.Empty;
        }

        var order = artifacts.Transcript.Segments.Select((s, i) => (s.Id, i)).GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var page = new StringBuilder();
        page.Append("<section id=\"uncited\">\n<h2>").Append(E(labels["ReviewUncited"])).Append("</h2>\n<p class=\"note\">").Append(E(labels["ReviewUncitedNote"])).Append("</p>\n");
        foreach (var part in flags.Uncited)
        {
            var items = artifacts.Minutes.Sections.FirstOrDefault(s => s.SessionId == part.SessionId)?.Items ?? [];
            page.Append("<h3>").Append(E(part.Title)).Append("</h3>\n<ul>\n");
            foreach (var segment in part.Segments)
            {
                var at = order.GetValueOrDefault(segment.Id);
                // After the statement citing the nearest earlier segment (the last such one in the part on a tie).
                var anchor = items.Select((item, index) => (item, index, before: item.Citations.Select(c => order.TryGetValue(c, out var o) && o < at ? o : -1).DefaultIfEmpty(-1).Max()))
                    .Where(x => x.before >= 0).OrderBy(x => x.before).ThenBy(x => x.index).Select(x => x.item.Id).LastOrDefault() ?? part.SessionId;
                page.Append("<li class=\"uncited\" data-segment=\"").Append(E(segment.Id)).Append("\" data-anchor=\"").Append(E(anchor)).Append("\"><a class=\"cite\" href=\"#seg-")
                    .Append(E(segment.Id)).Append("\" data-cites=\"").Append(E(segment.Id)).Append("\">").Append(E(segment.Id)).Append("</a> ")
                    .Append(E(segment.Start.ToString("0.0", CultureInfo.InvariantCulture))).Append(" s <span class=\"speaker\">").Append(E(segment.Speaker ?? "?"))
                    .Append("</span> <span class=\"text\">").Append(E(segment.Text)).Append("</span></li>\n");
            }

            page.Append("</ul>\n");
        }

        return page.Append("</section>\n").ToString();
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
