using System.Globalization;
using System.Text.Json.Serialization;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Policy;

/// <summary>
/// 機密性, the product's main safety rule, with what each level allows. Level 1 sends the
/// transcript as it was said (and warns when personal information went to a remote host); level 2
/// masks personal information before sending; level 3 never lets the transcript leave this
/// machine and is approved only by two different reviewers. Written to JSON as the plain number.
/// </summary>
[JsonConverter(typeof(ConfidentialityJsonConverter))]
public readonly record struct Confidentiality
{
    // Stored as the distance above level 1, so that default(Confidentiality) is level 1, the
    // documented default, and never an invalid level 0.
    private readonly int _aboveOpen;

    private Confidentiality(int level) => _aboveOpen = level - 1;

    /// <summary>Level 1: sent as said.</summary>
    public static Confidentiality Open => new(1);

    /// <summary>Level 2: personal information masked before sending.</summary>
    public static Confidentiality Masked => new(2);

    /// <summary>Level 3: local endpoints only, two reviewers.</summary>
    public static Confidentiality LocalOnly => new(3);

    /// <summary>The level when neither the command line nor <c>minutes.json</c> names one.</summary>
    public static Confidentiality Default => Open;

    /// <summary>1, 2 or 3.</summary>
    public int Level => _aboveOpen + 1;

    /// <summary>Personal information is replaced by placeholders before the transcript goes to an LLM.</summary>
    public bool MasksBeforeSending => Level >= 2;

    /// <summary>How many different reviewers an approval needs.</summary>
    public int RequiredReviewers => Level >= 3 ? 2 : 1;

    /// <summary>Level 2 and above: every finding about a private person is kept or redacted by a reviewer before approval.</summary>
    public bool RequiresPrivacyDecisions => Level >= 2;

    /// <summary>
    /// Whether a draft that sent personal information unmasked to <paramref name="endpointHost"/>
    /// (a host or host:port) must say so: only level 1 sends it unmasked, and a loopback host never leaves the machine.
    /// </summary>
    public bool WarnsOfUnmaskedSending(string endpointHost) =>
        !MasksBeforeSending && !IsLoopbackHost(endpointHost);

    /// <summary>Whether this level protects less than <paramref name="other"/>: going to it lowers a run's level, which needs a reason.</summary>
    public bool IsBelow(Confidentiality other) => Level < other.Level;

    /// <summary>The stricter of two levels.</summary>
    public static Confidentiality Stricter(Confidentiality a, Confidentiality b) => a.IsBelow(b) ? b : a;

    /// <summary>The level for <paramref name="level"/>, or one clear line when it is not 1, 2 or 3.</summary>
    public static Confidentiality From(int level) =>
        TryFrom(level, out var confidentiality) ? confidentiality : throw new MinutesException(Invalid(level));

    public static bool TryFrom(int level, out Confidentiality confidentiality)
    {
        confidentiality = level is >= 1 and <= 3 ? new(level) : default;
        return level is >= 1 and <= 3;
    }

    /// <summary>The one message for a level that does not exist.</summary>
    public static string Invalid(int level) => Messages.Get("ConfidentialityInvalid", level);

    /// <summary>Whether the transcript may go to <paramref name="endpoint"/>: at level 3 only to a loopback address.</summary>
    public bool AllowsEndpoint(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return Level < 3 || endpoint.IsLoopback;
    }

    public override string ToString() => Level.ToString(CultureInfo.InvariantCulture);

    private static bool IsLoopbackHost(string authority) =>
        Uri.TryCreate("http://" + authority, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
