using Minutes.Review;
using Minutes.Speakers;

namespace Minutes.Tests.Review;

public sealed class SpeakerCountCheckTests
{
    private static SpeakerMap Map(int speakers, params (string Key, string Value)[] settings) => new(
        MfccSpeakerEmbedder.MethodName,
        settings.ToDictionary(s => s.Key, s => s.Value),
        [.. Enumerable.Range(1, speakers).Select(i => new Speaker($"S{i}", $"話者{i}", NameSources.Anonymous, null, 10))],
        [],
        []);

    [Theory]
    [InlineData("0.120 0.300", "0.870", false, 0.3)]
    [InlineData("0.120 0.450", "0.870", true, 0.45)]
    [InlineData("", "0.560", true, 0.56)]
    [InlineData("0.200", "0.650", false, 0.65)]
    public void The_score_nearest_the_penalty_decides_a_close_call(string merges, string next, bool doubtful, double nearest)
    {
        var check = SpeakerCountCheck.Of(Map(4, ("countPenalty", "0.5"), ("countMerges", merges), ("countNext", next), ("speakers", "")))!;

        Assert.Equal((doubtful, nearest, false), (check.Doubtful, check.Nearest, check.Given));
        Assert.Contains(doubtful ? "a close call" : "estimated (nearest BIC score", check.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_given_count_one_voice_and_an_old_trace_are_described_plainly()
    {
        Assert.Equal("speaker count: 3, given", SpeakerCountCheck.Of(Map(3, ("speakers", "3"), ("countMerges", "0.49"), ("countPenalty", "0.5")))!.Describe());
        var one = SpeakerCountCheck.Of(Map(1, ("countPenalty", "0.5"), ("countMerges", ""), ("countNext", "")))!;
        Assert.False(one.Doubtful);
        Assert.Equal("speaker count: 1, estimated (one voice; nothing to compare)", one.Describe());
        Assert.Null(SpeakerCountCheck.Of(Map(2, ("lastMerges", "0.6 0.4"))));
        Assert.Null(SpeakerCountCheck.Of(null));
    }
}
