using System.Globalization;
using Minutes.Audio;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Text;
using Minutes.Transcription;

namespace Minutes.Speakers;

/// <summary>
/// The speakers stage: reads <c>02-vad.json</c>, <c>03-transcript.json</c> and the decoded audio,
/// diarizes, names the speakers (enrolled profiles, then the roster) and writes <c>04-speakers.json</c>.
/// The speaker model is opened, and so checked, when the stage is made: even a stage that will be
/// reused needs its digest as a parameter, and a bad model fails before anything runs.
/// </summary>
public sealed class SpeakersStage : IStage, IDisposable
{
    private readonly DiarizationOptions _options;
    private readonly ISpeakerEmbedder _embedder;
    private readonly IReadOnlyList<SpeakerProfile> _usable;
    private readonly Dictionary<string, string> _parameters;
    private readonly Dictionary<string, string> _settings;

    public SpeakersStage(DiarizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        var profiles = ProfileStore.Open(options.ProfilesFolder).List();
        _embedder = SpeakerEmbedders.Open(options.SpeakerModel);
        _parameters = new Dictionary<string, string>(options.Parameters)
        {
            ["profiles"] = string.Join(",", profiles.Select(p => $"{p.Name}:{p.Digest[..12]}")),
        };
        if (_embedder.ModelSha256 is not null)
        {
            _parameters["speakerModelSha256"] = _embedder.ModelSha256;
        }

        _usable = profiles.Where(_embedder.Made).ToList();
        _settings = new Dictionary<string, string>(_parameters);
        if (_usable.Count < profiles.Count)
        {
            // Embeddings of another method live in another space: such profiles are not compared, and the trace says so.
            _settings["profilesSkipped"] = string.Join(",", profiles.Except(_usable).Select(p => $"{p.Name} ({SpeakerEmbedders.Describe(p)})"));
        }
    }

    public StageDefinition Define(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(
            StageNames.Speakers,
            _parameters,
            run.Exists(RunFolder.ChannelLevels)
                ? [RunFolder.VadTrace, RunFolder.TranscriptTrace, RunFolder.DecodedAudio, RunFolder.ChannelLevels]
                : [RunFolder.VadTrace, RunFolder.TranscriptTrace, RunFolder.DecodedAudio],
            [RunFolder.SpeakersTrace]);
    }

    /// <summary>
    /// Fails with one line, right after the audio stage, when <c>--channels per-speaker</c> was
    /// asked of a recording with one channel (or one decoded to one): not after the transcription.
    /// </summary>
    public void CheckRecording(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (_options.Channels == ChannelMode.PerSpeaker && !run.Exists(RunFolder.ChannelLevels))
        {
            throw new MinutesException(Messages.Get("ChannelsPerSpeakerMono"));
        }
    }

