using System.Diagnostics;
using Minutes.Runs;
using NLayer;
using NVorbis;
using Minutes.Text;

namespace Minutes.Audio;

/// <summary>MP3 through NLayer (managed, no native codec).</summary>
internal sealed class Mp3Source : ISampleSource
{
    private readonly Stream _stream;
    private readonly MpegFile _mpeg;

    public Mp3Source(Stream stream)
    {
        _stream = stream;
        _mpeg = new MpegFile(stream);
    }

    public int SampleRate => _mpeg.SampleRate;

    public int Channels => _mpeg.Channels;

    public double? Position => _stream.Length > 0 ? (double)_stream.Position / _stream.Length : null;

    public int Read(float[] buffer, int offset, int count) => _mpeg.ReadSamples(buffer, offset, count);

    public void Dispose()
    {
        _mpeg.Dispose();
        _stream.Dispose();
    }
}

/// <summary>Ogg Vorbis through NVorbis (managed).</summary>
internal sealed class VorbisSource : ISampleSource
{
    private readonly Stream _stream;
    private readonly VorbisReader _reader;

    public VorbisSource(Stream stream)
    {
        _stream = stream;
        _reader = new VorbisReader(stream, closeOnDispose: false);
    }

    public int SampleRate => _reader.SampleRate;

    public int Channels => _reader.Channels;

    public double? Position => _stream.Length > 0 ? (double)_stream.Position / _stream.Length : null;

    public int Read(float[] buffer, int offset, int count) => _reader.ReadSamples(buffer, offset, count);

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }
}

/// <summary>
/// Anything else (m4a, mp4, flac, wma, webm, opus…) through an ffmpeg process on PATH, which
/// delivers the source's own channels at its own rate, as 32-bit float WAV on its standard output.
/// The WAV reader reads that pipe, so the channel levels, the mono mix and the resampling are the
/// ones every other decoder gets (<see cref="AudioDecoder"/>): a stereo or multi-track recording keeps
/// its channel levels whatever its container.
/// </summary>
internal sealed class FfmpegSource : ISampleSource
{
    private readonly Process _process;
    private readonly Task<string> _errors;
    private readonly WavSource _wav;
    private readonly string _name;

    private FfmpegSource(Process process, Task<string> errors, WavSource wav, string name)
    {
        _process = process;
        _errors = errors;
        _wav = wav;
        _name = name;
    }

    public int SampleRate => _wav.SampleRate;

    public int Channels => _wav.Channels;

    public double? Position => null;

    public static string? Locate()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, OperatingSystem.IsWindows() ? "ffmpeg.exe" : "ffmpeg"))
            .FirstOrDefault(File.Exists);
    }

    public static FfmpegSource Start(string source, string kind)
    {
        var name = Path.GetFileName(source);
        var ffmpeg = Locate() ?? throw new MinutesException(
            Messages.Get(OperatingSystem.IsWindows() ? "NeedsFfmpegWindows" : "NeedsFfmpeg", name, kind));
        var info = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // No -ac and no -ar: the source's channels and rate, so that the levels are taken before any mix.
        foreach (var argument in new[] { "-nostdin", "-hide_banner", "-v", "error", "-i", source, "-vn", "-map_metadata", "-1", "-c:a", "pcm_f32le", "-f", "wav", "-" })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new MinutesException(Messages.Get("FfmpegNotStarted"));
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            return new FfmpegSource(process, errors, WavSource.Open(process.StandardOutput.BaseStream, name), name);
        }
        catch (Exception ex) when (ex is MinutesException or IOException)
        {
            // Nothing usable came out: ffmpeg's own first line says why (one still running is stopped; the reader's line stands).
            try
            {
                if (process.WaitForExit(TimeSpan.FromSeconds(5)))
                {
                    Finish(process, errors, name);
                }
            }
            finally
            {
                Stop(process);
            }

            throw;
        }
    }

    public int Read(float[] buffer, int offset, int count)
    {
        var read = _wav.Read(buffer, offset, count);
        if (read == 0)
        {
            Finish(_process, _errors, _name);
        }

        return read;
    }

    public void Dispose()
    {
        _wav.Dispose();
        Stop(_process);
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
        }

        process.Dispose();
    }

    private static void Finish(Process process, Task<string> errors, string name)
    {
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var first = errors.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "no message";
            throw new MinutesException(Messages.Get("FfmpegCannotDecode", name, first));
        }
    }
}
