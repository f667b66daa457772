using Minutes.Runs;
using Minutes.Text;

namespace Minutes.Transcription;

/// <summary>What the transcript stage was asked for: the Whisper model by name or path, the language, the glossary and the threads.</summary>
public sealed record WhisperOptions
{
    public const string DefaultLanguage = "ja";

    /// <summary>All cores: Whisper's decoding scales with them.</summary>
    public static int DefaultThreads { get; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>A catalog name (base, small, large-v3-turbo, …), a URL or a ggml file; null = the default model present.</summary>
    public string? Model { get; init; }

    public string Language { get; init; } = DefaultLanguage;

    /// <summary>A file of proper nouns (one per line) given to Whisper as the initial prompt.</summary>
    public string? Glossary { get; init; }

    public int Threads { get; init; } = DefaultThreads;

    /// <summary>The office's glossary from <c>minutes.json</c>, used when no <see cref="Glossary"/> file is given.</summary>
    public IReadOnlyList<string>? GlossaryTerms { get; init; }

    /// <summary>Beams of the beam search; null = <see cref="WhisperDecoding.DefaultBeamSize"/>, as whisper.cpp's command-line tool.</summary>
    public int? BeamSize { get; init; }

    /// <summary>Greedy decoding (<c>--fast</c>): faster, a little less accurate.</summary>
    public bool Fast { get; init; }

    /// <summary>Whisper processors decoding chunks in parallel (the threads are shared among them).</summary>
    public int Processors { get; init; } = 1;

    /// <summary><c>--model auto</c>: the most accurate installed model whose measured speed fits <see cref="MaxRtf"/> (<see cref="Models.ModelChooser"/>).</summary>
    public const string Auto = "auto";

    /// <summary>By default auto chooses a model that finishes within 1.5 × the recording's length.</summary>
    public const double DefaultMaxRtf = 1.5;

    /// <summary>For <c>--model auto</c>: the most processing time allowed, as a multiple of the recording's length.</summary>
    public double MaxRtf { get; init; } = DefaultMaxRtf;

    /// <summary>What <c>--model auto</c> chose for this recording (set by the pipeline once the recording's length is known).</summary>
    public Models.ModelChoice? Choice { get; init; }

    public bool IsAuto => IsAutoName(Model);

    /// <summary>Whether a model as given (command line or minutes.json) asks for <c>auto</c>.</summary>
    public static bool IsAutoName(string? model) => string.Equals(model?.Trim(), Auto, StringComparison.OrdinalIgnoreCase);

    /// <summary>Fails on impossible decoding settings before anything runs (not after the recording was decoded).</summary>
    public void Check()
    {
        if (Fast && BeamSize is not null)
        {
            throw new MinutesException(Messages.Get("FastAndBeamSize"), ExitCodes.Usage);
        }

        WhisperDecoding.Check(BeamSize ?? WhisperDecoding.DefaultBeamSize, Processors);
        if (!(MaxRtf > 0) || double.IsInfinity(MaxRtf))
        {
            throw new MinutesException(Messages.Get("MaxRtfInvalid", MaxRtf), ExitCodes.Usage);
        }
    }
}
