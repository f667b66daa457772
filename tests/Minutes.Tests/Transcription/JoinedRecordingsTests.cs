using Minutes.Json;
using Minutes.Runs;
using Minutes.Tests.Support;

namespace Minutes.Tests.Transcription;

/// <summary>
/// A meeting recorded in two files (two clips of the VAD fixture's Japanese speech: the first
/// utterance, then the third after a second of silence) given to <c>transcribe</c> together:
/// real decoder, the energy detector, real Whisper.net on a crafted model, the offline drafter and
/// the review page.
/// </summary>
public sealed class JoinedRecordingsTests : IDisposable
{
    private const double FirstSeconds = 6.4;
    private const double SecondSeconds = 4.8;
    private readonly TempFolder _temp = new();
    private readonly string _model;
    private readonly string _first;
    private readonly string _second;

    public JoinedRecordingsTests()
    {
        _model = _temp.File("crafted.bin");
        TinyWhisperModel.WriteCrafted(_model, ["ただいま", "から", "委員会", "を", "開会", "します"]);
        _first = _temp.File("part1.wav");
        _second = _temp.File("part2.wav");
        SpeechClip.Write(_first, 0, FirstSeconds);
        SpeechClip.Write(_second, 16.2, 20.0, silenceBefore: 1);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Two_recordings_make_one_run_whose_duration_is_their_sum_and_whose_times_continue_across_the_join()
    {
        var run = _temp.File("run");

        var result = await CliRunner.RunAsync("transcribe", _first, _second, "-o", run, "--model", _model, "--energy-vad", "--threads", "2", "--offline");

        Assert.True(result.ExitCode == 0, result.Error);
        var folder = RunFolder.Open(run);
        var audio = folder.Read(RunFolder.AudioTrace, MinutesJson.Context.AudioInfo);
        Assert.Equal(FirstSeconds + SecondSeconds, audio.Duration, 2);
        Assert.Equal(audio.DecodedSamples, new FileInfo(folder.PathOf(RunFolder.DecodedAudio)).Length / 2 - 22);
        Assert.NotNull(audio.Sources);
        Assert.Equal([_first, _second], audio.Sources.Select(s => s.File));
        Assert.Equal([Hashing.Sha256OfFile(_first), Hashing.Sha256OfFile(_second)], audio.Sources.Select(s => s.Sha256));
        Assert.Equal((0.0, FirstSeconds), (audio.Sources[0].Start, audio.Sources[1].Start));
        Assert.Equal(SecondSeconds, audio.Sources[1].Duration, 2);
        Assert.Equal("wav", audio.Container);

        // The manifest knows the run by both recordings, in order.
        var source = folder.LoadManifest().Source!;
        Assert.Equal("part1.wav + part2.wav", source.FileName);
        Assert.Equal(Hashing.Sha256OfText($"{Hashing.Sha256OfFile(_first)}\n{Hashing.Sha256OfFile(_second)}\n"), source.Sha256);
        Assert.Equal(source.Sha256, audio.SourceSha256);

        // The second recording's utterance (0.56 s after its second of silence) is transcribed at its place after the first recording.
        var transcript = folder.Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript);
        Assert.Contains(transcript.Segments, s => s.Start < FirstSeconds - 1);
        Assert.Contains(transcript.Segments, s => Math.Abs(s.Start - (FirstSeconds + 1.56)) < 0.3 && s.End <= audio.Duration + 0.001);

        var page = await File.ReadAllTextAsync(folder.PathOf(RunFolder.ReviewPage));
        Assert.Contains("<li class=\"join\" data-start=\"6.4\">", page, StringComparison.Ordinal);
        Assert.Contains("録音の継ぎ目（次の録音ファイル）: part2.wav", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_of_two_recordings_is_not_a_run_of_the_first_alone()
    {
        var run = _temp.File("run");
        var joined = await CliRunner.RunAsync("transcribe", _first, _second, "-o", run, "--model", _model, "--energy-vad", "--stop-after", "audio");

        var alone = await CliRunner.RunAsync("transcribe", _first, "-o", run, "--model", _model, "--energy-vad", "--stop-after", "audio", "--resume");
        var resumed = await CliRunner.RunAsync("transcribe", _first, _second, "-o", run, "--model", _model, "--energy-vad", "--stop-after", "audio", "--resume");
        var twice = await CliRunner.RunAsync("transcribe", _first, _first, "-o", _temp.File("other"), "--stop-after", "audio");

        Assert.True(joined.ExitCode == 0, joined.Error);
        Assert.Equal(2, alone.ExitCode);
        Assert.Contains("holds a run of another recording (part1.wav + part2.wav)", alone.Error, StringComparison.Ordinal);
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains("[audio] unchanged, reused", resumed.Error, StringComparison.Ordinal);
        Assert.Equal(2, twice.ExitCode);
        Assert.Contains("is given twice", twice.Error, StringComparison.Ordinal);
    }
}
