using System.Globalization;
using Minutes.Audio;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Vad;
using Whisper.net;
using Minutes.Text;

namespace Minutes.Transcription;

/// <summary>
/// Transcribes the speech regions with Whisper.net, one chunk (adjacent regions up to ~28 s) at a
/// time, maps Whisper's times back onto the recording, applies the hallucination guards, and
/// checkpoints every finished chunk. Each chunk is decoded without the previous chunk's text as
/// context, so a resumed run gives exactly the result of an uninterrupted one.
/// </summary>
public sealed class WhisperTranscriber : ITranscriber
{
    private readonly WhisperSettings _options;
    private readonly WhisperModelFile _model;
    private readonly string _modelSha256;
    private readonly IReadOnlyList<string> _fingerprintParameters;

    public WhisperTranscriber(WhisperSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _model = WhisperModelFile.Inspect(options.ModelPath);
        _modelSha256 = FileDigestMemo.Sha256OfFile(options.ModelPath);
        if (!_model.Multilingual && options.Language != "en")
        {
            throw new MinutesException(Messages.Get("WhisperModelEnglishOnly", Path.GetFileName(options.ModelPath), options.Language));
        }

        WhisperDecoding.Check(options.Decoding.BeamSize, options.Processors);

        var parameters = new Dictionary<string, string>
        {
            ["engine"] = "whisper.net",
            ["model"] = options.ModelName ?? Path.GetFileName(options.ModelPath),
            ["modelSha256"] = _modelSha256,
            ["modelSize"] = _model.SizeClass,
            ["language"] = options.Language,
            ["promptSha256"] = options.Prompt is null ? "none" : Hashing.Sha256OfText(options.Prompt),
            ["maxChunkSeconds"] = options.MaxChunkSeconds.ToString(CultureInfo.InvariantCulture),
            ["maxGapSeconds"] = options.MaxGapSeconds.ToString(CultureInfo.InvariantCulture),
            ["context"] = "none",
        };
        foreach (var (key, value) in options.Decoding.Describe())
        {
            parameters[key] = value;
        }

        // Why auto chose the model is for the reviewer, not for the chunks: it stays out of their fingerprint.
        _fingerprintParameters = parameters.Select(p => $"{p.Key}={p.Value}").ToList();
        if (options.Choice is { } choice)
        {
            parameters["modelChoice"] = WhisperOptions.Auto;
            parameters["modelChoiceMaxRtf"] = choice.MaxRtf.ToString(CultureInfo.InvariantCulture);
            parameters["modelChoiceEstimateSeconds"] = choice.EstimatedSeconds.ToString(CultureInfo.InvariantCulture);
            parameters["modelChoiceReason"] = choice.Reason;
        }

        Parameters = parameters;
    }

    public IReadOnlyDictionary<string, string> Parameters { get; }

