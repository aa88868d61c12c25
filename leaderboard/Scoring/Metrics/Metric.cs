using Course.Assignments.Model;
using Course.Core.Errors;

namespace Course.Leaderboard.Scoring.Metrics;

/// <summary>A metric by its course.json name, with the prediction columns it expects and its direction.</summary>
internal sealed record Metric(string Name, PredictionLayout Layout, bool HigherIsBetter)
{
    /// <summary>Every metric course.json may name, in the order of <see cref="CompetitionMetrics.Names"/>.</summary>
    public static IReadOnlyList<Metric> All { get; } = [.. CompetitionMetrics.Names.Select(Describe)];

    public bool IsClassification => Layout != PredictionLayout.Values;

    public static Metric Parse(string name) =>
        All.FirstOrDefault(m => m.Name == name)
        ?? throw new BadInputException($"metric '{name}' is not known (known: {string.Join(", ", All.Select(m => m.Name))})");

    /// <summary>True when <paramref name="a"/> is a strictly better score than <paramref name="b"/>.</summary>
    public bool Better(double a, double b) => HigherIsBetter ? a > b : a < b;

    private static Metric Describe(string name) => name switch
    {
        CompetitionMetrics.Accuracy => new(name, PredictionLayout.Label, true),
        CompetitionMetrics.MacroF1 => new(name, PredictionLayout.Label, true),
        CompetitionMetrics.LogLoss => new(name, PredictionLayout.Probabilities, false),
        CompetitionMetrics.RocAuc => new(name, PredictionLayout.Score, true),
        CompetitionMetrics.Rmse or CompetitionMetrics.Rmsle or CompetitionMetrics.Mae => new(name, PredictionLayout.Values, false),
        _ => throw new InvalidOperationException($"metric {name} has no layout and direction"),
    };
}
