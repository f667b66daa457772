using Minutes.Speakers;

namespace Minutes.Tests.Speakers;

public sealed class BicMergingTests
{
    /// <summary>Windows of three voices (means apart by 3σ in every dimension), the first voice split over two clusters.</summary>
    private static (List<float[]> Vectors, int[] Labels) ThreeVoicesFourClusters()
    {
        var random = new Random(7);
        var vectors = new List<float[]>();
        var labels = new List<int>();
        foreach (var (voice, cluster, count) in new[] { (0, 0, 120), (0, 1, 80), (1, 2, 150), (2, 3, 100) })
        {
            for (var i = 0; i < count; i++)
            {
                vectors.Add([.. Enumerable.Range(0, 12).Select(d => (float)((voice == d % 3 ? 3.0 : 0.0) + Gaussian(random)))]);
                labels.Add(cluster);
            }
        }

        return (vectors, [.. labels]);
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void A_split_voice_is_joined_and_distinct_voices_stay_apart()
    {
        var (vectors, labels) = ThreeVoicesFourClusters();

        var outcome = BicMerging.Merge(vectors, labels, DiarizationOptions.DefaultCountPenalty, 1, int.MaxValue);

        Assert.Equal(3, outcome.Labels.Distinct().Count());
        Assert.Equal(outcome.Labels[0], outcome.Labels[150]);
        Assert.NotEqual(outcome.Labels[0], outcome.Labels[250]);
        Assert.NotEqual(outcome.Labels[250], outcome.Labels[400]);
        var merge = Assert.Single(outcome.Merges);
        Assert.True(merge < DiarizationOptions.DefaultCountPenalty, $"merge scored {merge}");
        Assert.True(outcome.Next > DiarizationOptions.DefaultCountPenalty, $"the pair left apart scored {outcome.Next}");
    }

    [Fact]
    public void The_bounds_on_the_count_win_over_the_criterion()
    {
        var (vectors, labels) = ThreeVoicesFourClusters();

        Assert.Equal(4, BicMerging.Merge(vectors, labels, DiarizationOptions.DefaultCountPenalty, 4, int.MaxValue).Labels.Distinct().Count());
        var two = BicMerging.Merge(vectors, labels, DiarizationOptions.DefaultCountPenalty, 1, 2);
        Assert.Equal(2, two.Labels.Distinct().Count());
        Assert.Equal(2, two.Merges.Count);
        Assert.True(two.Merges[1] > DiarizationOptions.DefaultCountPenalty, "the second merge was forced");
        Assert.Single(BicMerging.Merge(vectors, [.. labels.Select(_ => 5)], 0.5, 1, 9).Labels.Distinct());
    }
}