    public Task RunAsync(RunFolder run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var vad = run.Read(RunFolder.VadTrace, MinutesJson.Context.VadTrace);
        var transcript = run.Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript);
        var levels = run.Exists(RunFolder.ChannelLevels) ? ChannelLevels.Read(run.PathOf(RunFolder.ChannelLevels)) : null;
        var channels = ChannelChoice.Decide(_options.Channels, levels, vad.Regions);
        using var audio = PcmAudio.Open(run.PathOf(RunFolder.DecodedAudio));
        var seats = channels.Used == ChannelMode.PerSpeaker.Name() ? levels : null;
        var result = new Diarizer(_options, _embedder).Diarize(audio, vad.Regions, seats, cancellationToken);
        var map = Build(result, transcript.Segments, _options, _usable, _settings, levels) with { Channels = channels };
        run.Write(RunFolder.SpeakersTrace, map, MinutesJson.Context.SpeakerMap);
        return Task.CompletedTask;
    }

    public void Dispose() => _embedder.Dispose();

    /// <summary>Names the clusters (with profiles of the diarizer's own method) and gives each transcript segment the speaker it overlaps most.</summary>
    internal static SpeakerMap Build(
        DiarizationResult result,
        IReadOnlyList<TranscriptSegment> segments,
        DiarizationOptions options,
        IReadOnlyList<SpeakerProfile> profiles,
        IReadOnlyDictionary<string, string> settings,
        ChannelLevels? levels = null)
    {
        var matches = MatchProfiles(result, profiles, options.MatchThreshold);
        var speakers = new List<Speaker>();
        var anonymous = 0;
        foreach (var id in result.Centroids.Keys)
        {
            var seconds = Math.Round(result.Turns.Where(t => t.Speaker == id).Sum(t => t.End - t.Start), 3);
            if (options.SpeakerNames.TryGetValue(id, out var rostered))
            {
                speakers.Add(new Speaker(id, rostered, NameSources.Roster, null, seconds));
            }
            else if (matches.TryGetValue(id, out var match))
            {
                speakers.Add(new Speaker(id, match.Profile.Name, NameSources.Enrolled, Math.Round(match.Score, 3), seconds));
            }
            else
            {
                anonymous++;
                speakers.Add(new Speaker(id, string.Format(CultureInfo.InvariantCulture, AnonymousLabel, anonymous), NameSources.Anonymous, null, seconds));
            }
        }

        var assignments = new List<SpeakerAssignment>();
        foreach (var segment in segments)
        {
            if (TurnOverlap.By(result.Turns, segment.Start, segment.End, t => t.Speaker) is [var best, ..])
            {
                assignments.Add(new SpeakerAssignment(segment.Id, best.Key));
            }
        }

        var trace = new Dictionary<string, string>(settings)
        {
            ["windowSeconds"] = Diarizer.WindowSeconds.ToString(CultureInfo.InvariantCulture),
            ["hopSeconds"] = Diarizer.HopSeconds.ToString(CultureInfo.InvariantCulture),
        };
        var naming = speakers.ToDictionary(s => s.Id, s => s.Source, StringComparer.Ordinal);
        var turns = result.Turns.Select(t => t with
        {
            Start = Math.Round(t.Start, 3),
            End = Math.Round(t.End, 3),
            Cluster = t.Speaker,
            Naming = naming.GetValueOrDefault(t.Speaker),
            Margin = matches.TryGetValue(t.Speaker, out var m) && !options.SpeakerNames.ContainsKey(t.Speaker) ? Math.Round(m.Margin, 3) : null,
        }).Select(t => levels is null ? t : WithChannel(t, levels.Energy(t.Start, t.End), (c, db) => t with { Channel = c, ChannelMargin = db })).ToList();
        if (levels is not null)
        {
            // A speaker's channel: the loudest over all its turns, each turn weighted by its length.
            speakers = speakers.Select(s => WithChannel(s, SpeakerEnergy(turns.Where(t => t.Speaker == s.Id), levels), (c, db) => s with { Channel = c, ChannelMargin = db })).ToList();
        }

        return new SpeakerMap(result.Method, trace, speakers, turns, assignments) { Count = SpeakerCountEvidence.Of(result, options) };
    }

    private static T WithChannel<T>(T item, double[] energy, Func<int, double, T> with)
    {
        if (energy.All(e => e <= 0))
        {
            return item;
        }

        var (channel, margin) = ChannelLevels.Dominance(energy);
        return with(channel + 1, Math.Round(margin, 1));
    }

    private static double[] SpeakerEnergy(IEnumerable<SpeakerTurn> turns, ChannelLevels levels)
    {
        var total = new double[levels.Channels];
        foreach (var turn in turns)
        {
            var energy = levels.Energy(turn.Start, turn.End);
            for (var c = 0; c < total.Length; c++)
            {
                total[c] += energy[c] * (turn.End - turn.Start);
            }
        }

        return total;
    }

    /// <summary>
    /// Each profile names at most one cluster and each cluster takes at most one profile: pairs
    /// are taken best score first, above the threshold.
    /// </summary>
    /// <remarks>The margin of a match: its score less the next best profile's for the cluster, or less the threshold when no other profile passes it.</remarks>
    private static Dictionary<string, (SpeakerProfile Profile, double Score, double Margin)> MatchProfiles(
        DiarizationResult result, IReadOnlyList<SpeakerProfile> profiles, double threshold)
    {
        var pairs = result.Centroids
            .SelectMany(c => profiles.Select(p => (Cluster: c.Key, Profile: p, Score: Vectors.Dot(c.Value, result.ToMeetingSpace(p.Embedding)))))
            .Where(m => m.Score >= threshold)
            .OrderByDescending(m => m.Score)
            .ToList();
        var matches = new Dictionary<string, (SpeakerProfile, double, double)>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (cluster, profile, score) in pairs)
        {
            if (!matches.ContainsKey(cluster) && used.Add(profile.Name))
            {
                var next = pairs.Where(p => p.Cluster == cluster && p.Profile.Name != profile.Name).Select(p => p.Score).DefaultIfEmpty(threshold).Max();
                matches[cluster] = (profile, score, score - next);
            }
        }

        return matches;
    }

    private static string AnonymousLabel { get; } =
        ResourceLines.Read(new StringReader(ResourceLines.EmbeddedText("Minutes.Speakers.labels-ja.txt"))).First();
}
