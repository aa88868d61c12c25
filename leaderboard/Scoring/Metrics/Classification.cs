namespace Course.Leaderboard.Scoring.Metrics;

/// <summary>Metrics on predicted labels (class codes), as scikit-learn defines them.</summary>
internal static class Classification
{
    /// <summary>Share of rows whose predicted label equals the true one (sklearn accuracy_score).</summary>
    public static double Accuracy(ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted)
    {
        Check(truth.Length, predicted.Length);
        var correct = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            correct += truth[i] == predicted[i] ? 1 : 0;
        }

        return (double)correct / truth.Length;
    }

    /// <summary>
    /// Unweighted mean of the per-label F1 over every label that occurs in the truth or the
    /// predictions (sklearn f1_score(average="macro")): a predicted label that never occurs in the
    /// truth counts with F1 = 0.
    /// </summary>
    public static double MacroF1(ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted, int labelCount)
    {
        Check(truth.Length, predicted.Length);
        var truePositives = new long[labelCount];
        var trueCounts = new long[labelCount];
        var predictedCounts = new long[labelCount];
        for (var i = 0; i < truth.Length; i++)
        {
            trueCounts[truth[i]]++;
            predictedCounts[predicted[i]]++;
            truePositives[truth[i]] += truth[i] == predicted[i] ? 1 : 0;
        }

        double sum = 0;
        var labels = 0;
        for (var label = 0; label < labelCount; label++)
        {
            var denominator = trueCounts[label] + predictedCounts[label];
            if (denominator == 0)
            {
                continue;
            }

            // F1 = 2TP / (2TP + FP + FN) = 2TP / (true count + predicted count).
            sum += 2.0 * truePositives[label] / denominator;
            labels++;
        }

        return sum / labels;
    }

    internal static void Check(int truth, int predicted)
    {
        if (truth != predicted)
        {
            throw new ArgumentException($"{truth} true values but {predicted} predictions");
        }

        if (truth == 0)
        {
            throw new ArgumentException("no rows to score");
        }
    }
}
