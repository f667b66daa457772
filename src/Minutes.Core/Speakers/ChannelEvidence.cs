namespace Minutes.Speakers;

/// <summary>
/// How the speakers stage used the recording's channels, as <c>04-speakers.json</c> records it
/// (<c>channels</c>): the mode asked for and the one used, why (<see cref="ChannelChoice"/>'s
/// reasons), how many channels the recording had, and what <c>auto</c> measured over the speech:
/// the spread of the level differences between channels (dB) and, per channel (1 first), the share
/// of speech it dominated by at least <see cref="DominanceDb"/>.
/// </summary>
public sealed record ChannelEvidence(
    string Requested,
    string Used,
    string Reason,
    int Channels,
    double? SpreadDb = null,
    IReadOnlyList<double>? DominantShares = null,
    double DominanceDb = ChannelChoice.DominanceDb,
    double SpreadThresholdDb = ChannelChoice.SpreadThresholdDb);
