namespace Minutes.Audio;

/// <summary>What decodes a container that is not read in process (WAV, MP3 and Ogg are).</summary>
public enum ExternalDecoder
{
    /// <summary>Nothing here can: the user is told to install ffmpeg or convert the recording.</summary>
    None,

    /// <summary>An ffmpeg process on PATH.</summary>
    Ffmpeg,

    /// <summary>Windows' own Media Foundation (NAudio's MediaFoundationReader).</summary>
    MediaFoundation,
}
