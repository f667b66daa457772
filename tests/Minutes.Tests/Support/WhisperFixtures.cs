using Minutes.Audio;
using Minutes.Vad;

namespace Minutes.Tests.Support;

/// <summary>What the Whisper tests build their cases from: a crafted model, a recording of noise bursts, speech regions.</summary>
public static class WhisperFixtures
{
    public static string Crafted(TempFolder temp, params string[] pieces)
    {
        ArgumentNullException.ThrowIfNull(temp);
        var path = temp.File($"crafted-{Guid.NewGuid():N}.bin");
        TinyWhisperModel.WriteCrafted(path, pieces);
        return path;
    }

    /// <summary>A 16 kHz recording: noise bursts (audible) where given, digital silence elsewhere.</summary>
    public static PcmAudio Recording(TempFolder temp, int seconds, params (double Start, double End)[] loud)
    {
        ArgumentNullException.ThrowIfNull(temp);
        var path = temp.File($"audio-{Guid.NewGuid():N}.wav");
        var random = new Random(7);
        using (var stream = File.Create(path))
        {
            PcmWavFormat.WriteHeader(stream, seconds * PcmAudio.Rate * 2L);
            var buffer = new byte[2];
            for (var i = 0; i < seconds * PcmAudio.Rate; i++)
            {
                var t = (double)i / PcmAudio.Rate;
                var value = loud.Any(l => t >= l.Start && t < l.End) ? (short)((random.NextDouble() - 0.5) * 16000) : (short)0;
                BitConverter.TryWriteBytes(buffer, value);
                stream.Write(buffer);
            }
        }

        return PcmAudio.Open(path);
    }

    public static VadTrace Vad(PcmAudio audio, params (double Start, double End)[] regions)
    {
        ArgumentNullException.ThrowIfNull(audio);
        return new("energy", null, null, new Dictionary<string, string>(), audio.Duration, regions.Sum(r => r.End - r.Start),
            regions.Select((r, i) => new SpeechRegion($"r{i + 1:D4}", r.Start, r.End)).ToList());
    }
}
