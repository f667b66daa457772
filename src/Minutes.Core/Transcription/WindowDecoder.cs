using Whisper.net;

namespace Minutes.Transcription;

/// <summary>
/// Decodes a chunk (at most one 30 s window) with Whisper.net and falls back to higher
/// temperatures as OpenAI's <c>transcribe()</c> does: when the text compresses better than
/// <see cref="WhisperDecoding.CompressionRatioThreshold"/> (a loop) or its tokens' average log
/// probability is under <see cref="WhisperDecoding.LogProbThreshold"/>, unless the window is
/// silence (no-speech probability over the threshold and a low log probability).
/// </summary>
/// <remarks>
/// The fallback loop is ours, not whisper.cpp's (its <c>temperature_inc</c> is set to 0): Whisper.net's
/// segments do not say which temperature produced them, and the hallucination guard needs to know.
/// The price is that a retry runs the encoder again (whisper.cpp's own loop reuses it). Each
/// retry builds a fresh processor, whose sampler is seeded the same way every time, so a chunk
/// decodes to the same text whether the run was interrupted or not, serial or parallel.
/// </remarks>
internal sealed class WindowDecoder : IAsyncDisposable
{
    private readonly WhisperFactory _factory;
    private readonly WhisperSettings _settings;
    private readonly int _threads;
    private readonly WhisperProcessor _first;
    private int _encoderRuns;

    public WindowDecoder(WhisperFactory factory, WhisperSettings settings, int threads)
    {
        _factory = factory;
        _settings = settings;
        _threads = threads;
        _first = Build(0);
    }

    public async Task<WindowDecoding> DecodeAsync(float[] samples, CancellationToken cancellationToken)
    {
        var decoding = _settings.Decoding;
        var before = _encoderRuns;
        WindowDecoding? last = null;
        foreach (var temperature in decoding.Temperatures)
        {
            var processor = temperature == 0 ? _first : Build(temperature);
            try
            {
                var (segments, logProbability, tokens) = await RunAsync(processor, samples, cancellationToken).ConfigureAwait(false);
                var text = string.Concat(segments.Select(s => s.Text));
                var ratio = DecodingQuality.CompressionRatio(text);
                var silence = segments.Count > 0 && segments.Max(s => s.NoSpeechProbability ?? 0) > decoding.NoSpeechThreshold && logProbability < decoding.LogProbThreshold;
                var passed = silence || (ratio <= decoding.CompressionRatioThreshold && logProbability >= decoding.LogProbThreshold);
                last = new WindowDecoding(segments, temperature, 0) { Tokens = tokens };
                if (passed)
                {
                    break;
                }
            }
            finally
            {
                if (!ReferenceEquals(processor, _first))
                {
                    await processor.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        return last! with { EncoderRuns = _encoderRuns - before };
    }

    public ValueTask DisposeAsync() => _first.DisposeAsync();

    private static async Task<(IReadOnlyList<DecodedSegment> Segments, double AverageLogProbability, int Tokens)> RunAsync(WhisperProcessor processor, float[] samples, CancellationToken cancellationToken)
    {
        var segments = new List<DecodedSegment>();
        double sum = 0;
        var count = 0;
        var tokens = 0;
        await foreach (var segment in processor.ProcessAsync(samples, cancellationToken).ConfigureAwait(false))
        {
            segments.Add(new DecodedSegment(
                segment.Start.TotalSeconds,
                segment.End.TotalSeconds,
                segment.Text,
                float.IsFinite(segment.Probability) ? Math.Round(segment.Probability, 4) : null,
                float.IsFinite(segment.NoSpeechProbability) ? Math.Round(segment.NoSpeechProbability, 4) : null));
            foreach (var token in segment.Tokens ?? [])
            {
                tokens++;
                if (float.IsFinite(token.ProbabilityLog))
                {
                    sum += token.ProbabilityLog;
                    count++;
                }
            }
        }

        return (segments, count == 0 ? 0 : sum / count, tokens);
    }

    private WhisperProcessor Build(double temperature)
    {
        var decoding = _settings.Decoding;
        var builder = _factory.CreateBuilder()
            .WithLanguage(_settings.Language)
            .WithThreads(_threads)
            .WithNoContext()
            .WithProbabilities()
            .WithTemperature((float)temperature)
            .WithTemperatureInc(0)
            .WithLogProbThreshold((float)decoding.LogProbThreshold)
            .WithNoSpeechThreshold((float)decoding.NoSpeechThreshold)
            .WithEncoderBeginHandler(_ =>
            {
                Interlocked.Increment(ref _encoderRuns);
                return true;
            });
        builder = temperature == 0 && decoding.BeamSize > 1
            ? builder.WithBeamSearchSamplingStrategy(b => b.WithBeamSize(decoding.BeamSize))
            : builder.WithGreedySamplingStrategy(g => g.WithBestOf(temperature > 0 ? decoding.BestOf : 1));
        if (decoding.MaxTokensPerWindow > 0)
        {
            // One pass per window, ended after this many tokens: the bench's bound on random weights.
            builder = builder.WithMaxTokensPerSegment(decoding.MaxTokensPerWindow).WithSingleSegment();
        }

        if (!string.IsNullOrWhiteSpace(_settings.Prompt))
        {
            builder = builder.WithPrompt(_settings.Prompt);
        }

        return builder.Build();
    }
}
