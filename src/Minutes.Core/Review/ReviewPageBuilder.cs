using System.Globalization;
using System.Net;
using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Minutes.Drafting;
using Minutes.Provenance;
using Minutes.Rendering;
using Minutes.Runs;
using Minutes.Speakers;
using Minutes.Text;
using Minutes.Transcription;

namespace Minutes.Review;

/// <summary>
/// Writes <c>review.html</c>: one self-contained page (inline CSS and script, no network) that
/// works from a file share. The minutes are rendered with Markdig; each statement's citation
/// links to the transcript segments it rests on, which are highlighted and played from the run's
/// own recording (a relative path). Flags stand out, and the traces are listed with their sha256.
/// Everything that comes from the transcript or a model is HTML-escaped.
/// </summary>
public sealed class ReviewPageBuilder
{
    private readonly DocumentLabels _labels;

    public ReviewPageBuilder(DocumentLabels? labels = null) => _labels = labels ?? DocumentLabels.Japanese;

    /// <summary>
    /// The page. <paramref name="served"/>: for the review workbench (<c>minutes review --serve</c>):
    /// the same page with the workbench panel, whose script switches the edit controls on and may
    /// talk to the server it came from (<c>connect-src 'self'</c>); the static file has neither.
    /// </summary>
    public string Build(RunFolder run, RunArtifacts artifacts, bool served = false)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(artifacts);
        var flags = ReviewFlags.Of(run, artifacts);
        // The page marks the statements as verified now, not as 07 recorded them.
        artifacts = StatementCheck.Reverify(artifacts);
        var layout = MinutesLayout.From(artifacts, _labels);
        var state = ApprovalState.Of(run, artifacts.Minutes.Confidentiality);
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; media-src 'self' file:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:")
            .Append(served ? "; connect-src 'self'" : string.Empty).Append("\">\n")
            .Append("<title>").Append(E(_labels["ReviewTitle"] + " " + artifacts.Minutes.Header.MeetingName)).Append("</title>\n")
            .Append("<style>\n").Append(Resource("review.css")).Append("</style>\n</head>\n<body>\n");
        Header(page, run, artifacts, state);
        if (served)
        {
            WorkbenchPanel(page);
        }

        Flags(page, flags);
        page.Append(Editing.UncitedPageSection.Html(flags, artifacts, _labels));
        Versions(page, run, artifacts);
        page.Append("<main>\n<article id=\"minutes\">\n").Append(MinutesHtml(layout, artifacts)).Append("</article>\n");
        Transcript(page, artifacts, flags, Joins(run));
        page.Append("</main>\n");
        Speakers(page, artifacts);
        PersonalInformation(page, artifacts);
        Traces(page, state);
        ProvenancePanel.Append(page, ProvenanceTracer.For(run, artifacts), artifacts, _labels);
        Approvals(page, state);
        page.Append("<script>\n").Append(Resource("review.js")).Append("</script>\n");
        page.Append("<script>\n").Append(Resource("provenance.js")).Append("</script>\n</body>\n</html>\n");
        return page.ToString();
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    private static string Time(double seconds)
    {
        var time = TimeSpan.FromMilliseconds(Math.Round(Math.Max(0, seconds) * 1000));
        return string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours}:{time.Minutes:00}:{time.Seconds:00}.{time.Milliseconds / 100}");
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Resource(string name) => ResourceLines.EmbeddedText("Minutes.Review." + name);

