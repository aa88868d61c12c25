using Course.Leaderboard.Scoring.Metrics;

namespace Course.Leaderboard.Scoring;

/// <summary>The header a prediction file must have for a competition: the id column and the prediction columns, in any order, nothing else.</summary>
internal static class PredictionColumns
{
    /// <summary>The prediction columns the metric expects (see <see cref="PredictionLayout"/>).</summary>
    public static IReadOnlyList<string> Expected(Solution solution) => solution.Setup.Metric.Layout switch
    {
        PredictionLayout.Probabilities when solution.Classes!.Count > 2 => solution.Classes.Labels,
        PredictionLayout.Values => solution.Setup.TargetColumns,
        _ => [solution.Setup.TargetColumns[0]],
    };

    public static (int Id, int[] Values) Match(IReadOnlyList<string> header, string idColumn, IReadOnlyList<string> expected, string name)
    {
        var repeated = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new InvalidFileException(name, 1, $"column '{repeated.Key}' appears {repeated.Count()} times in the header");
        }

        var wanted = expected.Prepend(idColumn).ToList();
        var missing = wanted.Where(w => !header.Contains(w, StringComparer.Ordinal)).ToList();
        var extra = header.Where(h => !wanted.Contains(h, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            var problems = new List<string>();
            if (missing.Count > 0)
            {
                problems.Add($"missing column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))}");
            }

            if (extra.Count > 0)
            {
                problems.Add($"unexpected column(s) {string.Join(", ", extra.Select(e => $"'{e}'"))}");
            }

            throw new InvalidFileException(name, 1,
                $"{string.Join("; ", problems)} (expected the header {string.Join(",", wanted)}, in any order)");
        }

        var index = header.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i, StringComparer.Ordinal);
        return (index[idColumn], expected.Select(e => index[e]).ToArray());
    }
}
