using Minutes.Policy;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Drafting;

/// <summary>What the draft stage was asked to do (by <c>minutes draft</c> or <c>transcribe</c>).</summary>
public sealed record DraftOptions
{
    /// <summary>The defaults, for help texts and for the configuration's fallback.</summary>
    public static DraftOptions Defaults { get; } = new();

    /// <summary>The meeting header file (会議名/日時/場所 lines).</summary>
    public string? Meeting { get; init; }

    public DraftStyle Style { get; init; } = DraftStyles.Default;

    /// <summary>
    /// Where <see cref="Style"/> came from. Unless it was given (<c>--style</c>), the meeting file's
    /// 種別 chooses the style; a configured style comes next, then the kind inferred from the transcript.
    /// </summary>
    public StyleSource StyleSource { get; init; } = StyleSource.Given;

    /// <summary>機密性 1–3.</summary>
    public Confidentiality Confidentiality { get; init; } = Confidentiality.Default;

    /// <summary>Names of people (one per line) whose mention is personal information.</summary>
    public string? Roster { get; init; }

    public void Validate()
    {
        foreach (var file in new[] { Meeting, Roster }.OfType<string>().Where(f => !File.Exists(f)))
        {
            throw new MinutesException(Messages.Get("FileNotFound", file));
        }
    }
}
