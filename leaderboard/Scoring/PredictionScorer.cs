using Course.Leaderboard.Scoring.Csv;

namespace Course.Leaderboard.Scoring;

/// <summary>Scores a prediction file against a solution: overall, public and private parts.</summary>
internal static class PredictionScorer
{
    public static ScoreReport Score(Solution solution, string predictionsPath, CsvLimits limits, bool split = true)
    {
        var predictions = PredictionReader.Read(predictionsPath, solution, limits);
        var overall = Evaluator.Score(solution, predictions);
        if (!split)
        {
            return new ScoreReport(solution.Setup.Metric.Name, overall, null, null, solution.Count, 0);
        }

        var publicRows = new List<int>(solution.PublicRows);
        var privateRows = new List<int>(solution.Count - solution.PublicRows);
        for (var row = 0; row < solution.Count; row++)
        {
            (solution.IsPublic[row] ? publicRows : privateRows).Add(row);
        }

        return new ScoreReport(solution.Setup.Metric.Name, overall,
            publicRows.Count > 0 ? Evaluator.Score(solution, predictions, publicRows) : null,
            privateRows.Count > 0 ? Evaluator.Score(solution, predictions, privateRows) : null,
            solution.Count, solution.PublicRows);
    }
}
