using System.Globalization;
using Course.Assignments.Feedback.Metrics;

namespace Course.Assignments.Feedback.Checks;

/// <summary>
/// The sanity checks of well-known training recipes, each a small function of a metrics log.
/// Messages say what was seen and what it usually means, so a student can act on them.
/// </summary>
internal static class SanityChecks
{
    public const string InitialLossName = "initial-loss";
    public const string FiniteName = "finite";
    public const string LossDecreasesName = "loss-decreases";
    public const string BeatsBaselineName = "beats-baseline";
    public const string OverfitName = "overfit-one-batch";
    public const string SameSeedName = "same-seed-twice";

    public static FeedbackCheck InitialLoss(MetricsLog log, FeedbackOptions options)
    {
        var expected = Math.Log(options.Classes);
        if (log.LossPoints.FirstOrDefault() is not { Loss: { } first } point)
        {
            return new(InitialLossName, CheckStatus.Skipped, "no loss was logged");
        }

        if (!double.IsFinite(first))
        {
            return new(InitialLossName, CheckStatus.Fail, $"the first logged loss (step {point.Step}) is {F(first)}");
        }

        var deviation = Math.Abs(first - expected) / expected;
        return deviation <= options.InitialLossTolerance
            ? new(InitialLossName, CheckStatus.Pass, $"first loss {F(first)} at step {point.Step} is close to ln({options.Classes}) = {F(expected)}")
            : new(InitialLossName, CheckStatus.Warn,
                $"first loss {F(first)} at step {point.Step} is far from ln({options.Classes}) = {F(expected)}: " +
                (first > expected
                    ? "the initial weights may be too large, or the loss is applied to probabilities instead of logits"
                    : "the loss may be computed wrongly (averaged over the wrong axis?), or this was not the first step"));
    }

    public static FeedbackCheck Finite(MetricsLog log)
    {
        foreach (var p in log.Points)
        {
            foreach (var (name, value) in new[] { ("loss", p.Loss), ("accuracy", p.Accuracy), ("val_loss", p.ValidationLoss), ("val_accuracy", p.ValidationAccuracy) })
            {
                if (value is { } v && !double.IsFinite(v))
                {
                    return new(FiniteName, CheckStatus.Fail,
                        $"{name} is {F(v)} at step {p.Step}: training diverged (learning rate too high? log of zero? division by zero?)");
                }
            }
        }

        return new(FiniteName, CheckStatus.Pass, "no NaN or infinite values");
    }

    public static FeedbackCheck LossDecreases(MetricsLog log, FeedbackOptions options)
    {
        var losses = log.LossPoints.Select(p => p.Loss!.Value).Where(double.IsFinite).ToList();
        if (losses.Count < 3)
        {
            return new(LossDecreasesName, CheckStatus.Skipped, $"only {losses.Count} finite loss values were logged (3 or more needed)");
        }

        var tenth = Math.Max(1, losses.Count / 10);
        var start = losses.Take(tenth).Average();
        var end = losses.TakeLast(tenth).Average();
        return end <= start * (1 - options.RequiredLossDrop)
            ? new(LossDecreasesName, CheckStatus.Pass, $"loss went down from {F(start)} to {F(end)}")
            : new(LossDecreasesName, CheckStatus.Fail,
                $"loss did not go down (from {F(start)} to {F(end)}): check that gradients are zeroed and the optimizer steps, and the learning rate");
    }

    public static FeedbackCheck BeatsBaseline(MetricsLog log, FeedbackOptions options)
    {
        if (log.FinalAccuracy is not { } final)
        {
            return new(BeatsBaselineName, CheckStatus.Skipped, "no accuracy was logged");
        }

        if (options.BaselineAccuracy is null && options.BaselineUnknown is { } unknown)
        {
            return new(BeatsBaselineName, CheckStatus.Skipped, unknown);
        }

        var baseline = options.Baseline;
        return double.IsFinite(final.Value) && final.Value >= baseline + options.BaselineMargin
            ? new(BeatsBaselineName, CheckStatus.Pass, $"{final.Describe()} beats the input-independent baseline {F(baseline)}")
            : new(BeatsBaselineName, CheckStatus.Fail,
                $"{final.Describe()} is no better than always predicting the most frequent class ({F(baseline)}): the model ignores its input (shuffled labels? constant output?)");
    }

    public static FeedbackCheck OverfitOneBatch(MetricsLog overfit, FeedbackOptions options)
    {
        if (overfit.LossPoints.LastOrDefault() is not { Loss: { } loss } last)
        {
            return new(OverfitName, CheckStatus.Skipped, "the overfit run logged no loss");
        }

        var accuracy = last.Accuracy;
        return double.IsFinite(loss) && (loss < options.OverfitLoss || accuracy >= 0.99)
            ? new(OverfitName, CheckStatus.Pass, $"one batch was learned: loss {F(loss)} after {last.Step} steps")
            : new(OverfitName, CheckStatus.Fail,
                $"the model could not overfit one batch (loss {F(loss)}, accuracy {(accuracy is { } a ? F(a) : "not logged")} after {last.Step} steps): a bug in the model or the training step is likely");
    }

    public static FeedbackCheck SameSeedTwice(MetricsLog first, MetricsLog second, FeedbackOptions options)
    {
        if (first.Points.Count != second.Points.Count)
        {
            return new(SameSeedName, CheckStatus.Fail, $"two runs with the same seed logged {first.Points.Count} and {second.Points.Count} lines");
        }

        foreach (var (a, b) in first.Points.Zip(second.Points))
        {
            if (a.Step != b.Step || !Same(a.Loss, b.Loss, options) || !Same(a.Accuracy, b.Accuracy, options)
                || !Same(a.ValidationLoss, b.ValidationLoss, options) || !Same(a.ValidationAccuracy, b.ValidationAccuracy, options))
            {
                return new(SameSeedName, CheckStatus.Fail,
                    $"two runs with the same seed differ at step {a.Step} (loss {Show(a.Loss)} vs {Show(b.Loss)}): seed every generator (weights, shuffling, dropout)");
            }
        }

        return new(SameSeedName, CheckStatus.Pass, $"two runs with the same seed logged the same {first.Points.Count} lines");
    }

    private static bool Same(double? a, double? b, FeedbackOptions options) =>
        (a, b) switch
        {
            (null, null) => true,
            ({ } x, { } y) when double.IsNaN(x) && double.IsNaN(y) => true,
            ({ } x, { } y) => x == y || Math.Abs(x - y) <= options.SameSeedTolerance * Math.Max(Math.Abs(x), Math.Abs(y)),
            _ => false,
        };

    private static string Show(double? value) => value is { } v ? F(v) : "none";

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
