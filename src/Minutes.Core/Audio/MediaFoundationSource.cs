using System.Runtime.Versioning;
using NAudio.Wave;

namespace Minutes.Audio;

/// <summary>
/// m4a, mp4 and wma through Windows' Media Foundation (NAudio's <see cref="MediaFoundationReader"/>),
/// chosen when ffmpeg is absent (<see cref="ExternalDecoderChoice"/>). Media Foundation exists only on
/// Windows, so this class cannot run in the tests on the Linux machines that build the project: its
/// choice is tested there; its decoding was checked by hand under Wine (whose Media Foundation
/// decodes AAC through GStreamer), where the m4a fixture gave the same levels as ffmpeg.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class MediaFoundationSource : ISampleSource
{
    private readonly MediaFoundationReader _reader;
    private readonly ISampleProvider _samples;

    public MediaFoundationSource(string path)
    {
        _reader = new MediaFoundationReader(path, new MediaFoundationReader.MediaFoundationReaderSettings { RequestFloatOutput = true });
        _samples = _reader.ToSampleProvider();
    }

    public int SampleRate => _reader.WaveFormat.SampleRate;

    public int Channels => _reader.WaveFormat.Channels;

    public double? Position => _reader.Length > 0 ? Math.Clamp((double)_reader.Position / _reader.Length, 0, 1) : null;

    public int Read(float[] buffer, int offset, int count) => _samples.Read(buffer.AsSpan(offset, count));

    public void Dispose() => _reader.Dispose();
}
