using Minutes.Audio;
using Minutes.Vad;

namespace Minutes.Speakers;

/// <summary>The diarizer's answer: turns by cluster id (S1… in order of first speech) and how to compare voices with them.</summary>
public sealed record DiarizationResult(
    string Method,
    IReadOnlyList<SpeakerTurn> Turns,
    IReadOnlyDictionary<string, float[]> Centroids,
    Func<float[], float[]> ToMeetingSpace,
    int WindowCount)
{
    /// <summary>The cosine distances of the clustering's last merges, largest first: why the count is what it is.</summary>
    public IReadOnlyList<double> LastMerges { get; init; } = [];

    /// <summary>How many region pieces were clustered (the tree's size: its memory grows with the square).</summary>
    public int PieceCount { get; init; }

    /// <summary>How the count was reached: the BIC scores of the merges after the first clustering, in the order taken, and of the nearest pair left apart (see <see cref="BicMerging"/>).</summary>
    public BicMerging.Outcome? CountDecision { get; init; }

    /// <summary>Speaking time of the clusters merged into their nearest voice for speaking less than <see cref="DiarizationOptions.MinSpeakerSeconds"/> (their turns carry the doubt <see cref="TurnDoubts.Short"/>).</summary>
    public IReadOnlyList<double> ShortSpeakerSeconds { get; init; } = [];
}

/// <summary>
/// The diarizer: embeddings of sliding windows inside speech regions (the built-in MFCC + pitch
/// statistics, or an ONNX speaker model), standardised over the meeting, clustered by average
/// linkage on cosine distance and cut finely (at the threshold, into at least the wanted count),
/// then merged by the BIC until the count stands or reaches the given one (<see cref="BicMerging"/>),
/// then re-segmented by a Viterbi pass with a switch penalty.
/// </summary>
public sealed class Diarizer
{
    public const double WindowSeconds = 1.5;
    public const double HopSeconds = 0.75;
    private const int WindowFrames = (int)(WindowSeconds * MelFeatures.FramesPerSecond);
    private const int HopFrames = (int)(HopSeconds * MelFeatures.FramesPerSecond);

    // A cluster smaller than this many windows (about 2 s of speech) is treated as noise and
    // joined to its nearest cluster when the count is automatic.
    private const int MinClusterWindows = 3;

    // Pieces of a region that are clustered: up to sixteen windows (about 12 s of speech), so a
    // region a detector joined across two speakers still splits; a piece of one window (under
    // 1.5 s) is too short to start a voice of its own. Four-window pieces were measured worse
    // (education: 8 voices found instead of 4): 3 s is too short to average out what is said.
    private const int PieceWindows = 16;
    private const int MinPieceWindows = 2;

    // Far more than any cosine difference (at most 2) and switch penalties within a region: in re-segmentation, a channel's evidence wins.
    private const double SeatPenalty = 10;

    private readonly DiarizationOptions _options;
    private readonly ISpeakerEmbedder _embedder;
    private IReadOnlyList<double> _lastMerges = [];
    private int _pieceCount;

    /// <summary>A diarizer with <paramref name="embedder"/> (not owned; the built-in one when null).</summary>
    public Diarizer(DiarizationOptions options, ISpeakerEmbedder? embedder = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _embedder = embedder ?? new MfccSpeakerEmbedder();
    }

