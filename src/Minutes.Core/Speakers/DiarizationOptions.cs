using System.Globalization;
using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Speakers;

/// <summary>How the speakers stage diarizes and names; every value is recorded in the trace and the manifest.</summary>
public sealed record DiarizationOptions
{
    /// <summary>The exact number of speakers (<c>--speakers N</c>), when known.</summary>
    public int? Speakers { get; init; }

    public int? MinSpeakers { get; init; }

    public int? MaxSpeakers { get; init; }

    /// <summary>
    /// Cosine distance at which the first, average-linkage clustering of region pieces stops
    /// merging (never into fewer clusters than <see cref="Speakers"/> or <see cref="MinSpeakers"/>).
    /// It is meant to cut too finely (a voice may split in
    /// two, two voices should not share a cluster); <see cref="CountPenalty"/> then decides which
    /// clusters are one voice, or which to join to reach a given count.
    /// </summary>
    public double Threshold { get; init; } = DefaultThreshold;

    /// <summary>
    /// The default of <see cref="Threshold"/> (built-in embedder), chosen with the penalty on the
    /// four samples and eight re-voiced meetings (a cut at 0.42 gave fewer right counts). Two voices
    /// joined by the cut cannot be parted by the BIC, so it errs on the fine side.
    /// </summary>
    public const double DefaultThreshold = 0.38;

    /// <summary>
    /// The BIC penalty weight λ (<see cref="BicMerging"/>): two clusters stay apart when two
    /// Gaussians explain their windows better than one by more than λ·D·ln n.
    /// </summary>
    public double CountPenalty { get; init; } = DefaultCountPenalty;

    /// <summary>
    /// The default of <see cref="CountPenalty"/>: chosen on the samples and eight re-voiced meetings,
    /// checked on sixteen more (bench/RESULTS.md), and checked again on real speech with the VAD
    /// of 2026-11-30 (<c>bench/run real-sweep speakers --revoiced</c>, docs/notes/speakers.md):
    /// 0.55 gave the same on every tuning set; 0.6 joined a drifting far-field voice (AMI trn03;
    /// tuning DER 33.4 → 27.8 %) but lost a voice in a re-voiced meeting, and 0.65 one in a sample.
    /// </summary>
    public const double DefaultCountPenalty = 0.5;

    /// <summary>
    /// Cosine distance between the embeddings of the 1.5 s before and after a point inside a speech
    /// region above which the region is cut there before clustering (<see cref="SpeakerChanges"/>):
    /// real conversation runs voices together without the pause a detector needs. 0 = never cut.
    /// </summary>
    public double ChangeDistance { get; init; } = DefaultChangeDistance;

    /// <summary>
    /// The default of <see cref="ChangeDistance"/>: only a sharp change (the two sides' mean
    /// embeddings pointing apart, cosine distance above 1.2) cuts a region. Chosen with the penalty
    /// on real and synthesized speech together (docs/notes/speakers.md): it parts the two voices of
    /// the AMI sample that share one 22 s region (AMI tuning DER 43.9 → 33.4 %) and changes nothing
    /// on the seven samples and the eight re-voiced tuning meetings; 1.1 split a re-voiced voice,
    /// 0.6–0.8 many (samples 1.6–13.5 %), 1.3 no longer parts the sample. A narrow choice.
    /// </summary>
    public const double DefaultChangeDistance = 1.2;

    /// <summary>
    /// A cluster speaking less than this (seconds) is not counted as a speaker: it joins the nearest
    /// voice and its turns are flagged (<see cref="TurnDoubts.Short"/>). Never below the given count.
    /// </summary>
    public double MinSpeakerSeconds { get; init; } = DefaultMinSpeakerSeconds;

    /// <summary>
    /// The default of <see cref="MinSpeakerSeconds"/>: 4 s took a real excerpt from 5 voices to 4
    /// (truth 2) and changed nothing on the synthesized samples; 2 s changed nothing anywhere
    /// (the first clustering already joins clusters under three windows). docs/notes/speakers.md.
    /// </summary>
    public const double DefaultMinSpeakerSeconds = 4;

