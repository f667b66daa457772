using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Drafting;

/// <summary>The names of <see cref="DraftStyle"/> as the command line, <c>minutes.json</c>, the manifest and the prompts write them.</summary>
public static class DraftStyles
{
    /// <summary>The style when neither the command line, the meeting nor <c>minutes.json</c> names one.</summary>
    public const DraftStyle Default = DraftStyle.Summary;

    /// <summary>The style named <paramref name="name"/>, or one clear line for an unknown one.</summary>
    public static DraftStyle Parse(string name) => name switch
    {
        "summary" => DraftStyle.Summary,
        "verbatim" => DraftStyle.Verbatim,
        "overview" => DraftStyle.Overview,
        _ => throw new MinutesException(Messages.Get("UnknownStyle", name)),
    };

    public static string Name(this DraftStyle style) => style switch
    {
        DraftStyle.Summary => "summary",
        DraftStyle.Verbatim => "verbatim",
        DraftStyle.Overview => "overview",
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, null),
    };
}
