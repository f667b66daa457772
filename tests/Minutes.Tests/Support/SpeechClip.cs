using Minutes.Audio;

namespace Minutes.Tests.Support;

/// <summary>
/// Short recordings cut from the VAD fixture (Fixtures/vad/speech.wav: Japanese speech, 16 kHz
/// mono; its truth.tsv says where each utterance is), optionally after digital silence, written
/// as 16 kHz mono WAV.
/// </summary>
public static class SpeechClip
{
    public static void Write(string path, double from, double to, double silenceBefore = 0)
    {
        var data = File.ReadAllBytes(RepoPaths.Fixture("vad/speech.wav"))[PcmWavFormat.HeaderBytes..];
        var start = (int)Math.Round(from * PcmAudio.Rate) * 2;
        var end = Math.Min(data.Length, (int)Math.Round(to * PcmAudio.Rate) * 2);
        var silence = new byte[(int)Math.Round(silenceBefore * PcmAudio.Rate) * 2];
        using var file = File.Create(path);
        PcmWavFormat.WriteHeader(file, silence.Length + end - start);
        file.Write(silence);
        file.Write(data.AsSpan(start, end - start));
    }
}