    /// <summary>A window whose own voice is nearer than the next voice by less than this (cosine similarity) is flagged <see cref="TurnDoubts.Margin"/>.</summary>
    public double DoubtMargin { get; init; } = 0.05;

    /// <summary>Re-segment window labels with a Viterbi pass (a change inside a region is found).</summary>
    public bool Resegment { get; init; } = true;

    /// <summary>The cost of a speaker change between neighbouring windows of one region, in cosine similarity.</summary>
    public double SwitchPenalty { get; init; } = 0.3;

    /// <summary>
    /// Whether the channels of a recording with two or more are evidence of who spoke
    /// (<c>--channels auto|mix|per-speaker</c>; <see cref="ChannelChoice"/>). The decoded audio is
    /// mono either way; VAD and Whisper hear the mix.
    /// </summary>
    public ChannelMode Channels { get; init; } = ChannelModes.Default;

    /// <summary>Names given on the command line (<c>--speaker-names S1=委員長,S2=田中委員</c>).</summary>
    public IReadOnlyDictionary<string, string> SpeakerNames { get; init; } = new Dictionary<string, string>();

    /// <summary>The profile folder to match clusters against; null = the default folder.</summary>
    public string? ProfilesFolder { get; init; }

    /// <summary>An ONNX speaker-embedding model (<c>--speaker-model</c>); null = the built-in MFCC embedder.</summary>
    public string? SpeakerModel { get; init; }

    /// <summary>The method the trace records: <c>mfcc-ahc</c>, or <c>onnx:&lt;model file name&gt;</c>.</summary>
    public string Method => SpeakerModel is null ? MfccSpeakerEmbedder.MethodName : "onnx:" + Path.GetFileName(SpeakerModel);

    /// <summary>Cosine similarity above which a cluster takes an enrolled name.</summary>
    public double MatchThreshold { get; init; } = 0.75;

    /// <summary>Fails with one line when a value is out of range.</summary>
    public void Validate()
    {
        if (Speakers is < 1 || MinSpeakers is < 1 || MaxSpeakers is < 1 || (MinSpeakers > MaxSpeakers))
        {
            throw new MinutesException(Messages.Get("SpeakerCountsInvalid"));
        }

        if (Threshold is <= 0 or > 2 || CountPenalty <= 0 || SwitchPenalty < 0 || MatchThreshold is < -1 or > 1
            || ChangeDistance is < 0 or > 2 || MinSpeakerSeconds < 0 || DoubtMargin < 0)
        {
            throw new MinutesException(Messages.Get("DiarizationOptionsInvalid"));
        }
    }

    /// <summary>Parses <c>S1=委員長,S2=田中委員</c>.</summary>
    public static IReadOnlyDictionary<string, string> ParseNames(string? text)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new MinutesException(Messages.Get("SpeakerNamesInvalid", pair));
            }

            names[parts[0]] = parts[1];
        }

        return names;
    }

    /// <summary>The parameters as the manifest records them (the stage adds the model's sha256 when there is one).</summary>
    public IReadOnlyDictionary<string, string> Parameters
    {
        get
        {
            var c = CultureInfo.InvariantCulture;
            return new Dictionary<string, string>
            {
                ["method"] = Method,
                ["speakers"] = Speakers?.ToString(c) ?? "",
                ["minSpeakers"] = MinSpeakers?.ToString(c) ?? "",
                ["maxSpeakers"] = MaxSpeakers?.ToString(c) ?? "",
                ["threshold"] = Threshold.ToString(c),
                ["countPenalty"] = CountPenalty.ToString(c),
                ["resegment"] = Resegment ? "true" : "false",
                ["changeDistance"] = ChangeDistance.ToString(c),
                ["minSpeakerSeconds"] = MinSpeakerSeconds.ToString(c),
                ["doubtMargin"] = DoubtMargin.ToString(c),
                ["switchPenalty"] = SwitchPenalty.ToString(c),
                ["matchThreshold"] = MatchThreshold.ToString(c),
                ["channels"] = Channels.Name(),
                ["speakerNames"] = string.Join(",", SpeakerNames.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")),
            };
        }
    }
}
