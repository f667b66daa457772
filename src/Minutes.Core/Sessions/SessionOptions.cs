using System.Globalization;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Sessions;

/// <summary>How the sessions stage splits a transcript; every value is recorded in the trace and the manifest.</summary>
public sealed record SessionOptions
{
    /// <summary>The defaults, for help texts.</summary>
    public static SessionOptions Defaults { get; } = new();

    /// <summary>The agenda file (<c>--agenda</c>): one item per line, matched to the chair's announcements.</summary>
    public string? Agenda { get; init; }

    /// <summary>A silence at least this long (seconds) starts a session when no announcement is near it.</summary>
    public double PauseSeconds { get; init; } = 90;

    /// <summary>The share of an agenda item's character bigrams a segment must contain to announce it.</summary>
    public double AgendaThreshold { get; init; } = 0.6;

    /// <summary>Two boundaries of the same kind closer than this (seconds) are one announcement.</summary>
    public double MergeSeconds { get; init; } = 15;

    /// <summary>Fails with one line when a value is out of range.</summary>
    public void Validate()
    {
        if (PauseSeconds <= 0 || MergeSeconds < 0 || AgendaThreshold is <= 0 or > 1)
        {
            throw new MinutesException(Messages.Get("SessionOptionsInvalid"));
        }
    }

    /// <summary>The parameters as the manifest records them.</summary>
    public IReadOnlyDictionary<string, string> Parameters => new Dictionary<string, string>
    {
        ["agenda"] = Agenda is null ? "" : Path.GetFileName(Agenda),
        ["pauseSeconds"] = PauseSeconds.ToString(CultureInfo.InvariantCulture),
        ["agendaThreshold"] = AgendaThreshold.ToString(CultureInfo.InvariantCulture),
        ["mergeSeconds"] = MergeSeconds.ToString(CultureInfo.InvariantCulture),
        ["cueTable"] = CueTable.Default.Sha256[..12],
    };
}