    private void Header(StringBuilder page, RunFolder run, RunArtifacts artifacts, ApprovalState state)
    {
        var status = state.IsApproved
            ? $"version {state.Version}: approved ({string.Join(", ", state.CurrentReviewers.Select(E))})"
            : $"version {state.Version}: not approved ({state.CurrentReviewers.Count}/{state.RequiredReviewers})";
        page.Append("<header>\n<h1>").Append(E(_labels["ReviewTitle"])).Append(" — ").Append(E(artifacts.Minutes.Header.MeetingName)).Append("</h1>\n")
            .Append("<p class=\"meta\">run ").Append(E(state.Manifest.RunId))
            .Append(" · ").Append(E(_labels["ReviewConfidentiality"])).Append(' ').Append(state.Confidentiality.ToString())
            .Append(" · ").Append(E(artifacts.Minutes.Drafter.Kind.Name())).Append(artifacts.Minutes.Drafter.Model is { } model ? " " + E(model) : string.Empty)
            .Append(" · ").Append(status).Append("</p>\n");
        ConfidentialityChanges(page, state.Manifest);
        var audio = run.Exists(RunFolder.DecodedAudio) ? RunFolder.DecodedAudio : null;
        if (audio is not null)
        {
            // A relative path: the page and the recording move together (a file share, a copied run folder).
            page.Append("<audio id=\"recording\" controls preload=\"auto\" src=\"").Append(E(audio)).Append("\"></audio>\n");
        }

        page.Append("</header>\n");
    }

