using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Minutes.Json;
using Minutes.Provenance;
using Minutes.Rendering;

namespace Minutes.Review;

/// <summary>
/// The review page's provenance panel and trace tables. Every statement's and segment's chain
/// (<see cref="ProvenanceTracer"/>, the model <c>minutes explain</c> prints) and the LLM calls they
/// name are serialised into the page as JSON (no network: the page stays self-contained); a click
/// on a statement or segment opens the panel (<c>provenance.js</c>). The traces open as tables:
/// speech regions, chunks, speaker turns, sessions and LLM calls.
/// </summary>
internal static class ProvenancePanel
{
    private static readonly string[] LabelKeys =
    [
        "ProvenanceTitle", "ProvenanceClose", "ProvenanceMade", "ProvenanceRule", "ProvenanceCue", "ProvenanceCall", "ProvenanceMergedFrom",
        "ProvenanceNotRecorded", "ProvenanceVerification", "ProvenanceSegments", "ProvenanceCitedBy", "ProvenanceSpeakers", "ProvenanceSessions",
        "ProvenanceMessages", "ProvenanceResponse", "ProvenanceTries",
    ];

    /// <summary>
    /// The panel's data and the trace tables, from one <paramref name="tracer"/>: 02 and each LLM
    /// call are parsed once for the whole page, however many statements and segments name them.
    /// </summary>
    public static void Append(StringBuilder page, ProvenanceTracer tracer, RunArtifacts artifacts, DocumentLabels labels)
    {
        var chains = new Dictionary<string, ProvenanceChain>(StringComparer.Ordinal);
        foreach (var id in tracer.Ids)
        {
            if (!chains.ContainsKey(id) && tracer.Trace(id) is { } chain)
            {
                chains[id] = chain;
            }
        }

        var data = JsonSerializer.Serialize(new ProvenancePage(chains, tracer.Calls()), MinutesJson.Context.ProvenancePage);
        var names = LabelKeys.ToDictionary(k => k, k => labels[k], StringComparer.Ordinal);
        page.Append("<aside id=\"provenance\" hidden data-labels=\"").Append(E(JsonSerializer.Serialize(names, MinutesJson.Context.DictionaryStringString))).Append("\">\n<h2>")
            .Append(E(labels["ProvenanceTitle"])).Append(" <button id=\"provenance-close\" type=\"button\">").Append(E(labels["ProvenanceClose"])).Append("</button></h2>\n")
            .Append("<div id=\"provenance-body\"></div>\n</aside>\n")
            .Append("<p class=\"hint\">").Append(E(labels["ProvenanceHint"])).Append("</p>\n")
            // JSON inside <script>: '<' escaped so that no text can close the element.
            .Append("<script type=\"application/json\" id=\"provenance-data\">").Append(data.Replace("<", "\\u003c", StringComparison.Ordinal)).Append("</script>\n");
        Tables(page, tracer, artifacts, labels);
    }

    private static void Tables(StringBuilder page, ProvenanceTracer tracer, RunArtifacts artifacts, DocumentLabels labels)
    {
        page.Append("<section id=\"trace-tables\">\n<h2>").Append(E(labels["TraceTables"])).Append("</h2>\n");
        if (tracer.Vad is { } vad)
        {
            Table(page, "trace-regions", labels["TraceRegions"] + $" {vad.Detector}", ["id", "start", "end", "seconds"],
                vad.Regions.Select(r => new[] { r.Id, N(r.Start), N(r.End), N(r.End - r.Start) }));
        }

        if (artifacts.Transcript.Chunks is { Count: > 0 } chunks)
        {
            var perChunk = artifacts.Transcript.Segments.Where(s => s.Chunk is not null).CountBy(s => s.Chunk!.Value).ToDictionary();
            Table(page, "trace-chunks", labels["TraceChunks"], ["chunk", "start", "end", "regions", "segments"],
                chunks.Select(c => new[] { c.Index.ToString(CultureInfo.InvariantCulture), N(c.Start), N(c.End), string.Join(' ', c.RegionIds),
                    perChunk.GetValueOrDefault(c.Index).ToString(CultureInfo.InvariantCulture) }));
        }

        if (artifacts.Speakers is { } speakers)
        {
            Table(page, "trace-turns", labels["TraceTurns"], ["start", "end", "speaker", "name", "cluster", "naming", "margin"],
                speakers.Turns.Select(t => new[] { N(t.Start), N(t.End), t.Speaker, artifacts.SpeakerById(t.Speaker)?.Name ?? string.Empty, t.Cluster ?? string.Empty, t.Naming ?? string.Empty, t.Margin is { } m ? N(m) : string.Empty }));
        }

        if (artifacts.Sessions is { } sessions)
        {
            Table(page, "trace-sessions", labels["TraceSessions"], ["id", "title", "kind", "start", "end", "boundary", "segment", "evidence", "pattern", "pause"],
                sessions.Sessions.Select(s => new[] { s.Id, s.Title, s.Kind, N(s.Start), N(s.End), s.Boundary.Reason, s.Boundary.SegmentId ?? string.Empty, s.Boundary.Evidence ?? string.Empty, s.Boundary.Pattern ?? string.Empty, s.Boundary.PauseSeconds is { } p ? N(p) : string.Empty }));
        }

        if (tracer.CallFiles.Count > 0)
        {
            var calls = tracer.AllCalls();
            Table(page, "trace-calls", labels["TraceCalls"], ["file", "session", "part", "model", "host", "seconds", "attempts", "tokens", "finish"],
                calls.Select(c => new[] { c.Path, c.Call.Session ?? string.Empty, c.Call.Part ?? string.Empty, c.Call.Model, c.Call.EndpointHost, N(c.Call.LatencySeconds),
                    c.Call.Attempts.ToString(CultureInfo.InvariantCulture), $"{c.Call.PromptTokens}/{c.Call.CompletionTokens}", c.Call.FinishReason ?? string.Empty }));
        }

        page.Append("</section>\n");
    }

    private static void Table(StringBuilder page, string id, string title, string[] columns, IEnumerable<string[]> rows)
    {
        var list = rows.ToList();
        page.Append("<details id=\"").Append(id).Append("\"><summary>").Append(E(title)).Append(" (").Append(list.Count.ToString(CultureInfo.InvariantCulture)).Append(")</summary>\n<table>\n<tr>");
        foreach (var column in columns)
        {
            page.Append("<th>").Append(E(column)).Append("</th>");
        }

        page.Append("</tr>\n");
        foreach (var row in list)
        {
            page.Append("<tr>");
            foreach (var cell in row)
            {
                page.Append("<td>").Append(E(cell)).Append("</td>");
            }

            page.Append("</tr>\n");
        }

        page.Append("</table>\n</details>\n");
    }

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
