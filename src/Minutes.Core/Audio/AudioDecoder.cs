using Minutes.Runs;
using NAudio.Wave;
using NAudio.Wave.SampleProviders;
using Minutes.Text;

namespace Minutes.Audio;

/// <summary>
/// Decodes WAV (own reader), MP3 (NLayer) and Ogg Vorbis (NVorbis) in process, and other
/// containers through ffmpeg, which hands over the source's channels at its rate (on Windows without ffmpeg: m4a, mp4 and wma through Media Foundation,
/// see <see cref="ExternalDecoderChoice"/>); the format is recognised by its first bytes, not its name. The
/// audio of every decoder streams through the same channel meter, downmix and resampler (NAudio's
/// WDL) into 16 kHz mono 16-bit PCM, one block at a time, so memory does not grow with the length of
/// the recording and every container with two or more channels keeps its channel levels.
/// </summary>
public sealed class AudioDecoder : IAudioDecoder
{
    private const int BlockFrames = 1 << 15;

    public Task<AudioInfo> DecodeAsync(string source, string pcmPath, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var name = Path.GetFileName(source);
        var file = new FileInfo(source);
        if (!file.Exists)
        {
            throw new MinutesException(Directory.Exists(source) ? Messages.Get("RecordingIsFolder", source) : Messages.Get("RecordingNotFound", source));
        }

        if (file.Length == 0)
        {
            throw new MinutesException(Messages.Get("RecordingEmpty", name));
        }

        var (container, codec, decoder, sample) = Open(source, name);
        using (sample)
        {
            var rate = sample.SampleRate;
            var channels = sample.Channels;
            if (rate <= 0 || channels <= 0)
            {
                throw new MinutesException(Messages.Get("NoAudioStream", name, channels, rate));
            }

            var levels = new LevelMeter();
            // Two or more channels: each channel's loudness is kept beside the mono audio (channel dominance, --channels).
            var meter = channels >= 2 ? new ChannelLevels.Meter(channels, rate) : null;
            long written = 0;
            AtomicFile.Write(pcmPath, output =>
            {
                PcmWavFormat.WriteHeader(output, 0);
                written = Convert(sample, output, levels, meter, progress, name, cancellationToken);
                if (written == 0)
                {
                    throw new MinutesException(Messages.Get("NoAudioSamples", name));
                }

                output.Position = 0;
                PcmWavFormat.WriteHeader(output, written * 2);
            });
            var levelsPath = ChannelLevels.PathFor(pcmPath);
            if (meter is not null)
            {
                meter.Write(levelsPath);
            }
            else
            {
                File.Delete(levelsPath);
            }

            progress?.Report(1);
            var warnings = sample is WavSource wav && wav.Warnings.Count > 0 ? wav.Warnings : null;
            var bits = sample is WavSource w ? w.BitsPerSample : (int?)null;
            return Task.FromResult(new AudioInfo(
                Path.GetFullPath(source),
                // The caller already holds the recording's digest (the manifest); AudioStage fills it in.
                string.Empty,
                file.Length,
                container,
                sample is WavSource ws ? ws.Codec : codec,
                rate,
                channels,
                bits,
                Math.Round((double)written / PcmAudio.Rate, 3),
                decoder,
                PcmAudio.Rate,
                written,
                Path.GetFileName(pcmPath),
                levels.PeakDbfs,
                levels.RmsDbfs,
                warnings));
        }
    }

