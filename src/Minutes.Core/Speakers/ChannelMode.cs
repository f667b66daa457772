using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Speakers;

/// <summary>How the speakers stage uses the channels of a recording (<c>--channels</c>, <c>channels</c> in minutes.json).</summary>
public enum ChannelMode
{
    /// <summary>Channel dominance only when the channels really differ in who is loud (<see cref="ChannelChoice"/>).</summary>
    Auto,

    /// <summary>The mono mix only, as before channels were kept.</summary>
    Mix,

    /// <summary>Each channel is one microphone (one per seat): the channel a voice dominates is strong evidence of who spoke.</summary>
    PerSpeaker,
}

/// <summary>The names of <see cref="ChannelMode"/> on the command line, in minutes.json and in the traces.</summary>
public static class ChannelModes
{
    public const ChannelMode Default = ChannelMode.Auto;

    public static IReadOnlyList<string> Names { get; } = ["auto", "mix", "per-speaker"];

    public static ChannelMode Parse(string name) => name switch
    {
        "auto" => ChannelMode.Auto,
        "mix" => ChannelMode.Mix,
        "per-speaker" => ChannelMode.PerSpeaker,
        _ => throw new MinutesException(Messages.Get("UnknownChannelMode", name, string.Join(", ", Names))),
    };

    public static string Name(this ChannelMode mode) => mode switch
    {
        ChannelMode.Auto => "auto",
        ChannelMode.Mix => "mix",
        ChannelMode.PerSpeaker => "per-speaker",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };
}
