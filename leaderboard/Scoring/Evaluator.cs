using Course.Assignments.Model;
using Course.Leaderboard.Scoring.Metrics;

namespace Course.Leaderboard.Scoring;

/// <summary>Computes a metric over a subset of the solution's rows (all, public or private).</summary>
internal static class Evaluator
{
    public static double Score(Solution solution, Predictions predictions, IReadOnlyList<int>? rows = null)
    {
        var metric = solution.Setup.Metric;
        var count = rows?.Count ?? solution.Count;
        try
        {
            return metric.Name switch
            {
                CompetitionMetrics.Accuracy => Classification.Accuracy(Gather(solution.Labels!, rows, 1), Gather(predictions.Labels!, rows, 1)),
                CompetitionMetrics.MacroF1 => Classification.MacroF1(Gather(solution.Labels!, rows, 1), Gather(predictions.Labels!, rows, 1),
                    predictions.Classes!.Count),
                CompetitionMetrics.LogLoss => Probabilistic.LogLoss(Gather(solution.Labels!, rows, 1), Gather(predictions.Values!, rows, predictions.Width),
                    predictions.Width),
                CompetitionMetrics.RocAuc => Probabilistic.RocAuc(Gather(solution.Labels!, rows, 1).Select(code => code == 1).ToArray(),
                    Gather(predictions.Values!, rows, 1)),
                CompetitionMetrics.Rmse => Regression.Rmse(Gather(solution.Values!, rows, Outputs(solution)), Gather(predictions.Values!, rows, predictions.Width), Outputs(solution)),
                CompetitionMetrics.Rmsle => Regression.Rmsle(Gather(solution.Values!, rows, Outputs(solution)), Gather(predictions.Values!, rows, predictions.Width), Outputs(solution)),
                CompetitionMetrics.Mae => Regression.Mae(Gather(solution.Values!, rows, Outputs(solution)), Gather(predictions.Values!, rows, predictions.Width), Outputs(solution)),
                _ => throw new InvalidOperationException($"metric {metric.Name} has no implementation"),
            };
        }
        catch (ArgumentException error)
        {
            // The metric's precondition failed on valid-looking data (negative value for RMSLE, one class for AUC).
            throw new Course.Core.Errors.BadInputException($"{metric.Name} over {count} rows: {error.Message}", error);
        }
    }

    private static int Outputs(Solution solution) => solution.Setup.TargetColumns.Count;

    private static T[] Gather<T>(T[] values, IReadOnlyList<int>? rows, int width)
    {
        if (rows is null)
        {
            return values;
        }

        var result = new T[rows.Count * width];
        for (var i = 0; i < rows.Count; i++)
        {
            Array.Copy(values, rows[i] * width, result, i * width, width);
        }

        return result;
    }
}
