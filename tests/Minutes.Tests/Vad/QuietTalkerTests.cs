using Minutes.Audio;
using Minutes.Tests.Support;
using Minutes.Vad;

namespace Minutes.Tests.Vad;

/// <summary>
/// A far talker 20 dB quieter than the near one, with a room's reverberation (QuietTalkerRecording):
/// the case the AMI excerpts showed, where quiet onsets and short answers were cut or dropped.
/// </summary>
public sealed class QuietTalkerTests
{
    [SkippableFact]
    public void A_far_talker_20_dB_quieter_is_found_whole_and_the_noise_stays_out()
    {
        using var temp = new TempFolder();
        using var audio = PcmAudio.Open(QuietTalkerRecording.Write(temp, quietDb: 20, noiseDbfs: -65, reverbSeconds: 0.3));
        var trace = new SileroVoiceActivityDetector(RepoPaths.SileroModel).Detect(audio, null, CancellationToken.None);

        Assert.All(QuietTalkerRecording.Quiet, q =>
        {
            var covered = trace.Regions.Sum(r => Math.Max(0, Math.Min(r.End, q.End) - Math.Max(r.Start, q.Start))) / (q.End - q.Start);
            Assert.True(covered >= 0.8, $"far utterance {q.Start:0.00}–{q.End:0.00} covered {covered:P0}: {VadFixture.Describe(trace.Regions)}");
        });
        Assert.InRange(QuietTalkerRecording.QuietRecall(trace.Regions), 0.93, 1.0);
        // The fixture's 5 s of louder noise (10.96–15.96) holds no speech.
        Assert.DoesNotContain(trace.Regions, r => r.Start < 15.7 && r.End > 11.2);
        Assert.InRange(VadFixture.FrameF1(trace), 0.95, 1.0);

        // The settings before (onset 0.3, whisper.cpp's offset 0.15, no start extension) lost the
        // end of the far talker's last, short answer here.
        var before = new SileroVoiceActivityDetector(RepoPaths.SileroModel, VadSettings.SileroDefaults with { Threshold = 0.3, OffsetThreshold = null, StartExtension = 0 })
            .Detect(audio, null, CancellationToken.None);
        Assert.True(QuietTalkerRecording.QuietRecall(before.Regions) < QuietTalkerRecording.QuietRecall(trace.Regions) - 0.05, VadFixture.Describe(before.Regions));
    }

    [Fact]
    public void Hysteresis_starts_at_the_onset_ends_below_the_offset_and_moves_starts_back_within_the_cap()
    {
        float[] p = [0.0f, 0.2f, 0.2f, 0.2f, 0.5f, 0.3f, 0.2f, 0.1f, 0.0f, 0.2f, 0.3f, 0.1f];

        // Onset 0.25, offset 0.15: frames 4–6 (0.2 ≥ 0.15 holds on), then frame 10 alone.
        Assert.Equal([(4.0, 7.0), (10.0, 11.0)], SpeechRegionBuilder.FromProbabilities(p, 0, 1, 0.25, 0.15));
        // Start moved back over the frames at the offset level, at most two of them.
        Assert.Equal([(2.0, 7.0), (9.0, 11.0)], SpeechRegionBuilder.FromProbabilities(p, 0, 1, 0.25, 0.15, backFrames: 2));
        // Times from frame numbers counted from the first frame; a region still open at the end closes there.
        Assert.Equal([(50.5, 52.0)], SpeechRegionBuilder.FromProbabilities([0.0f, 0.2f, 0.5f, 0.4f], 100, 0.5, 0.25, 0.15, backFrames: 10));
    }
}
