using Minutes.Json;
using Minutes.Runs;
using Minutes.Sessions;
using Minutes.Speakers;
using Minutes.Tests.Support;
using Minutes.Vad;

namespace Minutes.Tests.Samples;

/// <summary>
/// The committed sample meetings against their ground truth: the recording through decode and
/// VAD, and the reference transcript through import and sessions.
/// </summary>
public sealed class SampleTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [SkippableTheory]
    [InlineData("committee")]
    [InlineData("council")]
    [InlineData("planning")]
    [InlineData("education")]
    [InlineData("assembly")]
    public async Task The_recording_goes_through_decode_vad_whisper_and_diarization_close_to_the_ground_truth(string sample)
    {
        var run = _temp.File(sample);
        var model = _temp.File("crafted.bin");
        TinyWhisperModel.WriteCrafted(model, ["ただいま", "から", "開会", "します"]);

        var result = await CliRunner.RunAsync(
            "transcribe", RepoPaths.Sample($"{sample}/recording.ogg"), "-o", run, "--model", model, "--vad-model", RepoPaths.SileroModel, "--stop-after", "speakers");

        Assert.True(result.ExitCode == 0, result.Error);
        var folder = RunFolder.Open(run);
        var audio = folder.Read(RunFolder.AudioTrace, MinutesJson.Context.AudioInfo);
        var vad = folder.Read(RunFolder.VadTrace, MinutesJson.Context.VadTrace);
        var truth = SpeechScoring.LoadIntervals(RepoPaths.Sample($"{sample}/speech.tsv"));
        var score = SpeechScoring.Score(vad.Regions.Select(r => (r.Start, r.End)).ToList(), truth, audio.Duration);
        Assert.True(score.F1 >= 0.93, $"speech F1 {score.F1} (precision {score.Precision}, recall {score.Recall})");
        Assert.InRange(audio.Duration, truth[^1].End, truth[^1].End + 2);

        // Measured 0.7 % (committee) and 1.3 % (council) on this path, 4 speakers each; the target is 10 %.
        var speakers = folder.Read(RunFolder.SpeakersTrace, MinutesJson.Context.SpeakerMap);
        var der = DiarizationScoring.Score(DiarizationScoring.LoadRttm(RepoPaths.Sample($"{sample}/reference.rttm")), speakers.Turns, 0.25);
        Assert.True(der.Der <= 0.05, $"DER {der.Der:P1}");
        Assert.Equal(4, speakers.Speakers.Count);
        var transcript = folder.Read(RunFolder.TranscriptTrace, MinutesJson.Context.Transcript);
        Assert.All(speakers.Segments, a => Assert.Contains(transcript.Segments, s => s.Id == a.SegmentId));
    }

    [SkippableTheory]
    [InlineData("committee")]
    [InlineData("council")]
    [InlineData("planning")]
    [InlineData("education")]
    [InlineData("assembly")]
    public async Task Sessions_from_the_reference_transcript_match_the_ground_truth_within_5_s(string sample)
    {
        var run = _temp.File(sample);

        var result = await CliRunner.RunAsync("import", RepoPaths.Sample($"{sample}/reference.vtt"), "-o", run, "--agenda", RepoPaths.Sample($"{sample}/agenda.txt"));

        Assert.True(result.ExitCode == 0, result.Error);
        var plan = RunFolder.Open(run).Read(RunFolder.SessionsTrace, MinutesJson.Context.SessionPlan);
        var score = SessionScoring.Score(plan, SessionScoring.LoadReference(RepoPaths.Sample($"{sample}/sessions.tsv")), 5);
        Assert.Equal((1.0, 1.0), (score.Precision, score.Recall));
    }

    [SkippableFact]
    public async Task The_speaker_options_reach_the_diarizer_and_the_trace_explains_the_count()
    {
        var model = _temp.File("crafted.bin");
        TinyWhisperModel.WriteCrafted(model, ["ただいま", "から", "開会", "します"]);
        async Task<SpeakerMap> Diarize(string name, params string[] options)
        {
            var run = _temp.File(name);
            var result = await CliRunner.RunAsync(
                ["transcribe", RepoPaths.Sample("committee/recording.ogg"), "-o", run, "--model", model, "--vad-model", RepoPaths.SileroModel, "--stop-after", "speakers", .. options]);
            Assert.True(result.ExitCode == 0, result.Error);
            return RunFolder.Open(run).Read(RunFolder.SpeakersTrace, MinutesJson.Context.SpeakerMap);
        }

        // A much finer first clustering: the BIC joins most of what it split. Since issue 15 (Silero
        // at 0.3, no padding) a cut at 0.2 or 0.25 leaves five voices for four (nearest BIC score 0.383,
        // not a close call); at 0.3 and at the default 0.38 the four are found. Known, in docs/notes/speakers.md.
        var fine = await Diarize("fine", "--speaker-threshold", "0.2");
        Assert.Equal("0.2", fine.Settings["threshold"]);
        Assert.InRange(fine.Speakers.Count, 4, 5);
        var evidence = fine.Count!;
        // The tree is built over region pieces, far fewer than the windows.
        Assert.InRange(evidence.Pieces, 10, evidence.Windows / 2);
        Assert.Equal(evidence.LastMerges.OrderDescending(), evidence.LastMerges);
        // Every merge the BIC took scored under the penalty, the pair left apart over it.
        Assert.NotEmpty(evidence.CountMerges);
        Assert.All(evidence.CountMerges, m => Assert.True(m < 0.5, $"merge at {m}"));
        Assert.True(evidence.CountNext >= 0.5, $"pair left apart at {evidence.CountNext}");

        // A tiny penalty keeps voices apart that the default joins.
        var split = await Diarize("split", "--speaker-threshold", "0.2", "--speaker-penalty", "0.05");
        Assert.Equal(0.05, split.Count!.CountPenalty);
        Assert.True(split.Speakers.Count > 4, $"{split.Speakers.Count} speakers at a penalty far below the default");

        var bad = await CliRunner.RunAsync("transcribe", RepoPaths.Sample("committee/recording.ogg"), "-o", _temp.File("bad"), "--model", model, "--speaker-threshold", "5");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("threshold must be in (0, 2]", bad.Error, StringComparison.Ordinal);
        var zero = await CliRunner.RunAsync("transcribe", RepoPaths.Sample("committee/recording.ogg"), "-o", _temp.File("bad"), "--model", model, "--speaker-penalty", "0");
        Assert.Equal(2, zero.ExitCode);
        Assert.Contains("the speaker penalty > 0", zero.Error, StringComparison.Ordinal);
        // Both fail before the recording is decoded, not after the transcription.
        Assert.False(Directory.Exists(_temp.File("bad")));
    }
}
