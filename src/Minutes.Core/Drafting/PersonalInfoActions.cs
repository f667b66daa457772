namespace Minutes.Drafting;

/// <summary>What was done with a finding (<see cref="PersonalInfoFinding.Action"/>).</summary>
public static class PersonalInfoActions
{
    /// <summary>Drafted offline: the text never left the machine.</summary>
    public const string NotSent = "not-sent";

    /// <summary>Replaced by a placeholder before the text went to an LLM (level 2 and above).</summary>
    public const string Masked = "masked";

    /// <summary>Sent unmasked (level 1), and the draft says so.</summary>
    public const string Warned = "warned";

    /// <summary>Typed by a reviewer in an edited statement (the finding's segment is the statement's id): never sent.</summary>
    public const string Edited = "edited";

    /// <summary>Typed by a reviewer in a transcript correction after the draft (the finding's segment is the corrected segment): never sent.</summary>
    public const string Corrected = "corrected";
}
