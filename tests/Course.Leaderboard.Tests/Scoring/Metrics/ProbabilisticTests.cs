using Course.Leaderboard.Scoring.Metrics;

namespace Course.Leaderboard.Tests.Scoring.Metrics;

public sealed class ProbabilisticTests
{
    [Fact]
    public void LogLoss_SklearnDocExample_MatchesDocumentedValue()
    {
        // sklearn.metrics.log_loss docs: log_loss(["spam", "ham", "ham", "spam"],
        //   [[.1, .9], [.9, .1], [.8, .2], [.35, .65]]) -> 0.21616...  (classes sorted: ham=0, spam=1)
        var score = Probabilistic.LogLoss([1, 0, 0, 1], [.1, .9, .9, .1, .8, .2, .35, .65], 2);

        Assert.Equal(0.21616187468057912, score, 12);
    }

    [Fact]
    public void LogLoss_ZeroProbabilityOfTrueClass_IsClippedAt1e15()
    {
        var score = Probabilistic.LogLoss([0], [0.0, 1.0], 2);

        Assert.Equal(-Math.Log(1e-15 / (1e-15 + (1 - 1e-15))), score, 9);
    }

    [Fact]
    public void LogLoss_RowsNotSummingToOne_AreRescaled()
    {
        var scaled = Probabilistic.LogLoss([0, 1], [0.2, 0.2, 0.1, 0.3], 2);

        Assert.Equal((-Math.Log(0.5) - Math.Log(0.75)) / 2, scaled, 12);
    }

    [Fact]
    public void RocAuc_SklearnDocExample_IsThreeQuarters()
    {
        // sklearn.metrics.auc / roc_curve docs: y = [1, 1, 2, 2], pred = [0.1, 0.4, 0.35, 0.8], pos_label=2 -> 0.75
        var score = Probabilistic.RocAuc([false, false, true, true], [0.1, 0.4, 0.35, 0.8]);

        Assert.Equal(0.75, score, 12);
    }

    [Fact]
    public void RocAuc_TiedScores_CountOneHalf()
    {
        // Pairs (positive, negative): (0.5, 0.5) tie -> 0.5, (0.5, 0.2) -> 1, (0.9, 0.5) -> 1, (0.9, 0.2) -> 1: 3.5 / 4.
        var score = Probabilistic.RocAuc([true, false, true, false], [0.5, 0.5, 0.9, 0.2]);

        Assert.Equal(0.875, score, 12);
    }

    [Fact]
    public void RocAuc_AllScoresEqual_IsOneHalf()
    {
        var score = Probabilistic.RocAuc([true, false, false, true, false], [1, 1, 1, 1, 1]);

        Assert.Equal(0.5, score, 12);
    }

    [Fact]
    public void RocAuc_OneClassOnly_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Probabilistic.RocAuc([true, true], [0.1, 0.2]));

        Assert.Contains("both classes", error.Message, StringComparison.Ordinal);
    }
}
