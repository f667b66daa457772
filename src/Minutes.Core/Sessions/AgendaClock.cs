using System.Globalization;
using Minutes.Text;

namespace Minutes.Sessions;

/// <summary>
/// Where in the recording an agenda line's time of day (10:30 意見交換) is expected: counted from
/// the last agenda item already placed that gives a time and was placed near it, else from the
/// agenda's first line when it gives a time (10:00 開会), taken to be when the first segment
/// starts. Re-anchoring on each placed item lets a meeting that runs late carry its delay forward
/// instead of every later time drifting further from the speech. An agenda whose first line has
/// no time has no clock until an item with a time is placed by its words or presenter: its first
/// time says nothing about when the recording began.
/// </summary>
internal sealed record AgendaClock(TimeSpan? Time, double Seconds)
{
    /// <summary>How far from an agenda line's time its announcement may be: a meeting runs late or early by minutes, not by half an hour.</summary>
    public const double WindowSeconds = 600;

    /// <summary>
    /// How far from the time a chair's hand-over that no cue names may be: weaker evidence than an
    /// announcement, so the time must say more (measured on Fixtures/genres/timed: its hand-overs
    /// are 5 to 35 s from the agenda's minutes).
    /// </summary>
    public const double HandOverWindowSeconds = 120;

    public static AgendaClock Start(Agenda agenda, double firstSegment) =>
        new(agenda.Items.Count > 0 ? agenda.Items[0].Time : null, firstSegment);

    /// <summary>The recording time the line's time of day points at; null for a line without a time or an agenda without any.</summary>
    public double? Expected(AgendaItem item) =>
        item.Time is { } time && Time is { } anchor ? Seconds + (time - anchor).TotalSeconds : null;

    /// <summary>
    /// The clock after <paramref name="item"/> was placed at <paramref name="seconds"/>: anchored
    /// there when the line gives a time and the place is within <see cref="WindowSeconds"/> of it
    /// (or there is no clock yet); otherwise unchanged, with a warning when the line's time and
    /// the speech disagree.
    /// </summary>
    public AgendaClock Placed(AgendaItem item, double seconds, SessionNotes notes)
    {
        if (item.Time is null)
        {
            return this;
        }

        if (Expected(item) is not { } expected)
        {
            return new AgendaClock(item.Time, seconds);
        }

        if (Math.Abs(seconds - expected) <= WindowSeconds)
        {
            return new AgendaClock(item.Time, seconds);
        }

        notes.Warn(Messages.Of("AgendaTimeNotUsed", item.Time.Value.ToString("hh\\:mm", CultureInfo.InvariantCulture), item.Title, expected, seconds));
        return this;
    }
}
