using Course.Leaderboard.Scoring.Csv;

namespace Course.Leaderboard.Scoring;

/// <summary>Guesses a solution's target columns from its header, for standalone scoring.</summary>
internal static class SolutionColumns
{
    public static string[] Targets(string path, string idColumn, CsvLimits limits)
    {
        using var csv = StrictCsv.Open(path, limits);
        var header = StrictCsv.Header(csv, Path.GetFileName(path));
        return header.Where(h => h != idColumn && h != ScoringSetup.UsageColumn).ToArray();
    }
}
