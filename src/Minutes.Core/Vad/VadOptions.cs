namespace Minutes.Vad;

/// <summary>Which detector the VAD stage was asked for; the detector's own settings are <see cref="VadSettings"/>.</summary>
public sealed record VadOptions
{
    /// <summary>A Silero VAD model (<c>--vad-model</c>); null = the one in the models folder, else the energy detector.</summary>
    public string? Model { get; init; }

    /// <summary>Use the energy detector even when a Silero model is available (<c>--energy-vad</c>).</summary>
    public bool Energy { get; init; }
}
