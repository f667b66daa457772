using Minutes.Audio;
using Minutes.Json;
using Minutes.Runs;
using Minutes.Tests.Support;

namespace Minutes.Tests.Audio;

/// <summary>The audio stage on two recordings of different formats (the Ogg and MP3 fixtures), through the real decoder and stage runner.</summary>
public sealed class AudioJoinTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Recordings_of_different_formats_join_into_one_16k_file_described_as_a_whole()
    {
        var ogg = Describe(RepoPaths.Fixture("audio/sine440.ogg"));
        var mp3 = Describe(RepoPaths.Fixture("audio/sine440-stereo.mp3"));
        var alone = await DecodeAsync("ogg-alone", [ogg]);
        var second = await DecodeAsync("mp3-alone", [mp3]);

        var (run, joined) = await DecodeAsync("joined", [ogg, mp3]);

        Assert.Equal(alone.Info.DecodedSamples + second.Info.DecodedSamples, joined.DecodedSamples);
        Assert.Equal(PcmWavFormat.HeaderBytes + (joined.DecodedSamples * 2), new FileInfo(run.PathOf(RunFolder.DecodedAudio)).Length);
        Assert.Equal(Math.Round(joined.DecodedSamples / 16000.0, 3), joined.Duration);
        Assert.Equal(("ogg+mp3", "nvorbis+nlayer", 0, 0), (joined.Container, joined.Decoder, joined.SampleRate, joined.Channels));
        Assert.Equal(ogg.Bytes + mp3.Bytes, joined.SourceBytes);
        Assert.Equal([0, alone.Info.Duration], joined.Sources!.Select(s => s.Start));
        Assert.Equal([alone.Info.Duration, second.Info.Duration], joined.Sources!.Select(s => s.Duration));
        // Both are the same tone at the same level: the whole has their level.
        Assert.Equal(Math.Max(alone.Info.PeakLevel, second.Info.PeakLevel), joined.PeakLevel);
        Assert.InRange(joined.RmsLevel, Math.Min(alone.Info.RmsLevel, second.Info.RmsLevel) - 0.01, Math.Max(alone.Info.RmsLevel, second.Info.RmsLevel) + 0.01);
        // The second recording's samples follow the first's unchanged.
        var first = File.ReadAllBytes(alone.Run.PathOf(RunFolder.DecodedAudio))[PcmWavFormat.HeaderBytes..];
        var all = File.ReadAllBytes(run.PathOf(RunFolder.DecodedAudio))[PcmWavFormat.HeaderBytes..];
        Assert.Equal(first, all[..first.Length]);
        Assert.Equal(File.ReadAllBytes(second.Run.PathOf(RunFolder.DecodedAudio))[PcmWavFormat.HeaderBytes..], all[first.Length..]);
        Assert.Equal([Path.GetFileName(RunFolder.DecodedAudio)], Directory.GetFiles(Path.GetDirectoryName(run.PathOf(RunFolder.DecodedAudio))!).Select(Path.GetFileName));
        Assert.Null(alone.Info.Sources);
    }

    private static SourceFile Describe(string path) => new(path, Path.GetFileName(path), Hashing.Sha256OfFile(path), new FileInfo(path).Length);

    private async Task<(RunFolder Run, AudioInfo Info)> DecodeAsync(string name, IReadOnlyList<SourceFile> recordings)
    {
        var run = RunFolder.Create(_temp.File(name), null);
        await new StageRunner(run, resume: false).RunAsync(new AudioStage(new AudioDecoder(), recordings), CancellationToken.None);
        return (run, run.Read(RunFolder.AudioTrace, MinutesJson.Context.AudioInfo));
    }
}
