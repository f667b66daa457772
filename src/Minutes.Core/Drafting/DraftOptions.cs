using Minutes.Runs;

namespace Minutes.Drafting;

/// <summary>What the draft stage was asked to do (by <c>minutes draft</c> or <c>transcribe</c>).</summary>
public sealed record DraftOptions
{
    /// <summary>The defaults, for help texts and for the configuration's fallback.</summary>
    public static DraftOptions Defaults { get; } = new();

    /// <summary>The meeting header file (会議名/日時/場所 lines).</summary>
    public string? Meeting { get; init; }

    public string Style { get; init; } = "summary";

    /// <summary>機密性 1–3.</summary>
    public int Confidentiality { get; init; } = 1;

    /// <summary>Names of people (one per line) whose mention is personal information.</summary>
    public string? Roster { get; init; }

    public void Validate()
    {
        if (Style is not ("summary" or "verbatim"))
        {
            throw new MinutesException($"Unknown style '{Style}'; use summary (要点筆記) or verbatim (全文).");
        }

        if (Confidentiality is < 1 or > 3)
        {
            throw new MinutesException($"Confidentiality must be 1, 2 or 3, not {Confidentiality}.");
        }

        foreach (var file in new[] { Meeting, Roster }.OfType<string>().Where(f => !File.Exists(f)))
        {
            throw new MinutesException($"File not found: {file}");
        }
    }
}