    /// <summary>Raw window embeddings (no normalisation) of a single-speaker recording, for enrolment.</summary>
    public IReadOnlyList<float[]> RawEmbeddings(float[] samples, IEnumerable<(double Start, double End)> speech)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(speech);
        var stretches = speech.Select(s =>
        {
            var from = (int)Math.Clamp(s.Start * PcmAudio.Rate, 0, samples.Length);
            var to = (int)Math.Clamp(s.End * PcmAudio.Rate, from, samples.Length);
            return new SpeechStretch(samples[from..to], WindowRanges(MelFeatures.FrameCount(to - from)));
        });
        return _embedder.Embed(stretches, CancellationToken.None);
    }

    public DiarizationResult Diarize(PcmAudio audio, IReadOnlyList<SpeechRegion> regions, CancellationToken cancellationToken) =>
        Diarize(audio, regions, null, cancellationToken);

    /// <summary>
    /// Diarizes; with <paramref name="seats"/> (a recording whose channels are one microphone per
    /// seat, see <see cref="ChannelChoice"/>) channel dominance is evidence beside the voices:
    /// a piece that one channel dominates by <see cref="ChannelChoice.DominanceDb"/> goes with that
    /// channel's other pieces, a cluster one channel dominates joins them, two channels' clusters
    /// never merge (unless a given count needs it), and re-segmentation keeps a dominated window
    /// on its channel's voice.
    /// </summary>
    public DiarizationResult Diarize(PcmAudio audio, IReadOnlyList<SpeechRegion> regions, ChannelLevels? seats, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(regions);
        var windows = new List<Window>();
        var raw = _embedder.Embed(Stretches(audio, regions, windows), cancellationToken);
        if (windows.Count == 0)
        {
            return new DiarizationResult(_embedder.Method, [], new Dictionary<string, float[]>(), v => v, 0);
        }

        var space = MeetingSpace.Fit(raw, _embedder);
        var embeddings = raw.Select(space.Apply).ToList();
        var anchors = seats is null ? null : new int[windows.Count];
        var labels = ClusterPieces(windows, embeddings, seats, anchors);
        var least = _options.Speakers ?? _options.MinSpeakers ?? 1;
        var decision = BicMerging.Merge(embeddings, labels, _options.CountPenalty, least, _options.Speakers ?? _options.MaxSpeakers ?? int.MaxValue, anchors);
        var (merged, shortSeconds) = ShortSpeakers.Merge(embeddings, decision.Labels, HopSeconds, _options.MinSpeakerSeconds, least, anchors);
        labels = merged;

        // The channel each window itself is dominated by (-1: none by enough): what re-segmentation and the doubts respect.
        var windowSeats = seats is null ? null : windows.Select(w => Seat(seats, w.Start, w.End)).ToArray();
        if (_options.Resegment)
        {
            labels = Resegment(windows, embeddings, labels, anchors, windowSeats);
        }

        var order = labels.Distinct().ToList();
        var centroids = order.ToDictionary(label => label, label => Vectors.Normalised(Vectors.Mean(embeddings.Where((_, i) => labels[i] == label))));
        var settled = windowSeats is null ? null : SettledBySeat(labels, anchors!, windowSeats);
        var doubts = TurnDoubts.OfWindows(embeddings, labels, decision.Labels, merged, centroids, CloseCall(decision), _options, settled);
        var ids = order.Select((label, i) => (label, id: $"S{i + 1}")).ToDictionary(p => p.label, p => p.id);
        var turns = Turns(regions, windows, labels.Select(l => ids[l]).ToArray(), doubts);
        return new DiarizationResult(_embedder.Method, turns, order.ToDictionary(l => ids[l], l => centroids[l]), space.Apply, windows.Count)
        {
            LastMerges = _lastMerges,
            PieceCount = _pieceCount,
            CountDecision = decision,
            ShortSpeakerSeconds = shortSeconds,
        };
    }

    /// <summary>The channel that dominates [start, end) by at least <see cref="ChannelChoice.DominanceDb"/>, else -1.</summary>
    private static int Seat(ChannelLevels seats, double start, double end) => ChannelChoice.DominantSeat(seats.Energy(start, end));

    /// <summary>The channel of each final cluster: the most common anchor among its windows (-1: none).</summary>
    private static Dictionary<int, int> ClusterSeats(int[] labels, int[] anchors) =>
        labels.Distinct().ToDictionary(
            l => l,
            l => anchors.Where((a, i) => labels[i] == l && a >= 0).GroupBy(a => a).OrderByDescending(g => g.Count()).Select(g => g.Key).DefaultIfEmpty(-1).First());

    /// <summary>Windows whose own dominant channel is their cluster's: the channel settles them, however near another voice is.</summary>
    private static bool[] SettledBySeat(int[] labels, int[] anchors, int[] windowSeats)
    {
        var seatOf = ClusterSeats(labels, anchors);
        return labels.Select((l, i) => windowSeats[i] >= 0 && seatOf[l] == windowSeats[i]).ToArray();
    }

    /// <summary>
    /// Reads one region at a time as the embedder asks for it (an hour of audio is never held
    /// whole) and records each window's times in <paramref name="windows"/>, in embedding order.
    /// </summary>
    private static IEnumerable<SpeechStretch> Stretches(PcmAudio audio, IReadOnlyList<SpeechRegion> regions, List<Window> windows)
    {
        foreach (var region in regions)
        {
            var samples = audio.ReadSeconds(region.Start, region.End);
            var ranges = WindowRanges(MelFeatures.FrameCount(samples.Length));
            windows.AddRange(ranges.Select(w => new Window(region, region.Start + (w.From / MelFeatures.FramesPerSecond), region.Start + (w.To / MelFeatures.FramesPerSecond))));
            yield return new SpeechStretch(samples, ranges);
        }
    }

    /// <summary>
    /// Clusters pieces, not windows: each region is cut into runs of at most
    /// <see cref="PieceWindows"/> windows, whose averaged embedding says much more about
    /// the voice than one 1.5 s window does (what is said averages out). Pieces of at least
    /// <see cref="MinPieceWindows"/> windows build the tree; shorter ones (an 「異議なし」) join the
    /// nearest cluster afterwards, so they cannot start a speaker of their own.
    /// </summary>
    private int[] ClusterPieces(List<Window> windows, List<float[]> embeddings, ChannelLevels? seats, int[]? anchors)
    {
        var pieces = new List<(int From, int To)>();
        for (var start = 0; start < windows.Count;)
        {
            var end = start;
            while (end < windows.Count && windows[end].Region == windows[start].Region)
            {
                end++;
            }

            var cuts = SpeakerChanges.Find(embeddings, start, end, _options.ChangeDistance);
            foreach (var (from, to) in cuts.Prepend(start).Zip(cuts.Append(end)))
            {
                var parts = (to - from + PieceWindows - 1) / PieceWindows;
                for (var k = 0; k < parts; k++)
                {
                    pieces.Add((from + ((to - from) * k / parts), from + ((to - from) * (k + 1) / parts)));
                }
            }

            start = end;
        }

        _pieceCount = pieces.Count;
        var vectors = pieces.Select(p => Vectors.Normalised(Vectors.Mean(embeddings.Skip(p.From).Take(p.To - p.From)))).ToList();
        var reliable = Enumerable.Range(0, pieces.Count).Where(i => pieces[i].To - pieces[i].From >= MinPieceWindows).ToList();
        if (reliable.Count < 2)
        {
            reliable = Enumerable.Range(0, pieces.Count).ToList();
        }

        var reliableLabels = Cluster(reliable.Select(i => vectors[i]).ToList(), reliable.Select(i => pieces[i].To - pieces[i].From).ToList());
        var centroids = reliableLabels.Distinct().ToDictionary(
            l => l,
            l => Vectors.Normalised(Vectors.Mean(reliable.Where((_, k) => reliableLabels[k] == l).SelectMany(i => embeddings.Skip(pieces[i].From).Take(pieces[i].To - pieces[i].From)))));
        var pieceLabels = new int[pieces.Count];
        var position = reliable.Select((piece, k) => (piece, k)).ToDictionary(p => p.piece, p => p.k);
        for (var i = 0; i < pieces.Count; i++)
        {
            // A short piece takes the voice nearest to it (see docs/notes/speakers.md for the neighbour rule tried and dropped).
            pieceLabels[i] = position.TryGetValue(i, out var k) ? reliableLabels[k] : centroids.Keys.MaxBy(l => Vectors.Dot(centroids[l], vectors[i]));
        }

        if (seats is not null)
        {
            AnchorToSeats(windows, pieces, pieceLabels, seats, anchors!);
        }

        var labels = new int[windows.Count];
        for (var i = 0; i < pieces.Count; i++)
        {
            Array.Fill(labels, pieceLabels[i], pieces[i].From, pieces[i].To - pieces[i].From);
        }

        return labels;
    }

    /// <summary>
    /// Channel dominance over the voices' first clustering: a piece one channel dominates takes
    /// that channel's label (and its windows the channel as anchor); then a cluster of the
    /// remaining pieces that one channel dominates as a whole joins that channel's label.
    /// </summary>
    private static void AnchorToSeats(List<Window> windows, List<(int From, int To)> pieces, int[] pieceLabels, ChannelLevels seats, int[] anchors)
    {
        Array.Fill(anchors, -1);
        var energies = pieces.Select(p => seats.Energy(windows[p.From].Start, windows[p.To - 1].End)).ToList();
        var seatLabel = pieceLabels.Max() + 1;
        var anchored = new bool[pieces.Count];
        for (var i = 0; i < pieces.Count; i++)
        {
            if (ChannelChoice.DominantSeat(energies[i]) is var channel and >= 0)
            {
                anchored[i] = true;
                pieceLabels[i] = seatLabel + channel;
                Array.Fill(anchors, channel, pieces[i].From, pieces[i].To - pieces[i].From);
            }
        }

        var rest = Enumerable.Range(0, pieces.Count).Where(i => !anchored[i]).GroupBy(i => pieceLabels[i]).ToList();
        foreach (var cluster in rest)
        {
            var total = new double[seats.Channels];
            foreach (var i in cluster)
            {
                var seconds = windows[pieces[i].To - 1].End - windows[pieces[i].From].Start;
                for (var c = 0; c < total.Length; c++)
                {
                    total[c] += energies[i][c] * seconds;
                }
            }

            if (ChannelChoice.DominantSeat(total) is var channel and >= 0)
            {
                foreach (var i in cluster)
                {
                    pieceLabels[i] = seatLabel + channel;
                    Array.Fill(anchors, channel, pieces[i].From, pieces[i].To - pieces[i].From);
                }
            }
        }
    }

    /// <summary>The pair of voices the BIC nearly joined, when its score was within <see cref="TurnDoubts.CountCloseCall"/> of the penalty.</summary>
    private (int A, int B)? CloseCall(BicMerging.Outcome decision) =>
        decision.Next is { } next && Math.Abs(next - _options.CountPenalty) < TurnDoubts.CountCloseCall ? decision.NextPair : null;

    /// <summary>Average-linkage clusters of the pieces; <paramref name="sizes"/> (windows per piece) decide which clusters are too small to be a voice.</summary>
    private int[] Cluster(List<float[]> vectors, List<int> sizes)
    {
        if (vectors.Count == 1)
        {
            return [0];
        }

        var tree = AverageLinkage.Build(vectors);
        _lastMerges = tree.TopDistances(8);

        // Finely, at the threshold, and into at least as many real voices as are wanted: cut deeper
        // when a tiny cluster (a cough) would otherwise take one of the places. The BIC merges later.
        var least = Math.Min(_options.Speakers ?? _options.MinSpeakers ?? 1, tree.Count);
        var fine = Math.Max(tree.CountAt(_options.Threshold), least);
        for (var cut = fine; cut <= Math.Min(tree.Count, fine + 5); cut++)
        {
            var candidate = tree.Cut(cut);
            if (Voices(candidate, sizes).Count >= least)
            {
                return JoinTiny(vectors, sizes, candidate);
            }
        }

        return tree.Cut(fine);
    }

    /// <summary>The clusters big enough to be a voice (at least <see cref="MinClusterWindows"/> windows).</summary>
    private static List<int> Voices(int[] labels, List<int> sizes) =>
        labels.Select((l, i) => (l, i)).GroupBy(p => p.l).Where(g => g.Sum(p => sizes[p.i]) >= MinClusterWindows).Select(g => g.Key).ToList();

    /// <summary>Tiny clusters are usually a cough or a clipped word; they join the nearest voice.</summary>
    private static int[] JoinTiny(List<float[]> vectors, List<int> sizes, int[] labels)
    {
        var kept = Voices(labels, sizes);
        if (kept.Count == 0)
        {
            return labels;
        }

        var centroids = kept.ToDictionary(k => k, k => Vectors.Normalised(Vectors.Mean(vectors.Where((_, i) => labels[i] == k))));
        return labels.Select((l, i) => kept.Contains(l) ? l : kept.MaxBy(k => Vectors.Dot(centroids[k], vectors[i]))).ToArray();
    }

    /// <summary>
    /// Viterbi over the windows of each region: a window's score is its cosine similarity to the
    /// speaker's centroid, a change of speaker inside a region costs the switch penalty.
    /// </summary>
    private int[] Resegment(List<Window> windows, List<float[]> embeddings, int[] labels, int[]? anchors, int[]? windowSeats)
    {
        var speakers = labels.Distinct().ToArray();
        var centroids = speakers.Select(s => Vectors.Normalised(Vectors.Mean(embeddings.Where((_, i) => labels[i] == s)))).ToArray();
        var seatOf = anchors is null ? null : ClusterSeats(labels, anchors);
        var seatSpeakers = seatOf?.Values.Where(c => c >= 0).ToHashSet();
        var result = new int[labels.Length];
        var start = 0;
        while (start < windows.Count)
        {
            var end = start;
            while (end < windows.Count && windows[end].Region == windows[start].Region)
            {
                end++;
            }

            var length = end - start;
            var score = new double[length, speakers.Length];
            var back = new int[length, speakers.Length];
            for (var t = 0; t < length; t++)
            {
                for (var s = 0; s < speakers.Length; s++)
                {
                    var emission = Vectors.Dot(centroids[s], embeddings[start + t]);
                    if (windowSeats is not null && windowSeats[start + t] is var seat and >= 0 && seatSpeakers!.Contains(seat) && seatOf![speakers[s]] != seat)
                    {
                        // A window its channel dominates stays with that channel's voice.
                        emission -= SeatPenalty;
                    }
                    if (t == 0)
                    {
                        score[t, s] = emission;
                        continue;
                    }

                    var best = double.MinValue;
                    for (var p = 0; p < speakers.Length; p++)
                    {
                        var candidate = score[t - 1, p] - (p == s ? 0 : _options.SwitchPenalty);
                        if (candidate > best)
                        {
                            best = candidate;
                            back[t, s] = p;
                        }
                    }

                    score[t, s] = best + emission;
                }
            }

            var state = Enumerable.Range(0, speakers.Length).MaxBy(s => score[length - 1, s]);
            for (var t = length - 1; t >= 0; t--)
            {
                result[start + t] = speakers[state];
                state = back[t, state];
            }

            start = end;
        }

        return result;
    }

    /// <summary>Each window owns the time from the midpoint with its predecessor to the midpoint with its successor.</summary>
    private static List<SpeakerTurn> Turns(IReadOnlyList<SpeechRegion> regions, List<Window> windows, string[] speakers, string?[] doubts)
    {
        var byRegion = windows.Select((w, i) => (w, i)).GroupBy(p => p.w.Region).ToDictionary(g => g.Key, g => g.ToList());
        var turns = new List<SpeakerTurn>();
        string? last = null;
        foreach (var region in regions)
        {
            if (!byRegion.TryGetValue(region, out var owned))
            {
                // A region too short for one frame takes the speaker before it.
                if (last is not null)
                {
                    Add(turns, new SpeakerTurn(region.Start, region.End, last));
                }

                continue;
            }

            for (var k = 0; k < owned.Count; k++)
            {
                var from = k == 0 ? region.Start : (Centre(owned[k - 1].w) + Centre(owned[k].w)) / 2;
                var to = k == owned.Count - 1 ? region.End : (Centre(owned[k].w) + Centre(owned[k + 1].w)) / 2;
                last = speakers[owned[k].i];
                Add(turns, new SpeakerTurn(from, to, last) { Doubt = doubts[owned[k].i] });
            }
        }

        return turns;
    }

    private static void Add(List<SpeakerTurn> turns, SpeakerTurn turn)
    {
        // Windows of one speaker in one region join into one turn.
        if (turns.Count > 0 && turns[^1].Speaker == turn.Speaker && turns[^1].Doubt == turn.Doubt && turn.Start - turns[^1].End < 1e-6)
        {
            turns[^1] = turns[^1] with { End = turn.End };
            return;
        }

        turns.Add(turn);
    }

    private static double Centre(Window w) => (w.Start + w.End) / 2;

    /// <summary>Frame ranges of the windows of a region: one window when it is short, else 1.5 s every 0.75 s with the last one flush with the end.</summary>
    internal static List<(int From, int To)> WindowRanges(int frames)
    {
        if (frames == 0)
        {
            return [];
        }

        if (frames <= WindowFrames)
        {
            return [(0, frames)];
        }

        var ranges = new List<(int From, int To)>();
        var from = 0;
        for (; from + WindowFrames <= frames; from += HopFrames)
        {
            ranges.Add((from, from + WindowFrames));
        }

        if (from - HopFrames + WindowFrames < frames)
        {
            ranges.Add((frames - WindowFrames, frames));
        }

        return ranges;
    }

    private sealed record Window(SpeechRegion Region, double Start, double End);

    /// <summary>
    /// The meeting's normalisation: each dimension of the raw embeddings standardised over the
    /// meeting (which removes the channel mean, i.e. CMN for the MFCC means), weighted as the
    /// embedder says, then L2-normalised.
    /// </summary>
    private sealed class MeetingSpace
    {
        private readonly float[] _mean;
        private readonly float[] _scale;

        private MeetingSpace(float[] mean, float[] scale)
        {
            _mean = mean;
            _scale = scale;
        }

        public static MeetingSpace Fit(IReadOnlyList<float[]> raw, ISpeakerEmbedder embedder)
        {
            var dims = raw[0].Length;
            var mean = new float[dims];
            var scale = new float[dims];
            for (var d = 0; d < dims; d++)
            {
                var values = raw.Select(v => (double)v[d]).Where(x => !double.IsNaN(x)).ToList();
                var m = values.Count == 0 ? 0 : values.Average();
                var variance = values.Count == 0 ? 1 : values.Average(x => (x - m) * (x - m));
                mean[d] = (float)m;
                scale[d] = (float)(embedder.Weight(d, dims) / Math.Sqrt(variance + 1e-6));
            }

            return new MeetingSpace(mean, scale);
        }

        // A missing value (an unvoiced window has no pitch) sits at the meeting's mean, i.e. contributes nothing.
        public float[] Apply(float[] raw) =>
            Vectors.Normalised(raw.Select((x, d) => float.IsNaN(x) ? 0 : (x - _mean[d]) * _scale[d]).ToArray());
    }
}
