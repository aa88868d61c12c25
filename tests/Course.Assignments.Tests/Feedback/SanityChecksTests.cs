using Course.Assignments.Feedback;
using Course.Assignments.Feedback.Checks;

namespace Course.Assignments.Tests.Feedback;

public sealed class SanityChecksTests
{
    private static readonly FeedbackOptions Options = new();

    private static CheckStatus StatusOf(FeedbackResult result, string name) => Assert.Single(result.Checks, c => c.Name == name).Status;

    [Fact]
    public void Analyze_HealthyRun_PassesEveryCheck()
    {
        var result = TrainingFeedback.Analyze(MetricsLines.Parse(MetricsLines.Healthy()), Options);

        Assert.All(result.Checks, c => Assert.Equal(CheckStatus.Pass, c.Status));
        Assert.True(result.Healthy);
    }

    [Fact]
    public void Analyze_SoftmaxBeforeCrossEntropyStyleStart_WarnsAboutInitialLoss()
    {
        // Loss starting far above ln(10): weights too large or probabilities fed to the loss.
        var log = MetricsLines.Parse(MetricsLines.Curve(30, s => 9.0 / s, _ => 0.5));

        var result = TrainingFeedback.Analyze(log, Options);

        Assert.Equal(CheckStatus.Warn, StatusOf(result, "initial-loss"));
        Assert.Contains("ln(10) = 2.3026", result.Checks[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_RunThatDiverges_FailsFiniteNamingTheStep()
    {
        var log = MetricsLines.Parse(MetricsLines.Curve(20, s => s < 12 ? 2.3 / s : double.NaN, _ => 0.3));

        var result = TrainingFeedback.Analyze(log, Options);

        var finite = Assert.Single(result.Checks, c => c.Name == "finite");
        Assert.Equal(CheckStatus.Fail, finite.Status);
        Assert.Contains("loss is NaN at step 12", finite.Message, StringComparison.Ordinal);
        Assert.False(result.Healthy);
    }

    [Fact]
    public void Analyze_FlatLoss_FailsLossDecreases()
    {
        var log = MetricsLines.Parse(MetricsLines.Curve(40, _ => 2.30, _ => 0.1));

        var result = TrainingFeedback.Analyze(log, Options);

        Assert.Equal(CheckStatus.Fail, StatusOf(result, "loss-decreases"));
        Assert.Equal(CheckStatus.Fail, StatusOf(result, "beats-baseline"));
        Assert.Equal(CheckStatus.Pass, StatusOf(result, "initial-loss"));
    }

    [Fact]
    public void Analyze_AccuracyAtMajorityBaseline_FailsBeatsBaseline()
    {
        var log = MetricsLines.Parse(MetricsLines.Curve(40, s => 2.3 / Math.Sqrt(s), _ => 0.31));

        var result = TrainingFeedback.Analyze(log, Options with { BaselineAccuracy = 0.30 });

        Assert.Equal(CheckStatus.Fail, StatusOf(result, "beats-baseline"));
    }

    [Fact]
    public void Analyze_DivergedRunWithOneLuckyBatch_FailsBeatsBaselineOnTheMeanOfTheLastLogs()
    {
        // Batch accuracies of a NaN run hover around chance; the last one happens to be 0.125.
        double[] accuracies = [0.09, 0.1, 0.08, 0.11, 0.125];
        var log = MetricsLines.Parse(MetricsLines.Curve(40, s => 2.3 / Math.Sqrt(s), s => s > 35 ? accuracies[s - 36] : 0.1));

        var check = TrainingFeedback.Analyze(log, Options).Checks.Single(c => c.Name == "beats-baseline");

        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.StartsWith("mean accuracy 0.101 of the last 5 logged (to step 40)", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_BaselineUnknown_SkipsBeatsBaselineWithTheNote()
    {
        var log = MetricsLines.Parse(MetricsLines.Healthy());

        var result = TrainingFeedback.Analyze(log, Options with { BaselineUnknown = "hw1 was not calibrated" });

        var check = result.Checks.Single(c => c.Name == "beats-baseline");
        Assert.Equal((CheckStatus.Skipped, "hw1 was not calibrated"), (check.Status, check.Message));
        Assert.Contains("baseline accuracy not known", result.Body.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_BaselineKnownAndUnknownNoteSet_UsesTheKnownBaseline()
    {
        var log = MetricsLines.Parse(MetricsLines.Curve(40, s => 2.3 / Math.Sqrt(s), _ => 0.31));

        var result = TrainingFeedback.Analyze(log, Options with { BaselineAccuracy = 0.30, BaselineUnknown = "not calibrated" });

        Assert.Equal(CheckStatus.Fail, StatusOf(result, "beats-baseline"));
    }

    [Fact]
    public void Analyze_ValidationAccuracyLogged_IsPreferredOverTrainingAccuracy()
    {
        var log = MetricsLines.Parse(MetricsLines.Healthy() + "{\"step\":50,\"epoch\":0,\"val_loss\":2.3,\"val_accuracy\":0.1}\n");

        var result = TrainingFeedback.Analyze(log, Options);

        Assert.Equal(CheckStatus.Fail, StatusOf(result, "beats-baseline"));
        Assert.Contains("val_accuracy 0.1", result.Checks.Single(c => c.Name == "beats-baseline").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_OverfitRunThatLearnsTheBatch_Passes()
    {
        var overfit = MetricsLines.Parse(MetricsLines.Curve(100, s => 2.3 * Math.Exp(-s / 10.0), s => Math.Min(1, s / 50.0)));

        var result = TrainingFeedback.Analyze(MetricsLines.Parse(MetricsLines.Healthy()), Options, overfit: overfit);

        Assert.Equal(CheckStatus.Pass, StatusOf(result, "overfit-one-batch"));
    }

    [Fact]
    public void Analyze_OverfitRunStuck_Fails()
    {
        var overfit = MetricsLines.Parse(MetricsLines.Curve(100, _ => 2.0, _ => 0.2));

        var result = TrainingFeedback.Analyze(MetricsLines.Parse(MetricsLines.Healthy()), Options, overfit: overfit);

        Assert.Equal(CheckStatus.Fail, StatusOf(result, "overfit-one-batch"));
    }

    [Fact]
    public void Analyze_SameSeedIdenticalLogs_Passes()
    {
        var result = TrainingFeedback.Analyze(MetricsLines.Parse(MetricsLines.Healthy()), Options, repeat: MetricsLines.Parse(MetricsLines.Healthy()));

        Assert.Equal(CheckStatus.Pass, StatusOf(result, "same-seed-twice"));
    }

    [Fact]
    public void Analyze_SameSeedDifferentLoss_FailsNamingTheStep()
    {
        var repeat = MetricsLines.Parse(MetricsLines.Curve(50, s => s == 7 ? 1.0 : 0.4 + ((Math.Log(10) - 0.4) * Math.Exp(-(s - 1) / 10.0)), s => 0.85 - (0.75 * Math.Exp(-(s - 1) / 10.0))));

        var result = TrainingFeedback.Analyze(MetricsLines.Parse(MetricsLines.Healthy()), Options, repeat: repeat);

        var check = Assert.Single(result.Checks, c => c.Name == "same-seed-twice");
        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Contains("differ at step 7", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_EmptyLog_SkipsChecksThatNeedData()
    {
        var result = TrainingFeedback.Analyze(MetricsLines.Parse(""), Options);

        Assert.Equal(CheckStatus.Skipped, StatusOf(result, "initial-loss"));
        Assert.Equal(CheckStatus.Skipped, StatusOf(result, "loss-decreases"));
        Assert.Equal(CheckStatus.Skipped, StatusOf(result, "beats-baseline"));
    }
}
