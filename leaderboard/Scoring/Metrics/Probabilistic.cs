namespace Course.Leaderboard.Scoring.Metrics;

/// <summary>Metrics on predicted probabilities or scores.</summary>
internal static class Probabilistic
{
    /// <summary>Clipping of log loss, so one confident mistake costs ln(1e15) ≈ 34.5 instead of infinity.</summary>
    public const double Epsilon = 1e-15;

    /// <summary>
    /// Mean negative log-likelihood of the true class (sklearn log_loss with eps=1e-15, as Kaggle
    /// scores it): each probability is clipped to [eps, 1-eps] and each row rescaled to sum to 1.
    /// </summary>
    /// <param name="probabilities">Row-major, <paramref name="classes"/> values per row.</param>
    public static double LogLoss(ReadOnlySpan<int> truth, ReadOnlySpan<double> probabilities, int classes)
    {
        Classification.Check(truth.Length, probabilities.Length / classes);
        double total = 0;
        for (var row = 0; row < truth.Length; row++)
        {
            var values = probabilities.Slice(row * classes, classes);
            double sum = 0;
            foreach (var p in values)
            {
                sum += Math.Clamp(p, Epsilon, 1 - Epsilon);
            }

            total -= Math.Log(Math.Clamp(values[truth[row]], Epsilon, 1 - Epsilon) / sum);
        }

        return total / truth.Length;
    }

    /// <summary>
    /// Area under the ROC curve of a binary problem (sklearn roc_auc_score): the probability that a
    /// random positive scores higher than a random negative, ties counting one half (average ranks).
    /// </summary>
    public static double RocAuc(ReadOnlySpan<bool> positive, ReadOnlySpan<double> scores)
    {
        Classification.Check(positive.Length, scores.Length);
        var order = scores.ToArray();
        var labels = positive.ToArray();
        Array.Sort(order, labels);
        long positives = 0;
        double positiveRankSum = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            var tiedPositives = 0;
            while (end < order.Length && order[end] == order[start])
            {
                tiedPositives += labels[end] ? 1 : 0;
                end++;
            }

            // Ranks start+1..end share their average rank.
            var averageRank = (start + 1 + end) / 2.0;
            positiveRankSum += tiedPositives * averageRank;
            positives += tiedPositives;
            start = end;
        }

        var negatives = positive.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException("ROC AUC needs both classes among the true labels");
        }

        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }
}
