using System.Globalization;
using Minutes.Runs;

namespace Minutes.Audio;

/// <summary>
/// Joins the decoded audio of several recordings of one meeting into one 16 kHz file, in order,
/// so that times continue across the joins. Each recording is decoded on its own first (the
/// decoder streams), then the parts are copied block by block into the run's file: memory does
/// not grow with the length of the meeting; the disk holds the parts until the join is written.
/// </summary>
public static class AudioJoin
{
    private const int CopyBuffer = 1 << 16;

    /// <summary>
    /// The digest a run made of several recordings is known by (its manifest's source): the sha256
    /// of the recordings' sha256 digests, each in lower-case hex followed by a line feed, in order.
    /// One recording is known by its own digest.
    /// </summary>
    public static string CombinedSha256(IReadOnlyList<SourceFile> recordings)
    {
        ArgumentNullException.ThrowIfNull(recordings);
        return recordings.Count == 1
            ? recordings[0].Sha256
            : Hashing.Sha256OfText(string.Concat(recordings.Select(r => r.Sha256.ToLowerInvariant() + "\n")));
    }

    /// <summary>
    /// Decodes every recording to a part beside <paramref name="pcmPath"/>, joins the parts into it
    /// (atomically) and describes the whole: durations, samples and bytes summed, the loudest peak,
    /// the RMS over all samples, each format field the recordings' common value (or all of them
    /// joined with <c>+</c>; 0 for a rate or channel count that differs), warnings prefixed with
    /// their file's name, and <see cref="AudioInfo.Sources"/>.
    /// </summary>
    public static async Task<AudioInfo> DecodeAsync(IAudioDecoder decoder, IReadOnlyList<SourceFile> recordings, string pcmPath, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(recordings);
        var parts = new List<(SourceFile Recording, AudioInfo Info, string Path)>();
        try
        {
            for (var i = 0; i < recordings.Count; i++)
            {
                var part = string.Create(CultureInfo.InvariantCulture, $"{pcmPath}.part{i + 1}");
                parts.Add((recordings[i], null!, part));
                var index = i;
                var partProgress = progress is null ? null : new SyncProgress<double>(f => progress.Report((index + f) / recordings.Count));
                var info = await decoder.DecodeAsync(recordings[i].Path, part, partProgress, cancellationToken).ConfigureAwait(false);
                parts[i] = (recordings[i], info with { SourceSha256 = recordings[i].Sha256 }, part);
            }

            Concatenate(parts.Select(p => p.Path).ToList(), pcmPath, cancellationToken);
            JoinLevels(parts.Select(p => (p.Path, p.Info.DecodedSamples)).ToList(), pcmPath);
        }
        finally
        {
            foreach (var (_, _, path) in parts)
            {
                File.Delete(path);
                File.Delete(ChannelLevels.PathFor(path));
            }
        }

        return Describe(parts.Select(p => (p.Recording, p.Info)).ToList(), Path.GetFileName(pcmPath));
    }

    private static void Concatenate(IReadOnlyList<string> parts, string target, CancellationToken cancellationToken)
    {
        AtomicFile.Write(target, output =>
        {
            PcmWavFormat.WriteHeader(output, 0);
            long data = 0;
            var buffer = new byte[CopyBuffer];
            foreach (var part in parts)
            {
                using var input = new FileStream(part, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBuffer);
                var (offset, bytes) = PcmWavFormat.ReadHeader(input);
                input.Position = offset;
                var left = bytes;
                while (left > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var read = input.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                    if (read == 0)
                    {
                        break;
                    }

                    output.Write(buffer, 0, read);
                    left -= read;
                    data += read;
                }
            }

            output.Position = 0;
            PcmWavFormat.WriteHeader(output, data);
        });
    }

    /// <summary>
    /// Joins the parts' channel levels when every part has them with the same channel count (each
    /// part's frames cut or padded to its decoded length, so times stay aligned); otherwise the
    /// joined meeting has none and is diarized from the mono mix.
    /// </summary>
    private static void JoinLevels(IReadOnlyList<(string Path, long Samples)> parts, string pcmPath)
    {
        var target = ChannelLevels.PathFor(pcmPath);
        var levels = parts.Select(p => File.Exists(ChannelLevels.PathFor(p.Path)) ? ChannelLevels.Read(ChannelLevels.PathFor(p.Path)) : null).ToList();
        if (levels.Any(l => l is null) || levels.Select(l => l!.Channels).Distinct().Count() != 1)
        {
            File.Delete(target);
            return;
        }

        ChannelLevels.Join(levels.Select((l, i) => (l!, parts[i].Samples)).ToList()).Write(target);
    }

    private static AudioInfo Describe(IReadOnlyList<(SourceFile Recording, AudioInfo Info)> parts, string decodedFile)
    {
        var infos = parts.Select(p => p.Info).ToList();
        var samples = infos.Sum(i => i.DecodedSamples);
        var sources = new List<AudioSourcePart>();
        long start = 0;
        foreach (var (recording, info) in parts)
        {
            sources.Add(new AudioSourcePart(recording.Path, recording.Sha256, Seconds(start), Seconds(info.DecodedSamples)));
            start += info.DecodedSamples;
        }

        // The mean square of each part weighted by its samples: the RMS of the whole audio.
        var meanSquare = samples == 0 ? 0 : infos.Sum(i => i.DecodedSamples * Math.Pow(10, i.RmsLevel / 10)) / samples;
        var warnings = parts.SelectMany(p => (p.Info.Warnings ?? []).Select(w => $"{p.Recording.FileName}: {w}")).ToList();
        return new AudioInfo(
            parts[0].Recording.Path,
            CombinedSha256(parts.Select(p => p.Recording).ToList()),
            parts.Sum(p => p.Recording.Bytes),
            Common(infos.Select(i => i.Container)),
            Common(infos.Select(i => i.Codec)),
            infos.Select(i => i.SampleRate).Distinct().Count() == 1 ? infos[0].SampleRate : 0,
            infos.Select(i => i.Channels).Distinct().Count() == 1 ? infos[0].Channels : 0,
            infos.Select(i => i.BitsPerSample).Distinct().Count() == 1 ? infos[0].BitsPerSample : null,
            Seconds(samples),
            Common(infos.Select(i => i.Decoder)),
            PcmAudio.Rate,
            samples,
            decodedFile,
            infos.Max(i => i.PeakLevel),
            Math.Round(meanSquare > 1e-12 ? 10 * Math.Log10(meanSquare) : -120, 2),
            warnings.Count > 0 ? warnings : null,
            sources);
    }

    private static string Common(IEnumerable<string> values) => string.Join('+', values.Distinct(StringComparer.Ordinal));

    private static double Seconds(long samples) => Math.Round((double)samples / PcmAudio.Rate, 3);
}
