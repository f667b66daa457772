using Minutes.Vad;

namespace Minutes.Transcription;

/// <summary>A stretch of audio sent to Whisper at once: one or more adjacent speech regions.</summary>
public sealed record TranscriptionChunk(int Index, double Start, double End, IReadOnlyList<string> RegionIds)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public double Duration => End - Start;
}

/// <summary>
/// Groups speech regions into chunks of at most <c>maxSeconds</c>: adjacent regions separated by
/// a short pause share a chunk (Whisper decodes better with context), a longer pause starts a new
/// one, and a region longer than the limit is cut into equal parts.
/// </summary>
public static class Chunking
{
    public static IReadOnlyList<TranscriptionChunk> Plan(IReadOnlyList<SpeechRegion> regions, double maxSeconds = WhisperSettings.DefaultMaxChunkSeconds, double maxGapSeconds = WhisperSettings.DefaultMaxGapSeconds)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var chunks = new List<TranscriptionChunk>();
        double start = 0, end = 0;
        var ids = new List<string>();

        void Flush()
        {
            if (ids.Count > 0)
            {
                chunks.Add(new TranscriptionChunk(chunks.Count, start, end, ids.ToList()));
                ids.Clear();
            }
        }

        foreach (var region in regions.OrderBy(r => r.Start))
        {
            if (region.Duration > maxSeconds)
            {
                Flush();
                var parts = (int)Math.Ceiling(region.Duration / maxSeconds);
                var length = region.Duration / parts;
                for (var i = 0; i < parts; i++)
                {
                    chunks.Add(new TranscriptionChunk(chunks.Count, Round(region.Start + (i * length)), Round(region.Start + ((i + 1) * length)), [region.Id]));
                }

                continue;
            }

            if (ids.Count > 0 && (region.Start - end > maxGapSeconds || region.End - start > maxSeconds))
            {
                Flush();
            }

            if (ids.Count == 0)
            {
                start = region.Start;
            }

            end = Math.Max(end, region.End);
            ids.Add(region.Id);
        }

        Flush();
        return chunks;
    }

    private static double Round(double seconds) => Math.Round(seconds, 3);
}
