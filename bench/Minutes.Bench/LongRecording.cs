using System.Buffers.Binary;
using System.Globalization;
using Minutes.Audio;
using Minutes.Pipeline;
using Minutes.Runs;
using Minutes.Vad;

namespace Minutes.Bench;

/// <summary>
/// Builds a long meeting recording by tiling the sample meetings (real synthesized speech with
/// real pauses), written as a 48 kHz stereo 16-bit WAV as an office recorder would produce it,
/// the true speech intervals of the result, and its reference transcript (WebVTT, speakers named)
/// and agenda parts, shifted to their place in the long recording.
/// </summary>
public static class LongRecording
{
    public const int SourceRate = 48000;

    public static async Task<(string Wav, string Truth)> BuildAsync(string root, string workFolder, int minutes)
    {
        Directory.CreateDirectory(workFolder);
        var wav = Path.Combine(workFolder, $"meeting-{minutes}min.wav");
        var truth = Path.Combine(workFolder, $"meeting-{minutes}min.speech.tsv");
        var vtt = Path.Combine(workFolder, $"meeting-{minutes}min.vtt");
        var sessions = Path.Combine(workFolder, $"meeting-{minutes}min.sessions.tsv");
        if (File.Exists(wav) && File.Exists(truth) && File.Exists(vtt) && File.Exists(sessions))
        {
            return (wav, truth);
        }

        var pieces = new List<(PcmAudio Audio, List<(double Start, double End)> Speech, string[] Cues, string[] Sessions)>();
        foreach (var sample in new[] { "committee", "council" })
        {
            var folder = Path.Combine(root, "samples", sample);
            var recording = Directory.EnumerateFiles(folder, "recording.*").OrderBy(f => f.EndsWith(".wav", StringComparison.Ordinal) ? 0 : 1).First();
            var pcm = Path.Combine(workFolder, $"{sample}-16k.wav");
            if (!File.Exists(pcm))
            {
                await PipelineServices.Default.Decoder().DecodeAsync(recording, pcm, null, CancellationToken.None);
            }

            pieces.Add((
                PcmAudio.Open(pcm),
                SpeechScoring.LoadIntervals(Path.Combine(folder, "speech.tsv")).ToList(),
                File.ReadAllLines(Path.Combine(folder, "reference.tsv")).Skip(1).ToArray(),
                File.ReadAllLines(Path.Combine(folder, "sessions.tsv")).Skip(1).ToArray()));
        }

        var target = minutes * 60.0;
        var gap = new float[PcmAudio.Rate * 2];
        using var output = new FileStream(wav + ".tmp", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        WriteHeader(output, 0);
        var lines = new List<string> { "start\tend" };
        var cues = new List<string> { "WEBVTT", string.Empty };
        var parts = new List<string> { "session\ttitle\tstart\tend" };
        var offset = 0.0;
        long frames = 0;
        for (var i = 0; offset < target; i++)
        {
            var (audio, speech, reference, agenda) = pieces[i % pieces.Count];
            foreach (var (start, end) in speech)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{offset + start:0.000}\t{offset + end:0.000}"));
            }

            // reference.tsv: line, speaker_id, speaker_name, session, start, end, text
            foreach (var f in reference.Select(l => l.Split('\t')))
            {
                cues.Add(string.Create(CultureInfo.InvariantCulture, $"{Time(offset + Seconds(f[4]))} --> {Time(offset + Seconds(f[5]))}"));
                cues.Add($"<v {f[2]}>{f[6]}");
                cues.Add(string.Empty);
            }

            // sessions.tsv: session, title, start, end
            foreach (var f in agenda.Select(l => l.Split('\t')))
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"m{i + 1}{f[0]}\t{f[1]}\t{offset + Seconds(f[2]):0.000}\t{offset + Seconds(f[3]):0.000}"));
            }

            foreach (var (_, block) in audio.Blocks(PcmAudio.Rate * 10))
            {
                frames += WriteUpsampled(output, block);
            }

            frames += WriteUpsampled(output, gap);
            offset += audio.Duration + 2;
        }

        output.Position = 0;
        WriteHeader(output, frames * 4);
        output.Close();
        foreach (var (audio, _, _, _) in pieces)
        {
            audio.Dispose();
        }

        File.Move(wav + ".tmp", wav, overwrite: true);
        await File.WriteAllLinesAsync(truth, lines);
        await File.WriteAllLinesAsync(vtt, cues);
        await File.WriteAllLinesAsync(sessions, parts);
        return (wav, truth);
    }

    private static double Seconds(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static string Time(double seconds) => TimeSpan.FromSeconds(seconds).ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);

    /// <summary>Linear interpolation 16 kHz → 48 kHz, the same signal on both channels.</summary>
    private static long WriteUpsampled(Stream output, float[] block)
    {
        var bytes = new byte[block.Length * 3 * 4];
        for (var i = 0; i < block.Length; i++)
        {
            var next = i + 1 < block.Length ? block[i + 1] : block[i];
            for (var k = 0; k < 3; k++)
            {
                var value = (short)Math.Clamp((block[i] + ((next - block[i]) * k / 3f)) * 32767f, short.MinValue, short.MaxValue);
                var at = ((i * 3) + k) * 4;
                BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(at), value);
                BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(at + 2), value);
            }
        }

        output.Write(bytes);
        return block.Length * 3L;
    }

    private static void WriteHeader(Stream s, long dataBytes)
    {
        Span<byte> h = stackalloc byte[44];
        "RIFF"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], (uint)Math.Min(uint.MaxValue, dataBytes + 36));
        "WAVEfmt "u8.CopyTo(h[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(h[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(h[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(h[22..], 2);
        BinaryPrimitives.WriteInt32LittleEndian(h[24..], SourceRate);
        BinaryPrimitives.WriteInt32LittleEndian(h[28..], SourceRate * 4);
        BinaryPrimitives.WriteInt16LittleEndian(h[32..], 4);
        BinaryPrimitives.WriteInt16LittleEndian(h[34..], 16);
        "data"u8.CopyTo(h[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[40..], (uint)Math.Min(uint.MaxValue, dataBytes));
        s.Write(h);
    }
}
