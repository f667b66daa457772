namespace Minutes.Drafting;

/// <summary>Where the draft style came from, for the precedence --style &gt; 種別 &gt; minutes.json &gt; the inferred kind.</summary>
public enum StyleSource
{
    /// <summary>Named on the command line (or by the caller): it wins.</summary>
    Given,

    /// <summary><c>style</c> in minutes.json: after the meeting file's 種別, before the inferred kind.</summary>
    Configured,

    /// <summary>Nobody named one: the kind of meeting chooses.</summary>
    Default,
}
