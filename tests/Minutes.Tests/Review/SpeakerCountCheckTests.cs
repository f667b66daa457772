using Minutes.Review;
using Minutes.Speakers;

namespace Minutes.Tests.Review;

public sealed class SpeakerCountCheckTests
{
    private static SpeakerMap Map(int speakers, SpeakerCountEvidence? count) => new(
        MfccSpeakerEmbedder.MethodName,
        new Dictionary<string, string>(),
        [.. Enumerable.Range(1, speakers).Select(i => new Speaker($"S{i}", $"話者{i}", NameSources.Anonymous, null, 10))],
        [],
        [])
    {
        Count = count,
    };

    private static SpeakerCountEvidence Evidence(int? given, double[] merges, double? next) =>
        new(given, 0.5, 200, 20, [0.6, 0.4], merges, next);

    [Theory]
    [InlineData(new[] { 0.12, 0.3 }, 0.87, false, 0.3)]
    [InlineData(new[] { 0.12, 0.45 }, 0.87, true, 0.45)]
    [InlineData(new double[0], 0.56, true, 0.56)]
    [InlineData(new[] { 0.2 }, 0.65, false, 0.65)]
    public void The_score_nearest_the_penalty_decides_a_close_call(double[] merges, double next, bool doubtful, double nearest)
    {
        var check = SpeakerCountCheck.Of(Map(4, Evidence(null, merges, next)))!;

        Assert.Equal((doubtful, nearest, false), (check.Doubtful, check.Nearest, check.Given));
        Assert.Contains(doubtful ? "a close call" : "estimated (nearest BIC score", check.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_given_count_one_voice_and_a_trace_without_evidence_are_described_plainly()
    {
        Assert.Equal("speaker count: 3, given", SpeakerCountCheck.Of(Map(3, Evidence(3, [0.49], null)))!.Describe());
        var one = SpeakerCountCheck.Of(Map(1, Evidence(null, [], null)))!;
        Assert.False(one.Doubtful);
        Assert.Equal("speaker count: 1, estimated (one voice; nothing to compare)", one.Describe());
        Assert.Null(SpeakerCountCheck.Of(Map(2, null)));
        Assert.Null(SpeakerCountCheck.Of(Map(0, new SpeakerCountEvidence(null, 0.5, 0, 0, [], [], null))));
        Assert.Null(SpeakerCountCheck.Of(null));
    }

    [Theory]
    [InlineData("onnx:wespeaker_en_voxceleb_resnet34.onnx")]
    [InlineData("onnx:3dspeaker_speech_campplus_sv_zh-cn_16k-common.onnx")]
    [InlineData("onnx:my-own-model.onnx")]
    public void A_count_estimated_with_an_uncalibrated_speaker_model_is_always_doubted(string method)
    {
        // Far from the penalty: with the built-in embedder this count would stand unquestioned.
        var map = Map(4, Evidence(null, [0.1], 1.4)) with { Method = method };
        var check = SpeakerCountCheck.Of(map)!;

        Assert.True(check.Uncalibrated);
        Assert.True(check.Doubtful);
        Assert.Contains("never measured", check.Describe(), StringComparison.Ordinal);

        // A given count needs no calibration.
        Assert.False(SpeakerCountCheck.Of(Map(4, Evidence(4, [0.1], 1.4)) with { Method = method })!.Doubtful);
        Assert.False(SpeakerCountCheck.Of(Map(4, Evidence(null, [0.1], 1.4)))!.Doubtful);
    }
}