    public async Task<Transcript> TranscribeAsync(PcmAudio audio, VadTrace vad, string checkpointFolder, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(vad);
        var chunks = Chunking.Plan(vad.Regions, _options.MaxChunkSeconds, _options.MaxGapSeconds);
        var fingerprint = Hashing.Sha256OfText(
            string.Join('\n', _fingerprintParameters)
            + '\n' + MinutesJson.Serialize(vad, MinutesJson.Context.VadTrace)
            + '\n' + audio.SampleCount.ToString(CultureInfo.InvariantCulture));
        var checkpoint = new TranscriptionCheckpoint(checkpointFolder, fingerprint);
        var total = Math.Max(chunks.Sum(c => c.Duration), 1e-9);
        var done = 0.0;
        var results = new ChunkResult[chunks.Count];
        var next = -1;
        var processors = Math.Min(_options.Processors, Math.Max(1, chunks.Count));
        using var factory = CreateFactory();

        // Each processor takes the next chunk not yet taken; chunks are decoded without context,
        // so the order in which they finish does not change any of them.
        async Task WorkAsync()
        {
            WindowDecoder? decoder = null;
            try
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < chunks.Count)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var chunk = chunks[index];
                    var result = checkpoint.TryLoad(chunk.Index);
                    if (result is null)
                    {
                        decoder ??= CreateDecoder(factory, Math.Max(1, _options.Threads / processors));
                        result = await TranscribeChunkAsync(decoder, audio, chunk, vad.Regions, fingerprint, cancellationToken).ConfigureAwait(false);
                        checkpoint.Save(result);
                    }

                    results[index] = result;
                    lock (results)
                    {
                        done += chunk.Duration;
                        progress?.Report(done / total);
                    }
                }
            }
            finally
            {
                if (decoder is not null)
                {
                    await decoder.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, processors).Select(_ => Task.Run(WorkAsync, cancellationToken))).ConfigureAwait(false);

        var segments = results.SelectMany(r => r.Segments.Select(s => s with { Chunk = r.Chunk }))
            .OrderBy(s => s.Start)
            .Select((s, i) => s with { Id = $"s{i + 1:D4}" })
            .ToList();
        var settings = new Dictionary<string, string>(Parameters)
        {
            ["threads"] = _options.Threads.ToString(CultureInfo.InvariantCulture),
            ["chunks"] = chunks.Count.ToString(CultureInfo.InvariantCulture),
            ["processors"] = processors.ToString(CultureInfo.InvariantCulture),
            ["windows"] = results.Sum(r => r.EncoderRuns).ToString(CultureInfo.InvariantCulture),
            ["tokens"] = results.Sum(r => r.Tokens).ToString(CultureInfo.InvariantCulture),
            ["fallbackWindows"] = results.Count(r => r.Temperature > 0).ToString(CultureInfo.InvariantCulture),
        };
        return new Transcript(
            _options.Language,
            new TranscriptSource("whisper", _options.ModelName ?? Path.GetFileName(_options.ModelPath), _modelSha256),
            settings,
            segments,
            results.SelectMany(r => r.Dropped).OrderBy(d => d.Start).ToList(),
            chunks);
    }

    private static async Task<ChunkResult> TranscribeChunkAsync(WindowDecoder decoder, PcmAudio audio, TranscriptionChunk chunk, IReadOnlyList<SpeechRegion> regions, string fingerprint, CancellationToken cancellationToken)
    {
        var samples = audio.ReadSeconds(chunk.Start, chunk.End);
        var decoded = await decoder.DecodeAsync(samples, cancellationToken).ConfigureAwait(false);
        var raw = new List<RawSegment>();
        foreach (var segment in decoded.Segments)
        {
            var start = Math.Clamp(chunk.Start + segment.Start, chunk.Start, chunk.End);
            var end = Math.Clamp(chunk.Start + segment.End, start, chunk.End);
            raw.Add(new RawSegment(
                Math.Round(start, 3),
                Math.Round(end, 3),
                segment.Text,
                segment.Probability,
                segment.NoSpeechProbability,
                RmsDbfs(samples, start - chunk.Start, end - chunk.Start)));
        }

        var inChunk = regions.Where(r => chunk.RegionIds.Contains(r.Id)).ToList();
        var (kept, dropped) = HallucinationGuard.Apply(raw, chunk.RegionIds[0], decoded);
        var segments = kept.Select(k => new TranscriptSegment(
            string.Empty,
            k.Segment.Start,
            k.Segment.End,
            k.Segment.Text,
            RegionId: MostOverlapping(inChunk, k.Segment.Start, k.Segment.End),
            Confidence: k.Segment.Probability,
            NoSpeechProbability: k.Segment.NoSpeechProbability,
            Flags: k.Flags.Count == 0 ? null : k.Flags)).ToList();
        return new ChunkResult(chunk.Index, fingerprint, segments, dropped, decoded.Temperature, decoded.EncoderRuns, decoded.Tokens);
    }

    /// <summary>The region a segment overlaps most, so that each segment points back to one region.</summary>
    private static string? MostOverlapping(IReadOnlyList<SpeechRegion> regions, double start, double end) =>
        regions.MaxBy(r => Math.Min(r.End, end) - Math.Max(r.Start, start))?.Id;

    private WhisperFactory CreateFactory()
    {
        try
        {
            return WhisperFactory.FromPath(_options.ModelPath);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new MinutesException(Messages.Get("WhisperModelUnloadable", _options.ModelPath, ex.Message), ex);
        }
    }

    private WindowDecoder CreateDecoder(WhisperFactory factory, int threads)
    {
        try
        {
            return new WindowDecoder(factory, _options, threads);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new MinutesException(Messages.Get("WhisperModelUnloadable", _options.ModelPath, ex.Message), ex);
        }
    }

    private static double RmsDbfs(float[] samples, double from, double to)
    {
        var a = (int)Math.Clamp(from * PcmAudio.Rate, 0, samples.Length);
        var b = (int)Math.Clamp(to * PcmAudio.Rate, a, samples.Length);
        if (b <= a)
        {
            return -120;
        }

        double sum = 0;
        for (var i = a; i < b; i++)
        {
            sum += samples[i] * (double)samples[i];
        }

        var rms = Math.Sqrt(sum / (b - a));
        return Math.Round(rms > 1e-6 ? 20 * Math.Log10(rms) : -120, 1);
    }
}
