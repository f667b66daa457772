using Minutes.Json;
using Minutes.Runs;

namespace Minutes.Transcription;

/// <summary>One finished chunk, as kept in the checkpoint folder, with the temperature its text was decoded at, the encoder runs and the tokens it took.</summary>
public sealed record ChunkResult(int Chunk, string Fingerprint, IReadOnlyList<TranscriptSegment> Segments, IReadOnlyList<DroppedSegment> Dropped, double Temperature = 0, int EncoderRuns = 0, int Tokens = 0);

/// <summary>
/// The checkpoint of an unfinished transcription: one small JSON file per finished chunk,
/// written atomically, each stamped with the fingerprint of the inputs and settings it was made
/// with. A resumed run reuses exactly the chunks made with the same fingerprint, so the result
/// equals that of an uninterrupted run.
/// </summary>
public sealed class TranscriptionCheckpoint
{
    private readonly string _folder;
    private readonly string _fingerprint;

    public TranscriptionCheckpoint(string folder, string fingerprint)
    {
        _folder = folder;
        _fingerprint = fingerprint;
    }

    public ChunkResult? TryLoad(int chunk)
    {
        var path = PathOf(chunk);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var result = MinutesJson.Deserialize(File.ReadAllText(path), MinutesJson.Context.ChunkResult);
            return result.Fingerprint == _fingerprint && result.Chunk == chunk ? result : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public void Save(ChunkResult result) =>
        AtomicFile.WriteAllText(PathOf(result.Chunk), MinutesJson.Serialize(result, MinutesJson.Context.ChunkResult));

    public static void Clear(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string PathOf(int chunk) => Path.Combine(_folder, $"chunk-{chunk:D5}.json");
}
