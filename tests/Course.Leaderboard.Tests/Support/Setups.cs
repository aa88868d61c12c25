using Course.Leaderboard.Scoring;
using Course.Leaderboard.Scoring.Metrics;

namespace Course.Leaderboard.Tests.Support;

/// <summary>Scoring setups for tests: id column "id", target "label" (or "y" for regression).</summary>
internal static class Setups
{
    public static ScoringSetup For(string metric, params string[] targets) =>
        new(Metric.Parse(metric), "id", targets.Length > 0 ? targets : [Metric.Parse(metric).IsClassification ? "label" : "y"], 0.3, 7);
}