    /// <summary>Every change of the run's level, a lowering with its reason, so a reviewer sees who relaxed the policy and why.</summary>
    private void ConfidentialityChanges(StringBuilder page, Manifest manifest)
    {
        if (manifest.ConfidentialityChanges is not { Count: > 0 } changes)
        {
            return;
        }

        page.Append("<details id=\"confidentiality-changes\"").Append(changes.Any(c => c.Lowered) ? " open" : string.Empty).Append("><summary>")
            .Append(E(_labels["ReviewConfidentialityChanges"])).Append("</summary>\n<ul>\n");
        foreach (var change in changes)
        {
            page.Append("<li").Append(change.Lowered ? " class=\"lowered\"" : string.Empty).Append('>')
                .Append(change.From.ToString()).Append(" → ").Append(change.To.ToString())
                .Append(change.Lowered ? " " + E(_labels["ReviewConfidentialityLowered"]) : string.Empty)
                .Append(" · ").Append(E(change.By))
                .Append(" · ").Append(change.At.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
                .Append(" · ").Append(E(change.Command))
                .Append(change.Reason is { } reason ? " · " + E(_labels["ReviewReason"]) + ": " + E(reason) : string.Empty)
                .Append("</li>\n");
        }

        page.Append("</ul>\n</details>\n");
    }

    private void Flags(StringBuilder page, ReviewFlags flags)
    {
        page.Append("<section id=\"flags\">\n<h2>").Append(E(_labels["ReviewFlags"])).Append("</h2>\n<ul>\n");
        void Count(string label, int count, string css) =>
            page.Append("<li>").Append(E(_labels[label])).Append(": <span class=\"badge ").Append(count > 0 ? css : "none").Append("\">")
                .Append(count.ToString(CultureInfo.InvariantCulture)).Append("</span></li>\n");
        Count("ReviewUnsupported", flags.Unsupported.Count, "flag");
        Count("ReviewPersonalInformation", flags.PersonalInformation.Count, "flag");
        Count("ReviewLowConfidence", flags.LowConfidence.Count, "warn");
        Count("ReviewDropped", flags.Dropped.Count, "warn");
        Count("ReviewInferred", flags.InferredSpeakers.Count, "warn");
        Count("ReviewSpeakerDoubt", flags.SpeakerDoubts.Count, "warn");
        if (flags.SpeakerCount is { } speakers)
        {
            page.Append("<li>").Append(E(_labels["ReviewSpeakerCount"])).Append(": <span class=\"badge ").Append(speakers.Doubtful ? "warn" : "none").Append("\" title=\"")
                .Append(E(speakers.Describe())).Append("\">").Append(speakers.Count.ToString(CultureInfo.InvariantCulture))
                .Append(E(speakers.Given ? _labels["ReviewSpeakerCountGiven"] : speakers.Doubtful ? _labels["ReviewSpeakerCountDoubtful"] : _labels["ReviewSpeakerCountEstimated"])).Append("</span></li>\n");
        }

        page.Append("</ul>\n");
        var blockers = flags.Blockers();
        if (blockers.Count == 0)
        {
            page.Append("<p class=\"clear\">").Append(E(_labels["ReviewNothingBlocks"])).Append("</p>\n");
        }
        else
        {
            page.Append("<p>").Append(E(_labels["ReviewBlocks"])).Append(":</p>\n<ul>\n");
            foreach (var blocker in blockers)
            {
                page.Append("<li class=\"blocker\">").Append(E(blocker.Japanese)).Append("</li>\n");
            }

            page.Append("</ul>\n");
        }

        page.Append("</section>\n");
    }

    /// <summary>
    /// The minutes through Markdig, with citations written as links; the syntax tree is then
    /// annotated (statement ids, flags, the segments each link cites) before it becomes HTML.
    /// </summary>
    private string MinutesHtml(MinutesLayout layout, RunArtifacts artifacts)
    {
        var markdown = MarkdownRenderer.Markdown(_labels, CitationStyle.ReviewLinks).Render(layout);
        var document = Markdown.Parse(markdown, DocumentFormats.Pipeline);
        var personal = artifacts.Minutes.PersonalInformation.Select(p => p.SegmentId).ToHashSet(StringComparer.Ordinal);
        var lowConfidence = artifacts.Transcript.Segments.Where(ReviewFlags.IsLowConfidence).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var statements = layout.AllStatements.GroupBy(s => s.ItemId).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        // A decision shows in its item and again in 決定事項: the element id goes to the first.
        var anchored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paragraph in document.Descendants<ParagraphBlock>())
        {
            var link = paragraph.Inline?.Descendants<LinkInline>().FirstOrDefault(l => l.Url?.StartsWith(MarkdownRenderer.CitationAnchorPrefix, StringComparison.Ordinal) == true);
            if (link is null)
            {
                continue;
            }

            var id = Uri.UnescapeDataString(link.Url![MarkdownRenderer.CitationAnchorPrefix.Length..]);
            if (!statements.TryGetValue(id, out var statement))
            {
                continue;
            }

            // A tight list renders its paragraphs without <p>: the list item carries the marks then.
            var attributes = (paragraph.Parent is ListItemBlock item ? (Block)item : paragraph).GetAttributes();
            if (anchored.Add(id))
            {
                attributes.Id = "item-" + id;
            }

            attributes.AddClass("statement");
            attributes.AddProperty("data-kind", statement.Kind);
            if (statement.Unsupported)
            {
                attributes.AddClass("unsupported");
            }

            var linkAttributes = link.GetAttributes();
            linkAttributes.AddClass("cite");
            linkAttributes.AddProperty("data-cites", string.Join(' ', statement.Citations));
            linkAttributes.AddProperty("title", id);
            if (statement.Citations.Any(c => !artifacts.Segments.ContainsKey(c)))
            {
                linkAttributes.AddClass("unresolved");
            }

            // What the cited segments carry shows on the statement too, as a class and a badge.
            var speakers = statement.Citations.Select(artifacts.SpeakerIdOfSegment).Append(statement.Speaker);
            var marks = new (bool Applies, string Css, string Label, string Badge)[]
            {
                (speakers.Any(s => artifacts.SpeakerById(s)?.Source == NameSources.Inferred), "speaker-inferred", "ReviewInferredBadge", "warn"),
                (statement.Citations.Any(personal.Contains) || personal.Contains(statement.ItemId), "pii", "ReviewPersonalInformation", "flag"),
                (statement.Citations.Any(lowConfidence.Contains), "low-confidence", "ReviewLowConfidence", "warn"),
            };
            foreach (var mark in marks.Where(m => m.Applies))
            {
                attributes.AddClass(mark.Css);
                paragraph.Inline!.FirstChild?.InsertBefore(new HtmlInline($"<span class=\"badge {mark.Badge}\">{E(_labels[mark.Label])}</span>"));
            }
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        DocumentFormats.Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>Where a meeting recorded in several files continues in the next one (01-audio.json's sources after the first).</summary>
    private static List<Audio.AudioSourcePart> Joins(RunFolder run) =>
        run.Exists(RunFolder.AudioTrace) ? [.. run.Read(RunFolder.AudioTrace, Json.MinutesJson.Context.AudioInfo).Sources?.Skip(1) ?? []] : [];

    private void Transcript(StringBuilder page, RunArtifacts artifacts, ReviewFlags flags, List<Audio.AudioSourcePart> joins)
    {
        // A join is noted before the first segment that ends after it: the segment it falls in, or the next.
        void Join(Audio.AudioSourcePart join) => page.Append("<li class=\"join\" data-start=\"").Append(Number(join.Start)).Append("\"><span class=\"time\">").Append(Time(join.Start))
            .Append("</span> ").Append(E(_labels["ReviewJoin"])).Append(": ").Append(E(Path.GetFileName(join.File))).Append("</li>\n");
        var nextJoin = 0;
        var citedBy = artifacts.Minutes.Sections.SelectMany(s => s.Items)
            .SelectMany(i => i.Citations.Select(c => (Segment: c, Item: i.Id)))
            .GroupBy(p => p.Segment, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Item).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var personal = artifacts.Minutes.PersonalInformation.GroupBy(p => p.SegmentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var low = flags.LowConfidence.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var doubted = flags.SpeakerDoubts.ToDictionary(d => d.SegmentId, d => d.Reason, StringComparer.Ordinal);
        page.Append("<aside id=\"transcript\">\n<h2>").Append(E(_labels["ReviewTranscript"])).Append("</h2>\n<ol>\n");
        foreach (var segment in artifacts.Transcript.Segments)
        {
            while (nextJoin < joins.Count && joins[nextJoin].Start < segment.End)
            {
                Join(joins[nextJoin++]);
            }

            var speaker = artifacts.SpeakerById(artifacts.SpeakerIdOfSegment(segment.Id));
            var classes = new List<string> { "seg" };
            if (low.Contains(segment.Id))
            {
                classes.Add("low-confidence");
            }

            var findings = personal.GetValueOrDefault(segment.Id) ?? [];
            if (findings.Count > 0)
            {
                classes.Add("pii");
            }

            page.Append("<li id=\"seg-").Append(E(segment.Id)).Append("\" class=\"").Append(string.Join(' ', classes))
                .Append("\" data-start=\"").Append(Number(segment.Start)).Append("\" data-end=\"").Append(Number(segment.End)).Append("\">")
                .Append("<button class=\"play\" type=\"button\" title=\"").Append(E(_labels["ReviewPlay"])).Append("\">&#9654;</button>")
                .Append("<span class=\"time\">").Append(Time(segment.Start)).Append("</span>")
                .Append("<span class=\"id\">").Append(E(segment.Id)).Append("</span> ")
                .Append("<span class=\"speaker").Append(speaker?.Source == NameSources.Inferred ? " inferred" : string.Empty).Append("\">")
                .Append(E(artifacts.SpeakerName(artifacts.SpeakerIdOfSegment(segment.Id), _labels) ?? "?")).Append("</span>");
            if (speaker?.Source == NameSources.Inferred)
            {
                page.Append("<span class=\"badge warn\">").Append(E(_labels["ReviewInferredBadge"])).Append("</span>");
            }

            if (doubted.TryGetValue(segment.Id, out var doubt))
            {
                page.Append("<span class=\"badge warn speaker-doubt\" title=\"").Append(E(doubt)).Append("\">").Append(E(_labels["ReviewSpeakerDoubtBadge"])).Append("</span>");
            }

            page.Append("<span class=\"text\">").Append(HighlightFindings(segment.Text, findings)).Append("</span>");
            if (low.Contains(segment.Id))
            {
                page.Append("<span class=\"badge warn\">").Append(E(_labels["ReviewLowConfidence"]))
                    .Append(segment.Confidence is { } c ? " " + Number(c) : string.Empty).Append("</span>");
            }

            foreach (var flag in (segment.Flags ?? []).Where(f => f != SegmentFlags.LowConfidence))
            {
                page.Append("<span class=\"badge warn\">").Append(E(flag)).Append("</span>");
            }

            if (citedBy.TryGetValue(segment.Id, out var items))
            {
                page.Append("<span class=\"cited-by\">");
                foreach (var item in items)
                {
                    page.Append("<a class=\"back\" href=\"#item-").Append(E(item)).Append("\">").Append(E(item)).Append("</a>");
                }

                page.Append("</span>");
            }

            page.Append("</li>\n");
        }

        joins.Skip(nextJoin).ToList().ForEach(Join);
        page.Append("</ol>\n");
        if (artifacts.Transcript.Dropped.Count > 0)
        {
            page.Append("<h3>").Append(E(_labels["ReviewDropped"])).Append("</h3>\n<ul class=\"dropped\">\n");
            foreach (var dropped in artifacts.Transcript.Dropped)
            {
                page.Append("<li class=\"dropped-segment\" data-start=\"").Append(Number(dropped.Start)).Append("\"><span class=\"time\">").Append(Time(dropped.Start))
                    .Append("</span> ").Append(E(dropped.Text)).Append(" <span class=\"badge warn\">").Append(E(dropped.Reason)).Append("</span></li>\n");
            }

            page.Append("</ul>\n");
        }

        page.Append("</aside>\n");
    }

    /// <summary>The segment text, escaped, with each piece of personal information found in it marked.</summary>
    private static string HighlightFindings(string text, IReadOnlyList<Drafting.PersonalInfoFinding> findings)
    {
        var marks = findings.Select(f => f.Text).Where(t => !string.IsNullOrEmpty(t)).Distinct(StringComparer.Ordinal).ToList();
        var html = new StringBuilder();
        var position = 0;
        while (position < text.Length)
        {
            var next = marks.Select(m => (Mark: m, At: text.IndexOf(m, position, StringComparison.Ordinal))).Where(p => p.At >= 0).OrderBy(p => p.At).FirstOrDefault();
            if (next.Mark is null)
            {
                break;
            }

            html.Append(E(text[position..next.At])).Append("<mark class=\"pii\">").Append(E(next.Mark)).Append("</mark>");
            position = next.At + next.Mark.Length;
        }

        return html.Append(E(text[position..])).ToString();
    }

    private void Speakers(StringBuilder page, RunArtifacts artifacts)
    {
        if (artifacts.Speakers is null)
        {
            return;
        }

        page.Append("<section id=\"speakers\">\n<h2>").Append(E(_labels["ReviewSpeakers"])).Append("</h2>\n<table>\n<tr><th>id</th><th>")
            .Append(E(_labels["ReviewSpeakers"])).Append("</th><th>").Append(E(_labels["ReviewNameSource"])).Append("</th><th>score</th><th>s</th></tr>\n");
        foreach (var speaker in artifacts.Speakers.Speakers)
        {
            var inferred = speaker.Source == NameSources.Inferred;
            page.Append("<tr").Append(inferred ? " class=\"inferred\"" : string.Empty).Append("><td>").Append(E(speaker.Id)).Append("</td><td>").Append(E(speaker.Name))
                .Append("</td><td>").Append(E(speaker.Source)).Append(inferred ? $" <span class=\"badge warn\">{E(_labels["ReviewInferredBadge"])}</span>" : string.Empty)
                .Append("</td><td>").Append(speaker.Score is { } score ? Number(score) : string.Empty)
                .Append("</td><td>").Append(Number(speaker.SpeakingSeconds)).Append("</td></tr>\n");
        }

        page.Append("</table>\n</section>\n");
    }

    private void PersonalInformation(StringBuilder page, RunArtifacts artifacts)
    {
        var findings = artifacts.Minutes.PersonalInformation;
        page.Append("<section id=\"personal\">\n<h2>").Append(E(_labels["ReviewPersonalInformation"])).Append("</h2>\n");
        if (findings.Count == 0)
        {
            page.Append("<p>0</p>\n</section>\n");
            return;
        }

        page.Append("<table>\n<tr><th>kind</th><th>text</th><th>segment</th><th>").Append(E(_labels["ReviewAction"])).Append("</th></tr>\n");
        foreach (var finding in findings)
        {
            page.Append("<tr class=\"pii\" data-finding=\"").Append(E(finding.Id ?? PersonalInfoDetector.IdOf(finding.Kind, finding.Text, finding.SegmentId))).Append("\"><td>").Append(E(finding.Kind)).Append("</td><td><mark class=\"pii\">").Append(E(finding.Text))
                .Append("</mark></td><td><a href=\"#seg-").Append(E(finding.SegmentId)).Append("\">").Append(E(finding.SegmentId))
                .Append("</a></td><td>").Append(E(finding.Action)).Append("</td></tr>\n");
        }

        page.Append("</table>\n</section>\n");
    }

    /// <summary>What changed since the draft before the last redraft: statements added, removed and changed.</summary>
    private void Versions(StringBuilder page, RunFolder run, RunArtifacts artifacts)
    {
        var changes = Workbench.DraftVersions.Changes(run, artifacts.Minutes);
        if (changes is null)
        {
            return;
        }

        page.Append("<section id=\"versions\">\n<h2>").Append(E(_labels["ReviewVersions"])).Append("</h2>\n");
        if (changes.Count == 0)
        {
            page.Append("<p>").Append(E(_labels["ReviewNoChanges"])).Append("</p>\n</section>\n");
            return;
        }

        page.Append("<ul>\n");
        foreach (var change in changes)
        {
            var (css, label) = change.Kind switch
            {
                Workbench.DraftChangeKind.Added => ("added", "ReviewAdded"),
                Workbench.DraftChangeKind.Removed => ("removed", "ReviewRemoved"),
                _ => ("changed", "ReviewChanged"),
            };
            page.Append("<li class=\"change ").Append(css).Append("\"><span class=\"badge ").Append(css).Append("\">").Append(E(_labels[label])).Append("</span> ");
            if (change.BeforeText is not null)
            {
                page.Append("<del>").Append(E(change.BeforeId)).Append(' ').Append(E(change.BeforeText)).Append("</del> ");
            }

            if (change.AfterText is not null)
            {
                page.Append("<ins><a href=\"#item-").Append(E(change.AfterId)).Append("\">").Append(E(change.AfterId)).Append("</a> ").Append(E(change.AfterText)).Append("</ins>");
            }

            page.Append("</li>\n");
        }

        page.Append("</ul>\n</section>\n");
    }

    /// <summary>
    /// The workbench controls of the served page: the reviewer's name and the actions on the whole
    /// run; the script adds the per-segment, per-statement and per-finding controls. The labels
    /// travel as one JSON attribute, escaped.
    /// </summary>
    private void WorkbenchPanel(StringBuilder page)
    {
        var keys = new[]
        {
            "WorkbenchEdit", "WorkbenchSave", "WorkbenchCancel", "WorkbenchChecked", "WorkbenchMarkChecked", "WorkbenchKeep", "WorkbenchRedact",
            "WorkbenchConflict", "WorkbenchSegments", "WorkbenchPlaces", "ReviewUnsupported",
            "WorkbenchAddStatement", "WorkbenchDelete", "WorkbenchRestore",
        };
        var labels = keys.ToDictionary(k => k, k => _labels[k], StringComparer.Ordinal);
        string Input(string id, string label) => $"<label>{E(_labels[label])} <input id=\"{id}\" type=\"text\"></label> ";
        string Button(string id, string label) => $"<button id=\"{id}\" type=\"button\">{E(_labels[label])}</button> ";
        page.Append("<section id=\"workbench\" data-labels=\"").Append(E(System.Text.Json.JsonSerializer.Serialize(labels, Json.MinutesJson.Context.DictionaryStringString))).Append("\">\n<h2>")
            .Append(E(_labels["WorkbenchTitle"])).Append("</h2>\n<p>").Append(Input("wb-reviewer", "WorkbenchReviewer"))
            .Append("<output id=\"wb-message\" role=\"status\"></output></p>\n")
            .Append("<p class=\"wb-speakers\">").Append(E(_labels["WorkbenchRename"])).Append(": <select id=\"wb-rename-speaker\"></select> ").Append(Input("wb-rename-name", "WorkbenchNewName")).Append(Button("wb-rename", "WorkbenchApply"))
            .Append(" · ").Append(E(_labels["WorkbenchMerge"])).Append(": <select id=\"wb-merge-from\"></select> → <select id=\"wb-merge-into\"></select> ").Append(Button("wb-merge", "WorkbenchApply")).Append("</p>\n")
            .Append("<p class=\"wb-replace\">").Append(E(_labels["WorkbenchReplace"])).Append(": ").Append(Input("wb-replace-from", "WorkbenchWrong")).Append(Input("wb-replace-to", "WorkbenchRight"))
            .Append(Button("wb-count", "WorkbenchCount")).Append("<output id=\"wb-count-result\"></output> ").Append(Button("wb-replace", "WorkbenchApply")).Append("</p>\n")
            .Append("<p class=\"wb-draft\">").Append(Button("wb-redraft", "WorkbenchRedraft")).Append(" · ").Append(Input("wb-comment", "WorkbenchComment")).Append(Input("wb-accept", "WorkbenchAcceptFlags"))
            .Append("<label>").Append(E(_labels["WorkbenchKey"])).Append(" <input id=\"wb-key\" type=\"file\" accept=\".pem\"></label> ")
            .Append(Button("wb-approve", "WorkbenchApprove")).Append("</p>\n</section>\n");
    }

    private void Traces(StringBuilder page, ApprovalState state)
    {
        page.Append("<section id=\"traces\">\n<h2>").Append(E(_labels["ReviewTraces"])).Append("</h2>\n<table>\n<tr><th>file</th><th>stage</th><th>sha256</th><th></th></tr>\n");
        foreach (var check in state.Checks)
        {
            var path = check.Recorded.Path;
            page.Append("<tr").Append(check.Matches ? string.Empty : " class=\"changed\"").Append("><td><a href=\"").Append(E(path)).Append("\">").Append(E(path))
                .Append("</a></td><td>").Append(E(check.Recorded.Stage)).Append("</td><td class=\"sha\">").Append(E(check.Recorded.Sha256))
                .Append("</td><td>").Append(E(_labels[check.Matches ? "ReviewFileMatches" : "ReviewFileChanged"])).Append("</td></tr>\n");
        }

        page.Append("</table>\n</section>\n");
    }

    private void Approvals(StringBuilder page, ApprovalState state)
    {
        page.Append("<section id=\"approvals\">\n<h2>").Append(E(_labels["ReviewApprovals"])).Append("</h2>\n");
        if (state.Log.Approvals.Count == 0)
        {
            page.Append("<p>").Append(E(_labels["ReviewNoApprovals"])).Append("</p>\n</section>\n");
            return;
        }

        page.Append("<ul>\n");
        foreach (var approval in state.Log.Approvals)
        {
            page.Append("<li>").Append(E(Messages.Of("ReviewApprovalOfVersion", ApprovalState.Describe(approval), approval.Version).Japanese));
            if (approval.Comment is not null)
            {
                page.Append(": ").Append(E(approval.Comment));
            }

            if (approval.AcceptedFlags is { } accepted)
            {
                page.Append(" <span class=\"badge warn\">").Append(E(_labels["ReviewReason"])).Append(": ").Append(E(accepted.Reason))
                    .Append(" (").Append(E(string.Join(", ", accepted.Items))).Append(")</span>");
            }

            page.Append("</li>\n");
        }

        page.Append("</ul>\n</section>\n");
    }
}
