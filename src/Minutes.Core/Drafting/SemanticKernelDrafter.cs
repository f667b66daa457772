using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Drafting;

/// <summary>
/// Drafts each session through Semantic Kernel: the transcript lines (masked when the
/// confidentiality level asks, <see cref="PersonalInfoMask"/>) go through the map–reduce of
/// <see cref="MapReducePlanner"/> (<c>prompts/draft-session.yaml</c> per part,
/// <c>prompts/merge-session.yaml</c> to merge, both with the style's guide and worked example,
/// <c>prompts/style-NAME.yaml</c>), each request through <see cref="LlmCaller"/> (validation and
/// repair, trace in <c>trace/06-llm/</c>, cache). The transcript is sent as compact lines
/// (<see cref="CompactTranscript"/>) in its own message and never passes through the template
/// engine; answers must be JSON against <c>session-draft.schema.json</c> (structured output where
/// the server takes it).
/// </summary>
public sealed class SemanticKernelDrafter : IMinutesDrafter
{
    public const string DraftPrompt = "draft-session";
    public const string MergePrompt = "merge-session";

    private readonly LlmSettings _settings;
    private readonly bool _noCache;
    private readonly PromptFile _draft;
    private readonly PromptFile _merge;
    private readonly string _schema;
    private readonly Dictionary<DraftStyle, StyleGuide> _guides;

    public SemanticKernelDrafter(LlmSettings settings, string? promptsFolder = null, bool noCache = false)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _noCache = noCache;
        _draft = PromptFile.Load(promptsFolder, DraftPrompt);
        _merge = PromptFile.Load(promptsFolder, MergePrompt);
        _schema = ResourceLines.EmbeddedText("Minutes.Drafting.session-draft.schema.json");
        // Every style's guide is read (and its example checked) now, so a bad override fails before any request.
        _guides = Enum.GetValues<DraftStyle>().Select(style => StyleGuide.Load(promptsFolder, style)).OfType<StyleGuide>().ToDictionary(g => g.Style);
        Parameters = new Dictionary<string, string>(settings.Describe())
        {
            ["drafter"] = DrafterKind.Llm.Name(),
            ["promptSha256"] = Hashing.Sha256OfText(_draft.Template),
            ["mergePromptSha256"] = Hashing.Sha256OfText(_merge.Template),
            ["styleGuidesSha256"] = Hashing.Sha256OfText(string.Concat(_guides.Values.Select(g => g.Guide + g.Example))),
        };
    }

    public DrafterKind Kind => DrafterKind.Llm;

    public IReadOnlyDictionary<string, string> Parameters { get; }

    public async Task<MinutesDocument> DraftAsync(DraftInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var traces = input.LlmTraceFolder ?? throw new InvalidOperationException("The LLM trace folder is required.");
        Directory.CreateDirectory(traces);
        var guide = _guides.GetValueOrDefault(input.Style) ?? throw new MinutesException(Messages.Get("StyleGuideMissing", input.Style.Name(), StyleGuide.FileName(input.Style)));
        var mask = PersonalInfoMask.For(input);
        var digests = new Dictionary<string, string>(StringComparer.Ordinal) { [DraftPrompt] = Parameters["promptSha256"], [MergePrompt] = Parameters["mergePromptSha256"] };
        var planner = new MapReducePlanner(new LlmCaller(_settings, traces, digests, mask.Placeholders, _schema, _noCache), _settings);
        var segments = input.Transcript.Segments.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var sections = new List<MinutesSection>();
        var next = 1;
        foreach (var session in input.Sessions.Sessions)
        {
            var lines = session.SegmentIds.Where(segments.ContainsKey).Select(id => segments[id])
                .Select(s => new TranscriptLine(s.Id, input.SpeakerOf(s) ?? string.Empty, DataMessages.Defuse(mask.Apply(input.NameOf(input.SpeakerOf(s)))), DataMessages.Defuse(mask.Apply(s.Text))))
                .ToList();
            if (lines.Count == 0)
            {
                sections.Add(new MinutesSection(session.Id, session.Title, []));
                continue;
            }

            // The titles are masked too: an agenda item may name a person.
            var meeting = mask.Apply(input.Meeting.Name ?? string.Empty);
            var title = mask.Apply(session.Title);
            var draftSystem = await _draft.RenderAsync(meeting, title, guide, cancellationToken).ConfigureAwait(false);
            var mergeSystem = await _merge.RenderAsync(meeting, title, guide, cancellationToken).ConfigureAwait(false);
            var drafted = await planner.DraftAsync(session.Id, draftSystem, mergeSystem, lines, input.Style, cancellationToken).ConfigureAwait(false);
            var items = drafted.Select(p => (p.Item, Provenance: new ItemProvenance(ItemProvenance.ByLlm, Call: p.At.Call, Pointer: p.At.Pointer, Parts: p.Parts)))
                .Select(p => new MinutesItem($"m{next++:D4}", p.Item.Kind, mask.Restore(p.Item.Text), p.Item.Citations, p.Item.Speaker, p.Item.Owner is null ? null : mask.Restore(p.Item.Owner), p.Item.Due is null ? null : mask.Restore(p.Item.Due), Provenance: p.Provenance)).ToList();
            sections.Add(new MinutesSection(session.Id, session.Title, items));
        }

        var header = new MinutesHeader(
            input.Meeting.Name ?? string.Empty,
            input.Meeting.Date,
            input.Meeting.Place,
            (input.Speakers?.Speakers ?? []).Select(s => s.Name).ToList(),
            input.Sessions.Sessions.Where(s => s.Kind == "item").Select(s => s.Title).Distinct(StringComparer.Ordinal).ToList());
        return new MinutesDocument(header, input.Style, new DrafterInfo(DrafterKind.Llm, _settings.Model, _settings.Endpoint.Authority, DraftPrompt), input.Confidentiality, sections, []);
    }
}
