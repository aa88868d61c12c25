using Course.Leaderboard.Scoring.Metrics;

namespace Course.Leaderboard.Tests.Scoring.Metrics;

public sealed class ClassificationTests
{
    [Fact]
    public void Accuracy_SklearnDocExample_IsOneHalf()
    {
        // sklearn.metrics.accuracy_score docs: y_pred = [0, 2, 1, 3], y_true = [0, 1, 2, 3] -> 0.5
        var score = Classification.Accuracy([0, 1, 2, 3], [0, 2, 1, 3]);

        Assert.Equal(0.5, score, 12);
    }

    [Fact]
    public void MacroF1_SklearnDocExample_MatchesDocumentedValue()
    {
        // sklearn.metrics.f1_score docs: y_true = [0, 1, 2, 0, 1, 2], y_pred = [0, 2, 1, 0, 0, 1],
        // average="macro" -> 0.26... (class 0: F1 = 0.8, classes 1 and 2: 0; mean 0.8 / 3).
        var score = Classification.MacroF1([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], 3);

        Assert.Equal(0.8 / 3, score, 12);
    }

    [Fact]
    public void MacroF1_LabelOnlyPredicted_CountsAsZeroF1Class()
    {
        // sklearn uses the union of true and predicted labels: label 2 is only predicted, F1 = 0.
        // label 0: TP 1, FP 0, FN 1 -> 2/3; label 1: TP 1, FP 0, FN 0 -> 1; label 2: 0. Mean 5/9.
        var score = Classification.MacroF1([0, 0, 1], [0, 2, 1], 3);

        Assert.Equal(5.0 / 9, score, 12);
    }

    [Fact]
    public void MacroF1_LabelInNeitherSide_IsIgnored()
    {
        var withUnused = Classification.MacroF1([0, 1, 1], [0, 1, 0], 5);
        var without = Classification.MacroF1([0, 1, 1], [0, 1, 0], 2);

        Assert.Equal(without, withUnused, 12);
    }
}
