namespace Minutes.Drafting;

/// <summary>Whose personal information a finding is (<see cref="PersonalInfoFinding.Person"/>).</summary>
public static class PersonalInfoPerson
{
    /// <summary>A member, official or staff of the roster or a named speaker: named in the minutes, masked when sent.</summary>
    public const string Public = "public";

    /// <summary>Anyone else: a reviewer decides to keep or redact it before approval (level 2 and above).</summary>
    public const string Private = "private";
}
