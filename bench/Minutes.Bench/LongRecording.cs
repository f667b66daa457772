using System.Buffers.Binary;
using System.Globalization;
using Minutes.Audio;
using Minutes.Pipeline;
using Minutes.Vad;

namespace Minutes.Bench;

/// <summary>
/// Builds a long meeting recording by tiling the sample meetings (real synthesized speech with
/// real pauses), written as a 48 kHz stereo 16-bit WAV as an office recorder would produce it,
/// and the true speech intervals of the result.
/// </summary>
public static class LongRecording
{
    public const int SourceRate = 48000;

    public static async Task<(string Wav, string Truth)> BuildAsync(string root, string workFolder, int minutes)
    {
        Directory.CreateDirectory(workFolder);
        var wav = Path.Combine(workFolder, $"meeting-{minutes}min.wav");
        var truth = Path.Combine(workFolder, $"meeting-{minutes}min.speech.tsv");
        if (File.Exists(wav) && File.Exists(truth))
        {
            return (wav, truth);
        }

        var pieces = new List<(PcmAudio Audio, List<(double Start, double End)> Speech)>();
        foreach (var sample in new[] { "committee", "council" })
        {
            var folder = Path.Combine(root, "samples", sample);
            var recording = Directory.EnumerateFiles(folder, "recording.*").OrderBy(f => f.EndsWith(".wav", StringComparison.Ordinal) ? 0 : 1).First();
            var pcm = Path.Combine(workFolder, $"{sample}-16k.wav");
            if (!File.Exists(pcm))
            {
                await PipelineServices.Default.Decoder().DecodeAsync(recording, pcm, null, CancellationToken.None);
            }

            pieces.Add((PcmAudio.Open(pcm), SpeechScoring.LoadIntervals(Path.Combine(folder, "speech.tsv")).ToList()));
        }

        var target = minutes * 60.0;
        var gap = new float[PcmAudio.Rate * 2];
        using var output = new FileStream(wav + ".tmp", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        WriteHeader(output, 0);
        var lines = new List<string> { "start\tend" };
        var offset = 0.0;
        long frames = 0;
        for (var i = 0; offset < target; i++)
        {
            var (audio, speech) = pieces[i % pieces.Count];
            foreach (var (start, end) in speech)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{offset + start:0.000}\t{offset + end:0.000}"));
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
        foreach (var (audio, _) in pieces)
        {
            audio.Dispose();
        }

        File.Move(wav + ".tmp", wav, overwrite: true);
        await File.WriteAllLinesAsync(truth, lines);
        return (wav, truth);
    }

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
