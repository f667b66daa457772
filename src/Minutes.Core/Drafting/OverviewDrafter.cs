namespace Minutes.Drafting;

/// <summary>
/// The 議事概要 (<see cref="DraftStyle.Overview"/>) without a model: the offline drafter's points
/// in である調, part by part, each citing its segments, with the procedure left out (a 議事概要
/// records what was presented, asked and said, not the 諮り and 「異議なし」 of a 会議録).
/// Questions and answers stay in the part where they were asked; <c>OverviewLayout</c> arranges them.
/// </summary>
public sealed class OverviewDrafter : IMinutesDrafter
{
    private readonly IMinutesDrafter _points;

    public OverviewDrafter(IMinutesDrafter? points = null) => _points = points ?? new OfflineDrafter();

    public DrafterKind Kind => _points.Kind;

    public IReadOnlyDictionary<string, string> Parameters => _points.Parameters;

    public async Task<MinutesDocument> DraftAsync(DraftInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var points = await _points.DraftAsync(input with { Style = DraftStyle.Summary }, cancellationToken).ConfigureAwait(false);
        var sections = points.Sections.Select(s => s with { Items = s.Items.Where(i => i.Kind != ItemKinds.Procedure).ToList() }).ToList();
        return points with { Style = DraftStyle.Overview, Sections = sections };
    }
}