    private static (string Container, string Codec, string Decoder, ISampleSource Source) Open(string source, string name)
    {
        var kind = Sniff(source);
        Stream Stream() => new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            return kind switch
            {
                "wav" => ("wav", "pcm", "wav", WavSource.Open(Stream(), name)),
                "mp3" => ("mp3", "mp3", "nlayer", new Mp3Source(Stream())),
                "ogg" => ("ogg", "vorbis", "nvorbis", new VorbisSource(Stream())),
                "unknown" => throw new MinutesException(Messages.Get("UnknownAudioFormat", name)),
                _ => OpenExternal(source, kind),
            };
        }
        catch (MinutesException)
        {
            throw;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or InvalidOperationException or NotSupportedException or IndexOutOfRangeException
            or System.Runtime.InteropServices.COMException)
        {
            throw new MinutesException(Messages.Get("CannotDecodeAs", name, kind, ex.Message.ReplaceLineEndings(" ")), ex);
        }
    }

    private static (string Container, string Codec, string Decoder, ISampleSource Source) OpenExternal(string source, string kind)
    {
        var choice = ExternalDecoderChoice.For(kind, OperatingSystem.IsWindows(), FfmpegSource.Locate() is not null);
        if (choice == ExternalDecoder.MediaFoundation && OperatingSystem.IsWindows())
        {
            return (kind, kind, "mediafoundation", new MediaFoundationSource(source));
        }

        // Without ffmpeg this fails with the one line that says how to get it.
        return (kind, kind, "ffmpeg", FfmpegSource.Start(source, $"a {kind} file"));
    }

    /// <summary>Recognises the container from its first bytes; the extension only breaks ties.</summary>
    public static string Sniff(string path)
    {
        var head = new byte[64];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.Read(head);
        }

        var h = head.AsSpan(0, read);
        if (h.Length >= 12 && h[..4].SequenceEqual("RIFF"u8) && h[8..12].SequenceEqual("WAVE"u8))
        {
            return "wav";
        }

        if (h.Length >= 4 && h[..4].SequenceEqual("OggS"u8))
        {
            return System.Text.Encoding.ASCII.GetString(h).Contains("OpusHead", StringComparison.Ordinal) ? "opus" : "ogg";
        }

        if (h.Length >= 4 && h[..4].SequenceEqual("fLaC"u8))
        {
            return "flac";
        }

        if (h.Length >= 8 && h[4..8].SequenceEqual("ftyp"u8))
        {
            return "mp4";
        }

        if (h.Length >= 4 && h[0] == 0x1A && h[1] == 0x45 && h[2] == 0xDF && h[3] == 0xA3)
        {
            return "webm";
        }

        if (h.Length >= 16 && h[0] == 0x30 && h[1] == 0x26 && h[2] == 0xB2 && h[3] == 0x75)
        {
            return "wma";
        }

        if (h.Length >= 3 && h[..3].SequenceEqual("ID3"u8))
        {
            return "mp3";
        }

        // An MPEG audio frame: 11 sync bits, layer III, a valid bitrate and sample-rate index.
        if (h.Length >= 4 && h[0] == 0xFF && (h[1] & 0xE0) == 0xE0 && (h[1] & 0x06) == 0x02 && (h[2] & 0xF0) != 0xF0 && (h[2] & 0x0C) != 0x0C)
        {
            return "mp3";
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".m4a" or ".mp4" or ".aac" or ".flac" or ".wma" or ".webm" or ".opus" or ".mkv" or ".mov" or ".3gp" or ".amr" => Path.GetExtension(path)[1..].ToLowerInvariant(),
            _ => "unknown",
        };
    }

    private static long Convert(ISampleSource source, Stream output, LevelMeter levels, ChannelLevels.Meter? meter, IProgress<double>? progress, string name, CancellationToken cancellationToken)
    {
        ISampleProvider mono = new MonoProvider(source, meter);
        if (source.SampleRate != PcmAudio.Rate)
        {
            mono = new WdlResamplingSampleProvider(mono, PcmAudio.Rate);
        }

        var block = new float[BlockFrames];
        var bytes = new byte[BlockFrames * 2];
        long written = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count;
            try
            {
                count = mono.Read(block.AsSpan());
            }
            catch (Exception ex) when (ex is not MinutesException and not OperationCanceledException)
            {
                // A stream cut off mid-frame: keep what was decoded when there is some.
                if (written == 0)
                {
                    throw new MinutesException(Messages.Get("CannotDecode", name, ex.Message.ReplaceLineEndings(" ")), ex);
                }

                break;
            }

            if (count == 0)
            {
                break;
            }

            for (var i = 0; i < count; i++)
            {
                var value = Math.Clamp(block[i], -1f, 1f);
                levels.Add(value);
                var pcm = (short)Math.Clamp(MathF.Round(value * 32767f), short.MinValue, short.MaxValue);
                bytes[2 * i] = (byte)pcm;
                bytes[(2 * i) + 1] = (byte)(pcm >> 8);
            }

            output.Write(bytes, 0, count * 2);
            written += count;
            if (source.Position is { } position)
            {
                progress?.Report(Math.Min(position, 0.999));
            }
        }

        return written;
    }

    /// <summary>Averages the channels of each frame (and shows them to the channel meter first, when there is one).</summary>
    private sealed class MonoProvider(ISampleSource source, ChannelLevels.Meter? meter) : ISampleProvider
    {
        private float[] _frames = [];

        public WaveFormat WaveFormat { get; } = WaveFormat.CreateIeeeFloatWaveFormat(source.SampleRate, 1);

        public int Read(Span<float> buffer)
        {
            var count = buffer.Length;
            var channels = source.Channels;
            if (channels == 1)
            {
                if (_frames.Length < count)
                {
                    _frames = new float[count];
                }

                var got = source.Read(_frames, 0, count);
                _frames.AsSpan(0, got).CopyTo(buffer);
                return got;
            }

            var need = count * channels;
            if (_frames.Length < need)
            {
                _frames = new float[need];
            }

            var read = 0;
            while (read < need)
            {
                var got = source.Read(_frames, read, need - read);
                if (got == 0)
                {
                    break;
                }

                read += got;
            }

            var frames = read / channels;
            meter?.Add(_frames.AsSpan(0, frames * channels));
            for (var f = 0; f < frames; f++)
            {
                var sum = 0f;
                for (var c = 0; c < channels; c++)
                {
                    sum += _frames[(f * channels) + c];
                }

                buffer[f] = sum / channels;
            }

            return frames;
        }
    }

    /// <summary>Peak and RMS of the decoded audio, in dBFS.</summary>
    private sealed class LevelMeter
    {
        private double _sumSquares;
        private long _count;
        private float _peak;

        public double PeakDbfs => Dbfs(_peak);

        public double RmsDbfs => _count == 0 ? -120 : Dbfs(Math.Sqrt(_sumSquares / _count));

        public void Add(float value)
        {
            _sumSquares += value * (double)value;
            _count++;
            _peak = Math.Max(_peak, Math.Abs(value));
        }

        private static double Dbfs(double linear) => Math.Round(linear > 1e-6 ? 20 * Math.Log10(linear) : -120, 2);
    }
}
