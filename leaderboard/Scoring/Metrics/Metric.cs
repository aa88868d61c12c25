using Course.Core.Errors;

namespace Course.Leaderboard.Scoring.Metrics;

/// <summary>A metric by its course.json name, with the prediction columns it expects and its direction.</summary>
internal sealed record Metric(string Name, PredictionLayout Layout, bool HigherIsBetter)
{
    public static IReadOnlyList<Metric> All { get; } =
    [
        new("accuracy", PredictionLayout.Label, true),
        new("macro-f1", PredictionLayout.Label, true),
        new("log-loss", PredictionLayout.Probabilities, false),
        new("roc-auc", PredictionLayout.Score, true),
        new("rmse", PredictionLayout.Values, false),
        new("rmsle", PredictionLayout.Values, false),
        new("mae", PredictionLayout.Values, false),
    ];

    public bool IsClassification => Layout != PredictionLayout.Values;

    public static Metric Parse(string name) =>
        All.FirstOrDefault(m => m.Name == name)
        ?? throw new BadInputException($"metric '{name}' is not known (known: {string.Join(", ", All.Select(m => m.Name))})");

    /// <summary>True when <paramref name="a"/> is a strictly better score than <paramref name="b"/>.</summary>
    public bool Better(double a, double b) => HigherIsBetter ? a > b : a < b;
}
