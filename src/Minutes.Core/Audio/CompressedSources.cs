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
/// delivers 16 kHz mono 16-bit samples on its standard output.
/// </summary>
internal sealed class FfmpegSource : ISampleSource
{
    private readonly Process _process;
    private readonly Stream _output;
    private readonly Task<string> _errors;
    private readonly string _name;
    private byte[] _bytes = [];
    private byte? _odd;

    private FfmpegSource(Process process, string name)
    {
        _process = process;
        _name = name;
        _output = process.StandardOutput.BaseStream;
        _errors = process.StandardError.ReadToEndAsync();
    }

    public int SampleRate => PcmAudio.Rate;

    public int Channels => 1;

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
        var ffmpeg = Locate() ?? throw new MinutesException(
            Messages.Get(OperatingSystem.IsWindows() ? "NeedsFfmpegWindows" : "NeedsFfmpeg", Path.GetFileName(source), kind));
        var info = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-nostdin", "-hide_banner", "-v", "error", "-i", source, "-vn", "-f", "s16le", "-ac", "1", "-ar", "16000", "-" })
        {
            info.ArgumentList.Add(argument);
        }

        return new FfmpegSource(Process.Start(info) ?? throw new MinutesException(Messages.Get("FfmpegNotStarted")), Path.GetFileName(source));
    }

    public int Read(float[] buffer, int offset, int count)
    {
        var need = count * 2;
        if (_bytes.Length < need)
        {
            _bytes = new byte[need];
        }

        var have = 0;
        if (_odd is { } carried)
        {
            _bytes[0] = carried;
            have = 1;
            _odd = null;
        }

        while (have < need)
        {
            var read = _output.Read(_bytes, have, need - have);
            if (read == 0)
            {
                break;
            }

            have += read;
        }

        if (have == 0 || (have == 1 && _bytes[0] == 0))
        {
            Finish();
            return 0;
        }

        if (have % 2 == 1)
        {
            _odd = _bytes[have - 1];
            have--;
        }

        for (var i = 0; i < have / 2; i++)
        {
            buffer[offset + i] = BitConverter.ToInt16(_bytes, i * 2) / 32768f;
        }

        return have / 2;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    private void Finish()
    {
        _process.WaitForExit();
        if (_process.ExitCode != 0)
        {
            var first = _errors.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "no message";
            throw new MinutesException(Messages.Get("FfmpegCannotDecode", _name, first));
        }
    }
}
