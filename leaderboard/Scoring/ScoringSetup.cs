using Course.Assignments.Model;
using Course.Leaderboard.Scoring.Metrics;

namespace Course.Leaderboard.Scoring;

/// <summary>How one competition is scored: metric, columns and the public/private split.</summary>
internal sealed record ScoringSetup(Metric Metric, string IdColumn, IReadOnlyList<string> TargetColumns,
    double PublicFraction, int SplitSeed)
{
    /// <summary>Name of the optional solution column that fixes the split per row (Public/Private).</summary>
    public const string UsageColumn = "Usage";

    public static ScoringSetup From(CompetitionSpec competition) =>
        new(Metric.Parse(competition.Metric), competition.IdColumn, competition.TargetColumns,
            competition.PublicFraction, competition.SplitSeed);
}
