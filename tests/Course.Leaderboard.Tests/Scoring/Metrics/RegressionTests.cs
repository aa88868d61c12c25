using Course.Leaderboard.Scoring.Metrics;

namespace Course.Leaderboard.Tests.Scoring.Metrics;

public sealed class RegressionTests
{
    [Fact]
    public void Rmse_SklearnDocExample_IsSquareRootOf0375()
    {
        // sklearn.metrics.root_mean_squared_error docs: y_true = [3, -0.5, 2, 7], y_pred = [2.5, 0.0, 2, 8] -> 0.612...
        var score = Regression.Rmse([3, -0.5, 2, 7], [2.5, 0.0, 2, 8], 1);

        Assert.Equal(Math.Sqrt(0.375), score, 12);
    }

    [Fact]
    public void Rmse_SklearnMultioutputDocExample_AveragesOutputs()
    {
        // sklearn docs: y_true = [[0.5, 1], [-1, 1], [7, -6]], y_pred = [[0, 2], [-1, 2], [8, -5]] -> 0.822...
        var score = Regression.Rmse([0.5, 1, -1, 1, 7, -6], [0, 2, -1, 2, 8, -5], 2);

        Assert.Equal((Math.Sqrt(1.25 / 3) + 1) / 2, score, 12);
        Assert.InRange(score, 0.822, 0.823);
    }

    [Fact]
    public void Mae_SklearnDocExamples_MatchDocumentedValues()
    {
        // sklearn.metrics.mean_absolute_error docs: 0.5 for the 1-D example, 0.75 for the multioutput one.
        Assert.Equal(0.5, Regression.Mae([3, -0.5, 2, 7], [2.5, 0.0, 2, 8], 1), 12);
        Assert.Equal(0.75, Regression.Mae([0.5, 1, -1, 1, 7, -6], [0, 2, -1, 2, 8, -5], 2), 12);
    }

    [Fact]
    public void Rmsle_SklearnDocExample_MatchesDocumentedValue()
    {
        // sklearn.metrics.root_mean_squared_log_error docs: y_true = [3, 5, 2.5, 7], y_pred = [2.5, 5, 4, 8] -> 0.199...
        // (mean_squared_log_error of the same example: 0.039...).
        var score = Regression.Rmsle([3, 5, 2.5, 7], [2.5, 5, 4, 8], 1);

        Assert.Equal(0.1993241655810799, score, 12); // numpy: sqrt(mean((log1p(y) - log1p(p))**2))
    }

    [Fact]
    public void Rmsle_NegativePrediction_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Regression.Rmsle([1, 2], [1, -0.5], 1));

        Assert.Contains("negative", error.Message, StringComparison.Ordinal);
    }
}
